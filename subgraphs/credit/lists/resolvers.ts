import type { CreditListEntryView } from './credit-lists';
import type { GreenChannelView } from './green-channel';
import { standingOf } from './standing-of';
import type { StandingContext } from './standing-of';

/** What Person.creditProfile resolves to, as far as these resolvers need it. */
interface ProfileParent {
  personId: string;
}

/**
 * `CreditProfile.lists` and `CreditProfile.greenChannel` (tasks 16, 17, 18): both read the one
 * credit standing of the person (standingOf), the same that jointMeasures reads.
 */
export const listResolvers = {
  CreditProfile: {
    lists: async (
      profile: ProfileParent,
      _args: unknown,
      context: StandingContext,
    ): Promise<CreditListEntryView[]> => (await standingOf(profile.personId, context)).lists,
    greenChannel: async (
      profile: ProfileParent,
      _args: unknown,
      context: StandingContext,
    ): Promise<GreenChannelView> => (await standingOf(profile.personId, context)).greenChannel,
  },
};
