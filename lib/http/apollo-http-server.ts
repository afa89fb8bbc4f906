import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { createLogger } from '../log/create-logger';
import { withServerSpan } from '../tracing/with-server-span';
import { HttpError } from './http-error';

/**
 * A route served next to GraphQL (health, playground, metrics). Returning `false` passes the
 * request on to GraphQL (e.g. `GET /` serves a page to browsers and queries to everyone else).
 */
export type Route = (
  req: IncomingMessage,
  res: ServerResponse,
) => Promise<void | boolean> | void | boolean;

/** Options of {@link startApolloHttpServer}. */
export interface ApolloHttpServerOptions<TContext extends BaseContext> {
  /** A started ApolloServer. */
  apollo: ApolloServer<TContext>;
  /** Builds the per-request context; throw HttpError to refuse the request (e.g. 401). */
  context: (req: IncomingMessage) => Promise<TContext>;
  /** Port to listen on; default 0 (any free port). */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** GET routes by exact path, answered before GraphQL. */
  routes?: Record<string, Route>;
  /** POST routes by exact path other than GraphQL's (dev sign-in); default none. */
  postRoutes?: Record<string, Route>;
  /** Service name for traces, logs and metrics (`gateway`, `tax`, ...); default `http`. */
  name?: string;
  /** Called once per answered request (metrics); default none. */
  observe?: (request: ObservedRequest) => void;
  /** Largest request body accepted, in bytes; default 1 MiB. */
  maxBodyBytes?: number;
}

/** One answered request, as {@link ApolloHttpServerOptions.observe} sees it. */
export interface ObservedRequest {
  /** The route's path, or `graphql` for everything else (bounded: never the raw URL). */
  route: string;
  method: string;
  status: number;
  durationMs: number;
  /** The error code when the HTTP layer itself refused the request (401, 413, 400, 500). */
  errorCode?: string;
}

/** A listening server and how to stop it. */
export interface RunningHttpServer {
  url: string;
  port: number;
  server: Server;
  stop(): Promise<void>;
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, `request body larger than ${limit} bytes`, 'PAYLOAD_TOO_LARGE'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Writes a GraphQL-shaped error body with an HTTP status. */
export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  code: string,
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * Serves an ApolloServer over node:http: the same path in the embedded default and production,
 * with no web framework in between.
 */
export async function startApolloHttpServer<TContext extends BaseContext>(
  options: ApolloHttpServerOptions<TContext>,
): Promise<RunningHttpServer> {
  const limit = options.maxBodyBytes ?? 1024 * 1024;
  const service = options.name ?? 'http';
  const log = createLogger({ service });
  const routeOf = (req: IncomingMessage, url: URL): [string, Route | undefined] => {
    const table =
      req.method === 'GET'
        ? options.routes
        : req.method === 'POST'
          ? options.postRoutes
          : undefined;
    const route = table?.[url.pathname];
    return route ? [url.pathname, route] : ['graphql', undefined];
  };
  const handle = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const [, route] = routeOf(req, url);
    if (route && (await route(req, res)) !== false) return;
    const body = req.method === 'POST' ? await readBody(req, limit) : '';
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let parsed: unknown = body;
    if (body && (headers.get('content-type') ?? '').includes('json')) {
      try {
        parsed = JSON.parse(body);
      } catch {
        throw new HttpError(400, 'request body is not valid JSON', 'BAD_REQUEST');
      }
    }
    const context = await options.context(req);
    const result = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method ?? 'GET',
        headers,
        search: url.search,
        body: parsed,
      },
      context: async () => context,
    });
    const outHeaders: Record<string, string> = {};
    for (const [key, value] of result.headers) outHeaders[key] = value;
    res.writeHead(result.status ?? 200, outHeaders);
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };
  const server = createServer((req, res) => {
    const began = performance.now();
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      // An absolute-form target Node accepts but URL cannot parse: refused, never a crash.
      sendError(res, 400, 'malformed request target', 'BAD_REQUEST');
      return;
    }
    const [routeName] = routeOf(req, url);
    let errorCode: string | undefined;
    if (options.observe) {
      const observe = options.observe;
      res.once('finish', () =>
        observe({
          route: routeName,
          method: req.method === 'GET' || req.method === 'POST' ? req.method : 'other',
          status: res.statusCode,
          durationMs: performance.now() - began,
          ...(errorCode !== undefined && { errorCode }),
        }),
      );
    }
    const run = () =>
      handle(req, res, url).catch((error: unknown) => {
        if (res.headersSent) {
          res.destroy();
        } else if (error instanceof HttpError) {
          errorCode = error.code;
          sendError(res, error.status, error.message, error.code);
        } else if (error instanceof GraphQLError) {
          // Refusals raised while building the context (bad X-Purpose, ...) keep their code.
          const { http, ...extensions } = error.extensions as {
            http?: { status?: number };
            code?: unknown;
          };
          errorCode = typeof extensions.code === 'string' ? extensions.code : 'BAD_REQUEST';
          res.writeHead(http?.status ?? 400, {
            'content-type': 'application/json; charset=utf-8',
          });
          res.end(JSON.stringify({ errors: [{ message: error.message, extensions }] }));
        } else {
          errorCode = 'INTERNAL_SERVER_ERROR';
          log.error({ err: error, route: routeName }, 'request failed');
          sendError(res, 500, 'internal server error', 'INTERNAL_SERVER_ERROR');
        }
      });
    void withServerSpan(service, routeName, req, res, run);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/`,
    port,
    server,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
