import type { ServerResponse } from 'node:http';
import type { AuditStoreHealth } from '../lib/audit/audit-writer';
import type { Route } from '../lib/http/apollo-http-server';
import type { RateLimiter } from './limits/rate-limiter';

/** Options of {@link createHealthRoute}. */
export interface HealthRouteOptions {
  /** The subgraphs' URLs by name once the supergraph is loaded; `undefined` before. */
  subgraphs: () => ReadonlyMap<string, string> | undefined;
  /** How long each subgraph's `/health` and the audit probe may take; default 1000 ms. */
  timeoutMs?: number;
  /** Probes the gateway's audit store; undefined (or resolving undefined) when unaudited. */
  audit?: (timeoutMs: number) => Promise<AuditStoreHealth | undefined>;
  /** The rate limiter, reported (Redis down is not fatal: each gateway falls back to memory). */
  rateLimiter?: RateLimiter;
}

type State = 'ok' | 'unavailable';

/** One subgraph's health as it reported it (`database`, `audit`), or `unavailable` unreachable. */
interface SubgraphHealth {
  status: State;
  database?: State;
  audit?: State;
}

interface HealthReport {
  status: State;
  audit: State | 'not configured';
  rateLimits: string;
  subgraphs: Record<string, SubgraphHealth>;
  reason?: string;
  failing?: string[];
}

const DEPENDENCIES = ['database', 'audit'] as const;

function stateOf(value: unknown): State | undefined {
  return value === 'ok' || value === 'unavailable' ? value : undefined;
}

async function probe(url: string, timeoutMs: number): Promise<SubgraphHealth> {
  try {
    const response = await fetch(new URL('/health', url), {
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    const health: SubgraphHealth = { status: response.status === 200 ? 'ok' : 'unavailable' };
    for (const dependency of DEPENDENCIES) {
      const state = stateOf(body[dependency]);
      if (state) health[dependency] = state;
    }
    return health;
  } catch {
    return { status: 'unavailable' };
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

function rateLimitState(limiter: RateLimiter | undefined): string {
  if (!limiter) return 'off';
  if (limiter.kind === 'memory') return 'memory';
  return limiter.healthy() ? 'redis' : 'redis unavailable (in-memory fallback)';
}

/**
 * `GET /health`: 200 `{ status: 'ok', audit: 'ok', subgraphs: { <name>: { status: 'ok', database:
 * 'ok', audit: 'ok' } } }` only when the supergraph is loaded, the gateway's audit store takes a
 * (rolled-back) write in time and every subgraph's own `/health` answers 200 (each checks its
 * database and audit store); otherwise 503 with `failing` naming what fails (`audit`, `tax`,
 * `tax.database`, ...), never an internal URL. `rateLimits` says where the budgets are kept.
 */
export function createHealthRoute(options: HealthRouteOptions): Route {
  const timeoutMs = options.timeoutMs ?? 1000;
  // One check at a time: requests arriving while it runs share its answer, so a flood of
  // `/health` costs at most one probe of each dependency at once.
  let running: Promise<HealthReport> | undefined;

  const check = async (): Promise<HealthReport> => {
    const subgraphs = options.subgraphs();
    const rateLimits = rateLimitState(options.rateLimiter);
    const auditProbe = options.audit?.(timeoutMs) ?? Promise.resolve(undefined);
    if (!subgraphs) {
      await auditProbe.catch(() => undefined);
      return {
        status: 'unavailable',
        reason: 'supergraph not loaded',
        audit: 'unavailable',
        rateLimits,
        subgraphs: {},
        failing: ['supergraph'],
      };
    }
    const names = [...subgraphs.keys()].sort();
    const [audit, ...states] = await Promise.all([
      auditProbe.catch((): AuditStoreHealth => ({ ok: false })),
      ...names.map((name) => probe(subgraphs.get(name) ?? '', timeoutMs)),
    ]);
    const failing: string[] = [];
    if (audit && !audit.ok) failing.push('audit');
    names.forEach((name, index) => {
      const state = states[index];
      const broken = DEPENDENCIES.filter((dependency) => state[dependency] === 'unavailable');
      if (broken.length > 0) failing.push(...broken.map((dependency) => `${name}.${dependency}`));
      else if (state.status !== 'ok') failing.push(name);
    });
    return {
      status: failing.length === 0 ? 'ok' : 'unavailable',
      audit: audit ? (audit.ok ? 'ok' : 'unavailable') : 'not configured',
      rateLimits,
      subgraphs: Object.fromEntries(names.map((name, index) => [name, states[index]])),
      ...(failing.length > 0 && { failing }),
    };
  };

  return async (_req, res) => {
    running ??= check().finally(() => {
      running = undefined;
    });
    const report = await running;
    send(res, report.status === 'ok' ? 200 : 503, report);
  };
}
