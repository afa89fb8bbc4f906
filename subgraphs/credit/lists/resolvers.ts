import type { CreditContext } from '../resolvers';
import { displayedRecords } from '../rules/displayed-records';
import { sourceCollections } from '../rules/source-collections';
import { creditLists } from './credit-lists';
import type { CreditListEntryView } from './credit-lists';
import { greenChannel } from './green-channel';
import type { GreenChannelView } from './green-channel';

/** What Person.creditProfile resolves to, as far as these resolvers need it. */
interface ProfileParent {
  personId: string;
}

async function listsOf(profile: ProfileParent, context: CreditContext) {
  const { rules } = context.services;
  // The per-request loader: lists, greenChannel and the score share one statement per batch.
  const records = await context.recordsByPerson.load(profile.personId);
  const displayed = displayedRecords(records, rules.catalog, context.asOf);
  return { displayed, lists: creditLists(displayed, rules.lists, context.asOf) };
}

/** `CreditProfile.lists` and `CreditProfile.greenChannel` (issue 5: tasks 16, 17, 18). */
export const listResolvers = {
  CreditProfile: {
    lists: async (
      profile: ProfileParent,
      _args: unknown,
      context: CreditContext,
    ): Promise<CreditListEntryView[]> => (await listsOf(profile, context)).lists,
    greenChannel: async (
      profile: ProfileParent,
      _args: unknown,
      context: CreditContext,
    ): Promise<GreenChannelView> => {
      const { displayed, lists } = await listsOf(profile, context);
      const sources = sourceCollections(
        context.services.sourceDepts,
        await context.sourceStates(),
        context.now,
        context.services.staleAfterMs,
      );
      return greenChannel({
        displayed,
        lists,
        sources,
        rules: context.services.rules.greenChannel,
        asOf: context.asOf,
      });
    },
  },
};
