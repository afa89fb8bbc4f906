/**
 * `npm run figures:hostile`: what each hostile request of docs/SECURITY.md ("Request limits") does
 * to a running system: time until the client gets an answer, the longest the gateway's event loop
 * was blocked, how much its heap grew, and how a normal profile query sent 50 ms later fared. Each
 * bomb hits a fresh system in a child process (a bomb may kill it), seeded once in a temp folder.
 *
 *   npm run figures:hostile -- [--timeout 120] [--only merge-20000,...] [--max-old-space 4096]
 *
 * The child uses only startSystem, the key store and signUserToken, so copying this file and
 * scripts/lib/hostile-figures-child.ts into an older checkout measures that version the same way
 * ("before" figures).
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startSystem } from './lib/start-system';

const PROFILE = `query Profile($id: ID!) {
  person(id: $id) { id householdStatus creditProfile { score level } }
}`;

interface Ready {
  kind: 'ready';
  url: string;
  token: string;
  ids: string[];
}

interface Report {
  kind: 'report';
  maxEventLoopDelayMs: number;
  heapGrowthMb: number;
  peakRssRiseMb: number;
}

interface Bomb {
  name: string;
  what: string;
  body: (ids: string[]) => unknown;
}

const repeat = (count: number, item: (index: number) => string) =>
  Array.from({ length: count }, (_, index) => item(index)).join(' ');

const BOMBS: Bomb[] = [
  {
    name: 'merge-20000',
    what: 'same-alias merge bomb, 20,000 fields (614 KB)',
    body: () => ({ query: `{ ${repeat(20_000, (i) => `a: person(id: "${i}") { id }`)} }` }),
  },
  {
    name: 'merge-1500',
    what: 'same-alias merge bomb, 1,500 fields (44 KB)',
    body: () => ({ query: `{ ${repeat(1_500, (i) => `a: person(id: "${i}") { id }`)} }` }),
  },
  {
    name: 'deep',
    what: 'deep nesting, 100,000 levels',
    body: () => ({ query: `{${'a{'.repeat(100_000)}b${'}'.repeat(100_001)}` }),
  },
  {
    name: 'aliases',
    what: '10,000 aliases of person(id)',
    body: (ids) => ({
      query: `{ ${repeat(10_000, (i) => `a${i}: person(id: "${ids[i % ids.length]}") { id }`)} }`,
    }),
  },
  {
    name: 'directives',
    what: 'directive flood, 30,000 @skip',
    body: () => ({ query: `{ __typename ${'@skip(if: false) '.repeat(30_000)}}` }),
  },
  {
    name: 'operation-name',
    what: '1 MB operation name',
    body: (ids) => ({
      query: PROFILE,
      operationName: 'A'.repeat(1_000_000),
      variables: { id: ids[0] },
    }),
  },
  {
    name: 'ids-aliases',
    what: '50 aliases × persons(ids: 500 ids)',
    body: (ids) => ({
      query: `query ($ids: [ID!]!) { ${repeat(50, (i) => `a${i}: persons(ids: $ids) { id name householdStatus }`)} }`,
      variables: { ids: Array.from({ length: 500 }, (_, i) => ids[i % ids.length]) },
    }),
  },
  {
    name: 'largest-allowed',
    what: 'allowed: persons(ids: 500 ids) with a profile each (cost 2,501)',
    body: (ids) => ({
      query:
        'query ($ids: [ID!]!) { persons(ids: $ids) { id name householdStatus creditProfile { score level } } }',
      variables: { ids: Array.from({ length: 500 }, (_, i) => ids[i % ids.length]) },
    }),
  },
];

function next<T>(child: ChildProcess, kind: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { kind: string }) => {
      if (message.kind !== kind) return;
      child.off('exit', onExit);
      child.off('message', onMessage);
      resolve(message as T);
    };
    const onExit = (code: number | null, signal: string | null) => {
      child.off('message', onMessage);
      reject(new Error(`the system died (exit ${code ?? signal})`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

async function post(
  url: string,
  token: string,
  body: unknown,
  timeoutMs: number,
): Promise<{ outcome: string; ms: number }> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-purpose': 'ADMIN_LICENSING',
        'x-case-ref': 'FIGURES-1',
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let code = '';
    try {
      const parsed = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
      code = parsed.errors?.[0]?.extensions?.code ?? '';
    } catch {
      code = 'not JSON';
    }
    return {
      outcome: `${response.status}${code ? ` ${code}` : ''} (${(text.length / 1024).toFixed(0)} KB)`,
      ms: performance.now() - started,
    };
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    return {
      outcome: name === 'TimeoutError' ? `no answer in ${timeoutMs / 1000} s` : 'connection failed',
      ms: performance.now() - started,
    };
  }
}

async function measure(bomb: Bomb, dataDir: string, timeoutMs: number, maxOldSpace: number) {
  const child = fork(join(__dirname, 'lib', 'hostile-figures-child.ts'), [dataDir], {
    execArgv: ['--import', 'tsx', '--expose-gc', `--max-old-space-size=${maxOldSpace}`],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  child.stderr?.resume();
  try {
    const ready = await next<Ready>(child, 'ready');
    // Warm up (JIT, pools, lazily loaded modules): the figures are of a system already serving.
    for (let i = 0; i < 20; i += 1) {
      await post(
        ready.url,
        ready.token,
        { query: PROFILE, variables: { id: ready.ids[i % ready.ids.length] } },
        timeoutMs,
      );
    }
    child.send({ kind: 'arm' });
    await next(child, 'armed');
    const died = new Promise<string>((resolve) =>
      child.once('exit', (code, signal) => resolve(`died (exit ${code ?? signal})`)),
    );
    const attack = post(ready.url, ready.token, bomb.body(ready.ids), timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const normal = post(
      ready.url,
      ready.token,
      { query: PROFILE, variables: { id: ready.ids[0] } },
      timeoutMs,
    );
    const [bombResult, normalResult] = await Promise.all([attack, normal]);
    // A system still blocked long after the client gave up is stopped by force.
    let stuck: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<string>((resolve) => {
      stuck = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(`still blocked ${(2 * timeoutMs) / 1000} s after the attack (killed)`);
      }, timeoutMs);
    });
    const alive = await Promise.race([
      (async () => {
        child.send({ kind: 'report' });
        return next<Report>(child, 'report');
      })().catch(() => undefined),
      died,
      gaveUp,
    ]);
    clearTimeout(stuck);
    return {
      bomb: bombResult,
      normal: normalResult,
      report: typeof alive === 'object' ? alive : undefined,
      fate: typeof alive === 'string' ? alive : 'alive',
    };
  } catch (error) {
    return {
      bomb: { outcome: error instanceof Error ? error.message : String(error), ms: NaN },
      normal: { outcome: '-', ms: NaN },
      report: undefined,
      fate: 'died',
    };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.send?.({ kind: 'stop' });
      await new Promise((resolve) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve(undefined);
        }, 15_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve(undefined);
        });
      });
    }
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      timeout: { type: 'string' },
      only: { type: 'string' },
      'max-old-space': { type: 'string' },
    },
  });
  const timeoutMs = Number(values.timeout ?? 120) * 1000;
  const maxOldSpace = Number(values['max-old-space'] ?? 4096);
  const only = values.only?.split(',');
  const bombs = BOMBS.filter((bomb) => !only || only.includes(bomb.name));
  const dataDir = mkdtempSync(join(tmpdir(), 'cf-figures-'));
  try {
    console.error(`seeding 300 persons into ${dataDir} …`);
    const seeding = await startSystem({ dataDir, gatewayPort: 0, seedPersons: 300, log: () => {} });
    await seeding.stop();
    console.log(
      '| bomb | answer | time to answer | max event-loop block | heap growth | RSS high-water rise | normal query (sent 50 ms later) | system |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const bomb of bombs) {
      console.error(`${bomb.name} …`);
      const result = await measure(bomb, dataDir, timeoutMs, maxOldSpace);
      const ms = (value: number) => (Number.isNaN(value) ? '-' : `${Math.round(value)} ms`);
      const mb = (value: number | undefined) =>
        value === undefined ? '-' : `${value.toFixed(1)} MB`;
      console.log(
        `| ${bomb.what} | ${result.bomb.outcome} | ${ms(result.bomb.ms)} | ${result.report ? ms(result.report.maxEventLoopDelayMs) : '-'} | ${mb(result.report?.heapGrowthMb)} | ${mb(result.report?.peakRssRiseMb)} | ${result.normal.outcome}, ${ms(result.normal.ms)} | ${result.fate} |`,
      );
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
