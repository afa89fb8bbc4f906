import type { Logger } from 'pino';
import { logOutput } from './log-output';

/**
 * A logger writing JSON lines (pino) with `bindings` on every line, e.g.
 * `createLogger({ service: 'gateway' }).info({ requestId }, 'operation')`. Lines carry request ids,
 * codes and timings, never person data; citizen ids that slip into a message are masked.
 * Create loggers when a service starts, not at import, so a test capturing logs sees them.
 */
export function createLogger(bindings: Record<string, unknown> = {}): Logger {
  return logOutput.rootLogger().child(bindings);
}
