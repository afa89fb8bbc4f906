import DataLoader from 'dataloader';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { validateUscc } from '../../lib/ids/uscc';
import { usccArg } from '../kit/arguments';
import { oneByKey } from '../kit/group-by-key';
import type { BaseSubgraphContext } from '../kit/subgraph-module';
import type { EnterpriseRecord, MarketInfoRecord } from './records';
import type { MarketStore } from './store';

/** Request context of the market subgraph: the store and this request's DataLoaders. */
export interface MarketContext extends BaseSubgraphContext {
  store: MarketStore;
  /** Everything the bureau holds per person; one statement per batch. */
  marketByPerson: DataLoader<string, MarketInfoRecord>;
  /** Enterprises by USCC; one statement per batch. */
  enterpriseByUscc: DataLoader<string, EnterpriseRecord | null>;
}

/** One DataLoader set per request: every lookup of a request shares one statement per kind. */
export function createMarketContext(store: MarketStore, base: BaseSubgraphContext): MarketContext {
  return {
    ...base,
    store,
    marketByPerson: new DataLoader(async (ids) => {
      const found = oneByKey(ids, await store.findMarketInfo(ids), (info) => info.personId);
      return found.map(
        (info, i) =>
          info ?? { personId: ids[i], roles: [], licenses: [], penalties: [], honours: [] },
      );
    }),
    enterpriseByUscc: new DataLoader(async (usccs) =>
      oneByKey(usccs, await store.findEnterprises(usccs), (e) => e.uscc),
    ),
  };
}

/** Resolvers of the market subgraph. */
export const marketResolvers: GraphQLResolverMap<MarketContext> = {
  Query: {
    enterprise: (_root, args: { uscc: unknown }, context) =>
      context.enterpriseByUscc.load(usccArg('uscc', args.uscc)),
    marketCreditFeed: (_root, args: { after?: string | null; first: number }, context) =>
      context.store.creditFeed(args.after, args.first),
    marketDisclosureFeed: (_root, args: { after?: string | null; first: number }, context) =>
      context.store.disclosureFeed(args.after, args.first),
  },
  Person: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
    market: (person: { id: string }, _args, context) => context.marketByPerson.load(person.id),
  },
  Enterprise: {
    // A malformed code from another subgraph cannot name a registration: null without a query.
    __resolveReference: (reference: { uscc: string }, context: MarketContext) => {
      const uscc = validateUscc(reference.uscc);
      return uscc.ok ? context.enterpriseByUscc.load(uscc.value) : null;
    },
    legalRepresentative: (enterprise: EnterpriseRecord) =>
      enterprise.legalRepresentativeId === null ? null : { id: enterprise.legalRepresentativeId },
  },
  EnterpriseRole: {
    enterprise: (role: { enterpriseUscc: string }, _args, context) =>
      context.enterpriseByUscc.load(role.enterpriseUscc),
  },
  ContractHonour: {
    enterprise: (honour: { enterpriseUscc: string }, _args, context) =>
      context.enterpriseByUscc.load(honour.enterpriseUscc),
  },
};
