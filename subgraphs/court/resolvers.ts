import DataLoader from 'dataloader';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { citizenIdArg } from '../kit/arguments';
import { groupByKey, oneByKey } from '../kit/group-by-key';
import type { BaseSubgraphContext } from '../kit/subgraph-module';
import type { DishonestDebtorRecord, EnforcementCaseRecord } from './records';
import type { CourtStore } from './store';

/** Per-request context of the court subgraph. */
export interface CourtContext extends BaseSubgraphContext {
  store: CourtStore;
  listingByPerson: DataLoader<string, DishonestDebtorRecord | null>;
  restrictedByPerson: DataLoader<string, boolean>;
  casesByPerson: DataLoader<string, EnforcementCaseRecord[]>;
}

/** The parent of CourtInfo fields: just whose info it is, so each field loads only what it needs. */
interface CourtInfoParent {
  personId: string;
}

/** One DataLoader set per request: each CourtInfo field costs one statement per request. */
export function createCourtContext(store: CourtStore, base: BaseSubgraphContext): CourtContext {
  return {
    ...base,
    store,
    listingByPerson: new DataLoader(async (ids) =>
      oneByKey(ids, await store.findListings(ids), (listing) => listing.personId),
    ),
    restrictedByPerson: new DataLoader(async (ids) => {
      const restricted = new Set(await store.findRestrictedPersons(ids));
      return ids.map((id) => restricted.has(id));
    }),
    casesByPerson: new DataLoader(async (ids) =>
      groupByKey(ids, await store.findCases(ids), (enforcement) => enforcement.personId),
    ),
  };
}

export const courtResolvers: GraphQLResolverMap<CourtContext> = {
  Query: {
    courtCreditFeed: (
      _root,
      args: { after?: string | null; first?: number | null },
      context: CourtContext,
    ) => context.store.creditFeed(args.after, args.first ?? 500),
  },
  Person: {
    // The court answers for any valid citizen id: no lookup needed to resolve the entity.
    __resolveReference: (reference: { id: unknown }) => ({
      id: citizenIdArg('representations.id', reference.id),
    }),
    court: (person: { id: string }): CourtInfoParent => ({ personId: person.id }),
  },
  CourtInfo: {
    dishonestDebtor: (info: CourtInfoParent, _args, context: CourtContext) =>
      context.listingByPerson.load(info.personId),
    consumptionRestricted: (info: CourtInfoParent, _args, context: CourtContext) =>
      context.restrictedByPerson.load(info.personId),
    enforcementCases: (info: CourtInfoParent, _args, context: CourtContext) =>
      context.casesByPerson.load(info.personId),
  },
};
