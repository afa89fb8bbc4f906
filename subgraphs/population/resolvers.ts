import DataLoader from 'dataloader';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { citizenIdArg, citizenIdListArg } from '../kit/arguments';
import { oneByKey } from '../kit/group-by-key';
import type { BaseSubgraphContext } from '../kit/subgraph-module';
import type { PersonRecord, PopulationStore } from './store';

/** The most ids one `persons` call may ask for. */
export const MAX_PERSONS_PER_QUERY = 500;

export interface PopulationContext extends BaseSubgraphContext {
  personById: DataLoader<string, PersonRecord | null>;
  store: PopulationStore;
}

/** One DataLoader set per request: every lookup of a request shares one statement. */
export function createPopulationContext(
  store: PopulationStore,
  base: BaseSubgraphContext,
): PopulationContext {
  return {
    ...base,
    store,
    personById: new DataLoader(async (ids) =>
      oneByKey(ids, await store.findPersons(ids), (p) => p.id),
    ),
  };
}

export const populationResolvers: GraphQLResolverMap<PopulationContext> = {
  Query: {
    person: (_root, args: { id: unknown }, context) =>
      context.personById.load(citizenIdArg('id', args.id)),
    persons: (_root, args: { ids: readonly unknown[] }, context) =>
      context.personById.loadMany(citizenIdListArg('ids', args.ids, MAX_PERSONS_PER_QUERY)),
    populationRegisterFeed: (
      _root,
      args: { after?: string | null; first?: number | null },
      context,
    ) => context.store.registerFeed(args.after, args.first ?? 500),
  },
  Person: {
    __resolveReference: (reference: { id: string }, context: PopulationContext) =>
      context.personById.load(reference.id),
  },
};
