import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from './gateway-context';

/** Options of `startGateway`. */
export interface GatewayOptions {
  /** Port to listen on; default 4000 (`0` = any free port). */
  port?: number;
  /** Interface to bind; default 127.0.0.1 (set `0.0.0.0` behind a reverse proxy). */
  host?: string;
  /** Supergraph SDL to serve; default the contents of `supergraphPath`. */
  supergraphSdl?: string;
  /** Where to read the supergraph when `supergraphSdl` is not given; default `schema/supergraph.graphql`. */
  supergraphPath?: string;
  /**
   * Subgraph URLs by subgraph name, replacing the URLs written in the supergraph (which are the
   * embedded default's fixed ports); default none. A name the supergraph lacks is an error.
   */
  subgraphUrls?: Readonly<Record<string, string>>;
  /**
   * Production mode: no stack traces, no internal URLs in errors, no introspection; default
   * `NODE_ENV === 'production'`.
   */
  production?: boolean;
  /** Gives up on one subgraph fetch after this many milliseconds; default 30 000. */
  subgraphTimeoutMs?: number;
  /** How long `/health` waits for each subgraph's `/health`; default 1000 ms. */
  healthTimeoutMs?: number;
  /** Serve the GraphiQL playground at `GET /` for browsers; default true. */
  playground?: boolean;
  /** Citizen id pre-filled in the playground's sample query; default a syntactically valid example. */
  playgroundPersonId?: string;
  /** Extra Apollo Server plugins (authentication, policy, audit), after the built-in ones; default none. */
  plugins?: ApolloServerPlugin<GatewayContext>[];
  /**
   * Completes the per-request context from the base one (request id); throw `HttpError` to refuse
   * the request (401); default the base context unchanged.
   */
  context?: (req: IncomingMessage, base: GatewayContext) => Promise<GatewayContext>;
  /** Extra headers on every subgraph fetch (e.g. a signed internal context token); default none. */
  subgraphHeaders?: (context: GatewayContext, subgraph: string) => Record<string, string>;
}
