import type { ServerResponse } from 'node:http';
import type { Route } from '../lib/http/apollo-http-server';

/** Options of {@link createHealthRoute}. */
export interface HealthRouteOptions {
  /** The subgraphs' URLs by name once the supergraph is loaded; `undefined` before. */
  subgraphs: () => ReadonlyMap<string, string> | undefined;
  /** How long each subgraph's `/health` may take; default 1000 ms. */
  timeoutMs?: number;
}

type SubgraphHealth = 'ok' | 'unavailable';

async function probe(url: string, timeoutMs: number): Promise<SubgraphHealth> {
  try {
    const response = await fetch(new URL('/health', url), {
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.arrayBuffer();
    return response.status === 200 ? 'ok' : 'unavailable';
  } catch {
    return 'unavailable';
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

/**
 * `GET /health`: 200 `{ status: 'ok', subgraphs: { <name>: 'ok' } }` only when the supergraph is
 * loaded and every subgraph's own `/health` answers 200 in time; otherwise 503 with `failing`
 * naming the subgraphs that did not (never their internal URLs).
 */
export function createHealthRoute(options: HealthRouteOptions): Route {
  const timeoutMs = options.timeoutMs ?? 1000;
  return async (_req, res) => {
    const subgraphs = options.subgraphs();
    if (!subgraphs) {
      send(res, 503, { status: 'unavailable', reason: 'supergraph not loaded', subgraphs: {} });
      return;
    }
    const names = [...subgraphs.keys()].sort();
    const states = await Promise.all(
      names.map((name) => probe(subgraphs.get(name) ?? '', timeoutMs)),
    );
    const report = Object.fromEntries(names.map((name, i) => [name, states[i]]));
    const failing = names.filter((_, i) => states[i] !== 'ok');
    if (failing.length === 0) send(res, 200, { status: 'ok', subgraphs: report });
    else send(res, 503, { status: 'unavailable', subgraphs: report, failing });
  };
}
