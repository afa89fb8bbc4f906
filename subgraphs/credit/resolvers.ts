import DataLoader from 'dataloader';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { groupByKey } from '../kit/group-by-key';
import type { BaseSubgraphContext } from '../kit/subgraph-module';
import type { Policy } from '../../lib/policy/types';
import type { ConsentStore } from './consent-store';
import { consentResolvers } from './consents/consent-resolvers';
import type { ConsentContext } from './consents/consent-resolvers';
import { computeScore } from './rules/compute-score';
import { displayedRecords } from './rules/displayed-records';
import { itemPoints } from './rules/item-points';
import { levelFor } from './rules/level-for';
import { localDate } from './rules/local-date';
import { sourceCollections } from './rules/source-collections';
import type { CreditRecordData, CreditRules, DisplayedRecord } from './rules/types';
import type { CreditStore, SourceState } from './store';

/** What the credit resolvers share for the life of the service. */
export interface CreditServices {
  store: CreditStore;
  rules: CreditRules;
  now: () => Date;
  /** Departments every profile reports on, in order. */
  sourceDepts: readonly string[];
  /** A source without a successful collection for longer than this is stale. */
  staleAfterMs: number;
  /** Citizens' consents to organisations (授权查询). */
  consents: ConsentStore;
  /** The access policy the subgraph enforces: consent scopes are validated against it. */
  policy: Policy;
}

/** The credit subgraph's request context: one clock reading and one loader set per request. */
export interface CreditContext extends ConsentContext {
  services: CreditServices;
  /** The request's instant; every person of a request is evaluated at the same time. */
  now: Date;
  /** `now` as an ISO date in China Standard Time: the day display periods are evaluated for. */
  asOf: string;
  /** Every stored record of a person (displayed or not), one statement per batch. */
  recordsByPerson: DataLoader<string, CreditRecordData[]>;
  /** Collection states of all sources, read at most once per request. */
  sourceStates(): Promise<SourceState[]>;
}

/** Builds the per-request context. */
export function createCreditContext(
  services: CreditServices,
  base: BaseSubgraphContext,
): CreditContext {
  const now = services.now();
  let states: Promise<SourceState[]> | undefined;
  return {
    ...base,
    services,
    now,
    asOf: localDate(now),
    recordsByPerson: new DataLoader(async (ids) =>
      groupByKey(ids, await services.store.findRecords(ids), (record) => record.personId),
    ),
    sourceStates: () => (states ??= services.store.findSourceStates()),
    consentsByPerson: new DataLoader(async (ids) =>
      groupByKey(ids, await services.consents.findByPersons(ids), (consent) => consent.personId),
    ),
  };
}

function toCreditRecord({ record, item, displayUntil }: DisplayedRecord) {
  return {
    id: record.id,
    catalogCode: record.catalogCode,
    category: item.category,
    sourceDept: record.sourceDept,
    title: record.title,
    decidedAt: record.decidedAt,
    decisionNo: record.decisionNo,
    status: record.status,
    statusChangedAt: record.statusChangedAt,
    displayUntil,
  };
}

export const creditResolvers: GraphQLResolverMap<CreditContext> = {
  Query: {
    ...consentResolvers.Query,
    creditCatalog: (_root, _args, context: CreditContext) => {
      const { rules } = context.services;
      return rules.catalog.items.map((item) => ({ ...item, points: itemPoints(item, rules) }));
    },
  },
  Mutation: consentResolvers.Mutation,
  Person: {
    ...consentResolvers.Person,
    // Existence is population's business: the credit platform answers for any id it is asked.
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
    creditRecords: async (person: { id: string }, _args, context: CreditContext) => {
      const records = await context.recordsByPerson.load(person.id);
      return displayedRecords(records, context.services.rules.catalog, context.asOf).map(
        toCreditRecord,
      );
    },
    creditProfile: async (person: { id: string }, _args, context: CreditContext) => {
      const { rules } = context.services;
      const records = await context.recordsByPerson.load(person.id);
      const { score, breakdown } = computeScore(records, rules, context.asOf);
      const level = levelFor(score, rules);
      return {
        score,
        level: level.code,
        levelName: level.name,
        breakdown,
        computedAt: context.now.toISOString(),
        asOf: context.asOf,
        rulesVersion: rules.rulesVersion,
      };
    },
  },
  CreditProfile: {
    sources: async (_profile, _args, context: CreditContext) =>
      sourceCollections(
        context.services.sourceDepts,
        await context.sourceStates(),
        context.now,
        context.services.staleAfterMs,
      ),
  },
};
