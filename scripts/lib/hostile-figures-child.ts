/**
 * The system under attack for `scripts/hostile-figures.ts`, in a child process of its own (a bomb
 * may kill it): starts the whole system on `<dataDir>` (already seeded), then answers the parent's
 * messages over IPC:
 *   { kind: 'arm' }    → starts measuring (event-loop delay, heap, RSS high-water) → { kind: 'armed' }
 *   { kind: 'report' } → what happened since                                 → { kind: 'report', ... }
 *   { kind: 'stop' }   → stops the system and exits
 * Uses only what every version of the project has (startSystem, the key store, signUserToken), so
 * the same file measures an older checkout too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openKeyStore } from '../../lib/auth/key-store';
import { signUserToken } from '../../lib/auth/user-token';
import { startSystem } from './start-system';

interface Message {
  kind: 'arm' | 'report' | 'stop';
}

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir || !process.send) throw new Error('usage: forked by scripts/hostile-figures.ts');
  const system = await startSystem({ dataDir, gatewayPort: 0, log: () => undefined });
  const keys = openKeyStore(dataDir);
  const token = await signUserToken(
    { sub: 'figures', clientType: 'officer', dept: 'NDRC', roles: ['officer'] },
    { key: (await keys.keyPair('user-token')).privateKey },
  );
  const fixtures = JSON.parse(readFileSync(join(dataDir, 'fixtures.json'), 'utf8')) as {
    scenarios: Record<string, string[]>;
  };
  const delay = monitorEventLoopDelay({ resolution: 5 });
  let heapBase = 0;
  let heapPeak = 0;
  let highWaterBase = 0;
  let sampler: NodeJS.Timeout | undefined;
  process.on('message', (message: Message) => {
    if (message.kind === 'arm') {
      global.gc?.();
      heapBase = process.memoryUsage().heapUsed;
      heapPeak = heapBase;
      highWaterBase = process.resourceUsage().maxRSS * 1024;
      sampler = setInterval(() => {
        heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      }, 5);
      delay.reset();
      delay.enable();
      process.send?.({ kind: 'armed' });
    } else if (message.kind === 'report') {
      delay.disable();
      clearInterval(sampler);
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      process.send?.({
        kind: 'report',
        maxEventLoopDelayMs: delay.max / 1e6,
        heapGrowthMb: (heapPeak - heapBase) / 2 ** 20,
        // How far getrusage's high-water mark rose: catches a peak the sampler, blocked with the
        // event loop, could not see (0 when the process had been that big before).
        peakRssRiseMb: (process.resourceUsage().maxRSS * 1024 - highWaterBase) / 2 ** 20,
      });
    } else {
      void system.stop().then(() => process.exit(0));
    }
  });
  process.send({
    kind: 'ready',
    url: system.gatewayUrl,
    token,
    ids: Object.values(fixtures.scenarios).flat(),
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
