import { createLogger } from '../../lib/log/create-logger';

/**
 * On SIGINT or SIGTERM, runs `stop` once (services, then their audit writers and databases) and
 * exits 0, or 1 if stopping failed. The process owns shutdown order; nothing else exits it.
 */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  const handle = () => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        createLogger({ service: 'system' }).error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
}
