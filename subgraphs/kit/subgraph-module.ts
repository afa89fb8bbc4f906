import type { BaseContext } from '@apollo/server';
import type { ResolverLog } from '../../lib/audit/resolver-log';
import type { Caller } from '../../lib/auth/caller';
import type { FieldSubject, Policy } from '../../lib/policy/types';
import type { SubjectReference } from '../../lib/subjects/subject-reference';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { Registry } from 'prom-client';
import type { Database } from './db/database';
import type { SyntheticPerson } from './seed/synthetic-person';

/** What every subgraph request context carries, whatever the department. */
export interface BaseSubgraphContext extends BaseContext {
  /** The request id the gateway (or the collector) signed into the internal context token. */
  requestId: string;
  /** Who asks and for what, from the verified internal context token. */
  caller: Caller;
  /** The fields of which persons this request resolved, masked or refused (audited on send). */
  resolverLog: ResolverLog;
  /**
   * Appends `log` as a resolver record of this request now, resolving once the audit store has
   * committed it and rejecting if it cannot: a write calls it before it writes anything, so a
   * write the audit log cannot record is not made. Without an audit writer (development, unit-level
   * tests) it records nothing, as the end-of-request record is not written then either.
   */
  appendAudit(log: ResolverLog): Promise<void>;
}

/** Settings shared by all subgraphs of one running system. */
export interface SubgraphEnvironment {
  /** Base URL of each subgraph by name; the credit collector reads department feeds from here. */
  subgraphUrls: Record<string, string>;
  /** Clock; default `() => new Date()`. Tests pin it. */
  now?: () => Date;
  /**
   * Headers identifying this service when it calls another subgraph (a signed internal context
   * token whose audience is `subgraph`); the credit collector uses them. Default none: calls
   * are refused by the other subgraph.
   */
  serviceHeaders?: (subgraph: string) => Promise<Record<string, string>>;
  /**
   * The access policy the subgraph enforces; `startSubgraph` sets it from its security, so a
   * module that validates data against the policy (consent scopes) uses the enforced one.
   * Default none (the module loads `policy/policy.yaml` if it needs one).
   */
  policy?: Policy;
  /**
   * Key of the audit log's subject HMAC, the same the writers use, so the audit read side can
   * search by citizen id; default none (the audit subgraph then loads it itself).
   */
  auditHmacKey?: Buffer;
}

/** What every department's seed is given besides its database and the persons. */
export interface SeedOptions {
  /** The seed's "today", `yyyy-mm-dd` (China Standard Time); record dates are relative to it. */
  asOf: string;
}

/** The live parts of a subgraph built over its database. */
export interface SubgraphParts<TContext extends BaseSubgraphContext> {
  resolvers: GraphQLResolverMap<TContext>;
  /** Extends the base context per request (DataLoaders live here, one set per request). */
  context(base: BaseSubgraphContext): TContext;
  /**
   * Whose data a root field's id argument names (a credit record, an objection, ...), for the
   * shield and for the gateway's `subjectsOf` lookup alike; default none (a subgraph with no
   * such field). `context` is this subgraph's request context.
   */
  resolveSubjectReference?(reference: SubjectReference, context: TContext): Promise<FieldSubject>;
  /** Background work that runs with the service (the credit collector); default none. */
  start?(): Promise<void>;
  /** Stops background work before the database closes; default none. */
  stop?(): Promise<void>;
  /** Registers the module's own metrics (credit collection age) on its `/metrics`; default none. */
  metrics?(registry: Registry): void;
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
  /**
   * Replaces this department's data with its part of the synthetic county as of `asOf` (ISO
   * date, the seed's "today"); deterministic for the same persons and day. Default none.
   */
  seed?(db: Database, persons: readonly SyntheticPerson[], options: SeedOptions): Promise<void>;
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
