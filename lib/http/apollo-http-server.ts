import { createServer } from 'node:http';
import type { InFlightRequests } from './in-flight-requests';
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

/** The HTTP side of a GraphQL request, as the context function may read and rewrite it. */
export interface GraphQLHttpRequest {
  /** `GET` or `POST` (others are refused by Apollo Server). */
  method: string;
  /** The URL's query string with its `?` (GET requests carry the operation there). */
  search: string;
  /**
   * The body: parsed JSON for a JSON content type, else the text ('' for GET). The context
   * function may replace it (e.g. a trusted document's id by its hash) before Apollo reads it.
   */
  body: unknown;
}

/** Options of {@link startApolloHttpServer}. */
export interface ApolloHttpServerOptions<TContext extends BaseContext> {
  /** A started ApolloServer. */
  apollo: ApolloServer<TContext>;
  /**
   * Builds the per-request context from the request and its parsed body; throw HttpError (or a
   * GraphQLError with `extensions.http.status`) to refuse the request (e.g. 401, 429).
   */
  context: (req: IncomingMessage, request: GraphQLHttpRequest) => Promise<TContext>;
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
  /** Counts the GraphQL requests being answered (their audit appends read it); default none. */
  inFlight?: InFlightRequests;
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

/**
 * How much of a body over the limit is still read (and dropped) so that the client, which is
 * usually still sending, can read the 413; past it the connection is cut.
 */
const DRAIN_FACTOR = 8;

function tooLarge(limit: number, measured: number): HttpError {
  return new HttpError(413, `request body larger than ${limit} bytes`, 'PAYLOAD_TOO_LARGE', {
    extensions: { limit: 'maxBodyBytes', max: limit, measured },
    headers: { connection: 'close' },
  });
}

/**
 * The body as text, at most `limit` bytes. A larger body (or a larger declared Content-Length) is
 * refused with 413 once the client has finished sending it (read and dropped, up to
 * DRAIN_FACTOR times the limit, so the client sees the 413 instead of a reset connection).
 */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > limit * DRAIN_FACTOR) {
      reject(tooLarge(limit, declared));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = declared > limit;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (!over) {
        chunks.push(chunk);
      } else if (size > limit * DRAIN_FACTOR) {
        req.destroy();
        reject(tooLarge(limit, size));
      } else {
        chunks.length = 0;
      }
    });
    req.on('end', () => {
      if (over) reject(tooLarge(limit, Math.max(size, Number.isNaN(declared) ? 0 : declared)));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/** Writes a GraphQL-shaped error body with an HTTP status. */
export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  code: string,
  details: {
    extensions?: Readonly<Record<string, unknown>>;
    headers?: Readonly<Record<string, string>>;
  } = {},
): void {
  const body = JSON.stringify({
    errors: [{ message, extensions: { code, ...details.extensions } }],
  });
  res.writeHead(status, {
    ...details.headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
  });
  res.end(body);
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
    const request: GraphQLHttpRequest = {
      method: req.method ?? 'GET',
      search: url.search,
      body: parsed,
    };
    const context = await options.context(req, request);
    const result = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: request.method,
        headers,
        search: request.search,
        body: request.body,
      },
      context: async () => context,
    });
    const outHeaders: Record<string, string> = {};
    for (const [key, value] of result.headers) outHeaders[key] = value;
    if (result.body.kind === 'complete') {
      // A known length, not chunked: keep-alive clients read exactly one response per request.
      outHeaders['content-length'] = String(Buffer.byteLength(result.body.string));
      res.writeHead(result.status ?? 200, outHeaders);
      res.end(result.body.string);
    } else {
      res.writeHead(result.status ?? 200, outHeaders);
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
    const [routeName, route] = routeOf(req, url);
    if (!route && options.inFlight) {
      const inFlight = options.inFlight;
      inFlight.started();
      // 'close' follows every answer, sent or abandoned: counted down once either way.
      res.once('close', () => inFlight.finished());
    }
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
          sendError(res, error.status, error.message, error.code, error);
        } else if (error instanceof GraphQLError) {
          // Refusals raised while building the context (bad X-Purpose, ...) keep their code.
          const { http, code, ...extensions } = error.extensions as {
            http?: { status?: number };
            code?: unknown;
          };
          errorCode = typeof code === 'string' ? code : 'BAD_REQUEST';
          sendError(res, http?.status ?? 400, error.message, errorCode, { extensions });
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
