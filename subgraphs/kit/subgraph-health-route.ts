import type { AuditWriter } from '../../lib/audit/audit-writer';
import type { Route } from '../../lib/http/apollo-http-server';
import type { Database } from './db/database';

/** Options of {@link createSubgraphHealthRoute}. */
export interface SubgraphHealthRouteOptions {
  /** The subgraph's name. */
  name: string;
  db: Database;
  /** The subgraph's audit chain; absent when it runs unaudited (tests of one subgraph). */
  audit?: AuditWriter;
  /** How long each dependency may take to answer; default 1000 ms. */
  timeoutMs?: number;
}

type State = 'ok' | 'unavailable';

async function within(work: Promise<unknown>, ms: number): Promise<State> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<State>((resolve) => {
    timer = setTimeout(() => resolve('unavailable'), ms);
  });
  const done = work.then(
    (): State => 'ok',
    (): State => 'unavailable',
  );
  return Promise.race([done, late]).finally(() => clearTimeout(timer));
}

/**
 * A subgraph's `GET /health` (no token, no data): 200 `{ status: 'ok', subgraph, database: 'ok',
 * audit: 'ok' }` when its database answers and its audit store takes a (rolled-back) write, each
 * within the timeout; otherwise 503 with the failing dependency `unavailable`. The gateway's
 * `/health` reports these per subgraph. Checks run one at a time (a request arriving meanwhile
 * shares the answer).
 */
export function createSubgraphHealthRoute(options: SubgraphHealthRouteOptions): Route {
  const timeoutMs = options.timeoutMs ?? 1000;
  let running: Promise<Record<string, string>> | undefined;
  const check = async () => {
    const [database, audit] = await Promise.all([
      within(options.db.query('SELECT 1'), timeoutMs),
      options.audit
        ? options.audit
            .health(timeoutMs)
            .then((health): State => (health.ok ? 'ok' : 'unavailable'))
        : undefined,
    ]);
    const ok = database === 'ok' && audit !== 'unavailable';
    return {
      status: ok ? 'ok' : 'unavailable',
      subgraph: options.name,
      database,
      ...(audit && { audit }),
    };
  };
  return async (_req, res) => {
    running ??= check().finally(() => {
      running = undefined;
    });
    const report = await running;
    res.writeHead(report.status === 'ok' ? 200 : 503, {
      'content-type': 'application/json',
      'cache-control': 'no-store',
    });
    res.end(JSON.stringify(report));
  };
}
