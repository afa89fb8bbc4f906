import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';
import { startApolloHttpServer } from '../../lib/http/apollo-http-server';
import type { Database } from './db/database';
import { migrate } from './db/migrate';
import { loadSubgraphSdl } from './load-sdl';
import type { BaseSubgraphContext, SubgraphEnvironment, SubgraphModule } from './subgraph-module';

/** Options of {@link startSubgraph}. */
export interface StartSubgraphOptions {
  /** This subgraph's database (its own schema in it); closed by `stop()` when `ownsDatabase`. */
  db: Database;
  /** Whether `stop()` closes `db`; default true. */
  ownsDatabase?: boolean;
  /** Port; default 0 (any free port). */
  port?: number;
  /** Interface; default 127.0.0.1. */
  host?: string;
  /** Production mode hides stack traces from clients; default `NODE_ENV === 'production'`. */
  production?: boolean;
  environment?: SubgraphEnvironment;
}

/** A running subgraph service. */
export interface RunningSubgraph {
  name: string;
  url: string;
  port: number;
  db: Database;
  stop(): Promise<void>;
}

/** Migrates the database, then serves the subgraph over HTTP with `/health`. */
export async function startSubgraph<TContext extends BaseSubgraphContext>(
  module: SubgraphModule<TContext>,
  options: StartSubgraphOptions,
): Promise<RunningSubgraph> {
  const { db } = options;
  await migrate(db, module.name, module.migrationsDir);
  const parts = module.build(db, options.environment ?? { subgraphUrls: {} });
  const schema = buildSubgraphSchema({
    typeDefs: parse(loadSubgraphSdl(module)),
    resolvers: parts.resolvers as GraphQLResolverMap<unknown>,
  });
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const apollo = new ApolloServer<TContext>({
    schema,
    // Shutdown order belongs to the process (subgraph before its database); see startSystem.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: !production,
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  const http = await startApolloHttpServer<TContext>({
    apollo,
    port: options.port,
    host: options.host,
    context: async (req) => {
      const header = req.headers['x-request-id'];
      const requestId = typeof header === 'string' && header ? header : randomUUID();
      return parts.context({ requestId });
    },
    routes: {
      '/health': async (_req, res) => {
        try {
          await db.query('SELECT 1');
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: 'ok', subgraph: module.name }));
        } catch {
          res.writeHead(503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ status: 'unavailable', subgraph: module.name }));
        }
      },
    },
  });
  await parts.start?.();
  let stopping: Promise<void> | undefined;
  return {
    name: module.name,
    url: http.url,
    port: http.port,
    db,
    // Idempotent: a test (or an operator) may stop one subgraph before the whole system stops.
    stop() {
      stopping ??= (async () => {
        await parts.stop?.();
        await http.stop();
        await apollo.stop();
        if (options.ownsDatabase ?? true) await db.close();
      })();
      return stopping;
    },
  };
}
