import { listStatus } from '../measures/list-status';
import type { ListStatus } from '../measures/types';
import { historyFrom } from '../register/history-from';
import type { RegisterEntry } from '../register/register-entry';
import { registerFlags } from '../register/register-flags';
import type { SourceCollectionView } from '../rules/source-collections';
import type { CreditRules, DisplayedRecord } from '../rules/types';
import { creditLists } from './credit-lists';
import type { CreditListEntryView } from './credit-lists';
import { greenChannel } from './green-channel';
import type { GreenChannelView } from './green-channel';

/** Everything one credit standing is decided from, as of one day. */
export interface CreditStandingInput {
  personId: string;
  /** The person's displayed records (displayedRecords of the records objections leave). */
  displayed: readonly DisplayedRecord[];
  /** Collection status of every source, the household register (PSB) included. */
  sources: readonly SourceCollectionView[];
  /** The person's household register standing; null when the register does not know them. */
  register: RegisterEntry | null;
  rules: CreditRules;
  asOf: string;
}

/** A person's credit standing: the one source of the lists, the green channel and measures. */
export interface CreditStanding {
  lists: CreditListEntryView[];
  /** BLACK wins over RED; NONE on no list. */
  listStatus: ListStatus;
  greenChannel: GreenChannelView;
  /**
   * False while a source is stale or the register flags the person: what is known may not be
   * all there is, so no incentive is given and punishments are marked incomplete.
   */
  complete: boolean;
  /** Why not complete, one line per stale source or register flag; empty when complete. */
  incompleteReasons: string[];
  /**
   * Whether incentive measures may be given: only with an ELIGIBLE green channel, so no answer
   * of the platform ever rewards a person it calls NOT_ELIGIBLE or UNDETERMINED.
   */
  incentivesAllowed: boolean;
}

/**
 * The credit standing of a person, computed once for every answer that needs it
 * (CreditProfile.lists, CreditProfile.greenChannel, Query.jointMeasures), so they never
 * contradict each other.
 */
export function creditStanding(input: CreditStandingInput): CreditStanding {
  const { displayed, sources, rules, asOf } = input;
  const lists = creditLists(displayed, rules.lists, asOf);
  const flags = registerFlags(input.register, rules.register);
  const decision = greenChannel({
    displayed,
    lists,
    sources,
    registerFlags: flags,
    historyFrom: historyFrom(input.personId, input.register),
    rules: rules.greenChannel,
    asOf,
  });
  const incompleteReasons = decision.reasons
    .filter((reason) => reason.code.startsWith('SOURCE_') || reason.code === 'REGISTER_FLAGGED')
    .map((reason) => reason.message);
  return {
    lists,
    listStatus: listStatus(lists),
    greenChannel: decision,
    complete: incompleteReasons.length === 0,
    incompleteReasons,
    incentivesAllowed: decision.decision === 'ELIGIBLE',
  };
}
