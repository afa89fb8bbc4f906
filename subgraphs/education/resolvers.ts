import DataLoader from 'dataloader';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { oneByKey } from '../kit/group-by-key';
import type { BaseSubgraphContext } from '../kit/subgraph-module';
import { publishablePage } from './education-feed-entries';
import { mayKeepIntegrityRecord } from './integrity-age-rule';
import type { EducationInfoRecord } from './records';
import type { EducationStore } from './store';

/** Request context of the education subgraph: the store and this request's DataLoaders. */
export interface EducationContext extends BaseSubgraphContext {
  store: EducationStore;
  /** Everything the bureau may show per person; one statement per batch. */
  educationByPerson: DataLoader<string, EducationInfoRecord>;
}

/** One DataLoader set per request: every person of a request shares one statement. */
export function createEducationContext(
  store: EducationStore,
  base: BaseSubgraphContext,
): EducationContext {
  return {
    ...base,
    store,
    educationByPerson: new DataLoader(async (ids) => {
      const found = oneByKey(ids, await store.findEducationInfo(ids), (info) => info.personId);
      return found.map((info, i) =>
        info === null
          ? { personId: ids[i], integrityFile: [], qualifications: [], honours: [] }
          : { ...info, integrityFile: info.integrityFile.filter(mayKeepIntegrityRecord) },
      );
    }),
  };
}

/** Resolvers of the education subgraph. */
export const educationResolvers: GraphQLResolverMap<EducationContext> = {
  Query: {
    educationCreditFeed: async (_root, args: { after?: string | null; first: number }, context) =>
      publishablePage(await context.store.creditFeed(args.after, args.first)),
  },
  Person: {
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
    education: (person: { id: string }, _args, context) =>
      context.educationByPerson.load(person.id),
  },
};
