import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import fetch from 'node-fetch';

/** Options of {@link createKeepAliveFetcher}. */
export interface KeepAliveFetcherOptions {
  /** Gives up on a subgraph request after this many milliseconds; default 30 000. */
  timeoutMs?: number;
  /** Most concurrent sockets per subgraph; default 64. */
  maxSockets?: number;
  /**
   * Closes a socket idle this long; default 30 000, below the subgraphs' 65 s keep-alive timeout so
   * the gateway never reuses a socket the subgraph is closing.
   */
  idleTimeoutMs?: number;
}

/** A fetcher for subgraph requests and how to release its pooled sockets. */
export interface KeepAliveFetcher {
  fetch: RemoteGraphQLDataSource['fetcher'];
  /** Destroys every pooled socket (call on gateway stop, or Node keeps running). */
  close(): void;
}

/**
 * A subgraph fetcher over node:http agents with keep-alive: every operation fans out to several
 * subgraphs, and a fresh TCP connection per fetch would cost more than the fetch itself.
 */
export function createKeepAliveFetcher(options: KeepAliveFetcherOptions = {}): KeepAliveFetcher {
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.maxSockets ?? 64,
    timeout: options.idleTimeoutMs ?? 30_000,
    scheduling: 'lifo' as const,
  };
  const httpAgent = new HttpAgent(agentOptions);
  const httpsAgent = new HttpsAgent(agentOptions);
  const timeout = options.timeoutMs ?? 30_000;
  return {
    fetch: (url, init) =>
      fetch(url, {
        ...init,
        timeout,
        agent: (parsed: URL) => (parsed.protocol === 'https:' ? httpsAgent : httpAgent),
      }),
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
