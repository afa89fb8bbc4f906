import type { BaseContext } from '@apollo/server';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { Database } from './db/database';
import type { SyntheticPerson } from './seed/synthetic-person';

/** What every subgraph request context carries, whatever the department. */
export interface BaseSubgraphContext extends BaseContext {
  /** The gateway's request id (header `x-request-id`), or a fresh one. */
  requestId: string;
}

/** Settings shared by all subgraphs of one running system. */
export interface SubgraphEnvironment {
  /** Base URL of each subgraph by name; the credit collector reads department feeds from here. */
  subgraphUrls: Record<string, string>;
  /** Clock; default `() => new Date()`. Tests pin it. */
  now?: () => Date;
}

/** The live parts of a subgraph built over its database. */
export interface SubgraphParts<TContext extends BaseSubgraphContext> {
  resolvers: GraphQLResolverMap<TContext>;
  /** Extends the base context per request (DataLoaders live here, one set per request). */
  context(base: BaseSubgraphContext): TContext;
  /** Background work that runs with the service (the credit collector); default none. */
  start?(): Promise<void>;
  /** Stops background work before the database closes; default none. */
  stop?(): Promise<void>;
}

/** A department's subgraph: its schema, migrations and resolvers, independent of how it runs. */
export interface SubgraphModule<TContext extends BaseSubgraphContext = BaseSubgraphContext> {
  /** Service name and database schema name, e.g. `tax`. */
  name: string;
  /** Absolute path of the SDL file (`<name>.graphql`). */
  sdlFile: string;
  /** Absolute path of the versioned SQL migrations. */
  migrationsDir: string;
  build(db: Database, environment: SubgraphEnvironment): SubgraphParts<TContext>;
  /** Replaces this department's data with its part of the synthetic county; default none. */
  seed?(db: Database, persons: readonly SyntheticPerson[]): Promise<void>;
}

/** A subgraph module with its context type erased, so modules of different contexts share a list. */
export type RegisteredSubgraph = SubgraphModule<BaseSubgraphContext>;

/**
 * Erases a module's context type. Safe because a module's resolvers only ever receive the
 * context made by the same module's `context()`; the list never mixes the two.
 */
export function registerSubgraph<TContext extends BaseSubgraphContext>(
  module: SubgraphModule<TContext>,
): RegisteredSubgraph {
  return module as unknown as RegisteredSubgraph;
}
