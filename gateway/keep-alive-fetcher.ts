import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Agent, fetch } from 'undici';

/** What Apollo Gateway calls to fetch from a subgraph. */
type Fetcher = RemoteGraphQLDataSource['fetcher'];

/** Options of {@link createKeepAliveFetcher}. */
export interface KeepAliveFetcherOptions {
  /** Gives up on a subgraph request after this many milliseconds; default 30 000. */
  timeoutMs?: number;
  /**
   * Most open connections per subgraph; default 64. Fetches beyond it wait in undici's queue for
   * a free connection (queueing, never failing), so one operation may fetch from a subgraph any
   * number of times and a busy hour only waits.
   */
  connectionsPerSubgraph?: number;
  /**
   * Closes a connection idle this long; default 30 000, below the subgraphs' 65 s keep-alive
   * timeout so the gateway never reuses a connection the subgraph is closing.
   */
  idleTimeoutMs?: number;
}

/** A fetcher for subgraph requests and how to release its pooled connections. */
export interface KeepAliveFetcher {
  fetch: Fetcher;
  /** Closes every pooled connection (call on gateway stop, or Node keeps running). */
  close(): Promise<void>;
}

/**
 * The subgraph fetcher: undici (the HTTP client Node's own fetch is built on) with a keep-alive
 * pool per subgraph. Every operation fans out to several subgraphs, and a fresh TCP connection
 * per fetch would cost more than the fetch itself; undici reads each response by its length or
 * chunked framing exactly, so a reused connection never mixes two responses.
 */
export function createKeepAliveFetcher(options: KeepAliveFetcherOptions = {}): KeepAliveFetcher {
  const timeout = options.timeoutMs ?? 30_000;
  const agent = new Agent({
    connections: options.connectionsPerSubgraph ?? 64,
    pipelining: 1,
    keepAliveTimeout: options.idleTimeoutMs ?? 30_000,
    keepAliveMaxTimeout: options.idleTimeoutMs ?? 30_000,
    headersTimeout: timeout,
    bodyTimeout: timeout,
  });
  const subgraphFetch: Fetcher = (url, init) => {
    const signals = [AbortSignal.timeout(timeout)];
    if (init?.signal instanceof AbortSignal) signals.push(init.signal);
    return fetch(url, {
      method: init?.method,
      headers: init?.headers,
      body: init?.body,
      signal: AbortSignal.any(signals),
      dispatcher: agent,
    });
  };
  return {
    fetch: subgraphFetch,
    close: () => agent.close(),
  };
}
