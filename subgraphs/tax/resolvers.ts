import DataLoader from 'dataloader';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { citizenIdArg } from '../kit/arguments';
import { groupByKey, oneByKey } from '../kit/group-by-key';
import type { BaseSubgraphContext } from '../kit/subgraph-module';
import type { TaxArrearRecord, TaxLevelRecord, TaxViolationRecord } from './records';
import type { TaxStore } from './store';

/** Per-request context of the tax subgraph. */
export interface TaxContext extends BaseSubgraphContext {
  store: TaxStore;
  levelByPerson: DataLoader<string, TaxLevelRecord | null>;
  arrearsByPerson: DataLoader<string, TaxArrearRecord[]>;
  violationsByPerson: DataLoader<string, TaxViolationRecord[]>;
}

/** The parent of TaxInfo fields: just whose info it is, so each field loads only what it needs. */
interface TaxInfoParent {
  personId: string;
}

/** One DataLoader set per request: each TaxInfo field costs one statement per request. */
export function createTaxContext(store: TaxStore, base: BaseSubgraphContext): TaxContext {
  return {
    ...base,
    store,
    levelByPerson: new DataLoader(async (ids) =>
      oneByKey(ids, await store.findLatestLevels(ids), (level) => level.personId),
    ),
    arrearsByPerson: new DataLoader(async (ids) =>
      groupByKey(ids, await store.findArrears(ids), (arrear) => arrear.personId),
    ),
    violationsByPerson: new DataLoader(async (ids) =>
      groupByKey(ids, await store.findViolations(ids), (violation) => violation.personId),
    ),
  };
}

export const taxResolvers: GraphQLResolverMap<TaxContext> = {
  Query: {
    taxCreditFeed: (
      _root,
      args: { after?: string | null; first?: number | null },
      context: TaxContext,
    ) => context.store.creditFeed(args.after, args.first ?? 500),
    taxDisclosureFeed: (
      _root,
      args: { after?: string | null; first?: number | null },
      context: TaxContext,
    ) => context.store.disclosureFeed(args.after, args.first ?? 500),
  },
  Person: {
    // The tax bureau answers for any valid citizen id: no lookup needed to resolve the entity.
    __resolveReference: (reference: { id: unknown }) => ({
      id: citizenIdArg('representations.id', reference.id),
    }),
    tax: (person: { id: string }): TaxInfoParent => ({ personId: person.id }),
  },
  TaxInfo: {
    creditLevel: async (info: TaxInfoParent, _args, context: TaxContext) =>
      (await context.levelByPerson.load(info.personId))?.level ?? null,
    creditLevelYear: async (info: TaxInfoParent, _args, context: TaxContext) =>
      (await context.levelByPerson.load(info.personId))?.year ?? null,
    arrears: (info: TaxInfoParent, _args, context: TaxContext) =>
      context.arrearsByPerson.load(info.personId),
    violations: (info: TaxInfoParent, _args, context: TaxContext) =>
      context.violationsByPerson.load(info.personId),
  },
};
