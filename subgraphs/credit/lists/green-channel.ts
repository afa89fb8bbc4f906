import { addMonths } from '../rules/add-months';
import type { SourceCollectionView } from '../rules/source-collections';
import type { CreditListKind, DisplayedRecord, GreenChannelRules } from '../rules/types';
import type { CreditListEntryView } from './credit-lists';

/** Outcome of a green channel check (task 17). */
export type GreenChannelDecisionKind = 'ELIGIBLE' | 'NOT_ELIGIBLE' | 'UNDETERMINED';

/** Why: the record, list, source or register flag behind a decision. */
export type GreenChannelReasonCode =
  | 'GOOD_RECORD'
  | 'NO_BAD_RECORD'
  | 'LISTED'
  | 'BAD_RECORD'
  | 'SOURCE_STALE'
  | 'SOURCE_FAILED'
  | 'SOURCE_NEVER_COLLECTED'
  | 'REGISTER_FLAGGED'
  | 'SHORT_HISTORY';

/** One reason of a decision (`GreenChannelReason`). */
export interface GreenChannelReasonView {
  code: GreenChannelReasonCode;
  message: string;
  /** Department of the record or source (PSB for the register); null otherwise. */
  dept: string | null;
  recordId: string | null;
  catalogCode: string | null;
  decidedAt: string | null;
  /** The list, for LISTED. */
  list: CreditListKind | null;
}

/** A green channel decision with every reason for it (`GreenChannel`). */
export interface GreenChannelView {
  decision: GreenChannelDecisionKind;
  reasons: GreenChannelReasonView[];
}

/** What a green channel decision is made from, all as of one day. */
export interface GreenChannelInput {
  /** Displayed records (displayedRecords), newest first; expired ones are never used. */
  displayed: readonly DisplayedRecord[];
  /** The lists the person is on (creditLists). */
  lists: readonly CreditListEntryView[];
  /** Collection status of every source, the register included (sourceCollections). */
  sources: readonly SourceCollectionView[];
  /** The household register's flags on the person (registerFlags); empty when none. */
  registerFlags: readonly string[];
  /** First day of the county's history of the person (historyFrom); null when it has none. */
  historyFrom: string | null;
  rules: GreenChannelRules;
  asOf: string;
}

const NO_RECORD = { recordId: null, catalogCode: null, decidedAt: null, list: null };

function recordReason(
  code: GreenChannelReasonCode,
  { record, item }: DisplayedRecord,
  message: string,
): GreenChannelReasonView {
  return {
    code,
    message,
    dept: record.sourceDept,
    recordId: record.id,
    catalogCode: item.code,
    decidedAt: record.decidedAt,
    list: null,
  };
}

function label({ record, item }: DisplayedRecord): string {
  return `${item.name} (${item.code}, ${item.category}, decided ${record.decidedAt})`;
}

function shownUntil(shown: DisplayedRecord): string {
  return shown.displayUntil === null
    ? 'displayed while its obligation is outstanding'
    : `displayed until ${shown.displayUntil}`;
}

/** Why each stale source is unknown: never collected, its last attempt failed, or too old. */
function missingSources(sources: readonly SourceCollectionView[]): GreenChannelReasonView[] {
  return sources
    .filter((source) => source.stale)
    .map((source) => {
      const reason = (code: GreenChannelReasonCode, message: string) => ({
        code,
        message,
        dept: source.dept,
        ...NO_RECORD,
      });
      if (source.lastSuccessAt === null) {
        return reason(
          'SOURCE_NEVER_COLLECTED',
          `${source.dept} credit data was never collected: its records are unknown`,
        );
      }
      if (source.lastError !== null) {
        return reason(
          'SOURCE_FAILED',
          `${source.dept} collection failed at ${source.lastAttemptAt ?? 'the latest attempt'} ` +
            `(last collected ${source.lastSuccessAt}): its records may have changed since`,
        );
      }
      return reason(
        'SOURCE_STALE',
        `${source.dept} credit data is stale (last collected ${source.lastSuccessAt}): ` +
          'its records may be incomplete',
      );
    });
}

/**
 * The green channel decision (绿色通道/容缺受理, task 17), one rule in this order:
 * 1. NOT_ELIGIBLE on an excluded list or with a displayed bad record (badCategories), whatever
 *    good records exist: a known bad record is never outweighed, and no missing data undoes it;
 * 2. UNDETERMINED while a source is stale (never collected, failed, too old) or the household
 *    register flags the person (deceased, registration in doubt): unknown is not clean;
 * 3. ELIGIBLE with a displayed good record;
 * 4. UNDETERMINED when the county's history of the person is shorter than `historyMonths`;
 * 5. ELIGIBLE: no displayed bad record over a history of 3 years or more.
 * Every reason is given, so the officer sees the whole case. The register's reason never says
 * which flag (a person's death or a falsified registration is the register's to disclose).
 */
export function greenChannel(input: GreenChannelInput): GreenChannelView {
  const { displayed, lists, sources, rules, asOf } = input;
  const missing = missingSources(sources);
  const flagged: GreenChannelReasonView[] =
    input.registerFlags.length === 0
      ? []
      : [
          {
            code: 'REGISTER_FLAGGED',
            message:
              "the household register (PSB) flags this person's registration: no credit " +
              'decision is made until the register office clears it',
            dept: 'PSB',
            ...NO_RECORD,
          },
        ];
  const byId = new Map(displayed.map((shown) => [shown.record.id, shown]));
  const listed: GreenChannelReasonView[] = lists
    .filter((entry) => rules.excludedLists.includes(entry.list))
    .flatMap((entry) =>
      entry.basis.map((basis) => ({
        code: 'LISTED' as const,
        message: `on the ${entry.list} list (${entry.name}) since ${entry.since} on ${basis.catalogCode} decided ${basis.decidedAt}`,
        dept: byId.get(basis.recordId)?.record.sourceDept ?? null,
        recordId: basis.recordId,
        catalogCode: basis.catalogCode,
        decidedAt: basis.decidedAt,
        list: entry.list,
      })),
    );
  const bad = [...displayed]
    .reverse()
    .filter((shown) => rules.badCategories.includes(shown.item.category))
    .map((shown) => recordReason('BAD_RECORD', shown, `${label(shown)} ${shownUntil(shown)}`));
  if (listed.length > 0 || bad.length > 0) {
    return { decision: 'NOT_ELIGIBLE', reasons: [...listed, ...bad, ...missing, ...flagged] };
  }
  if (missing.length > 0 || flagged.length > 0) {
    return { decision: 'UNDETERMINED', reasons: [...missing, ...flagged] };
  }
  const good = [...displayed]
    .reverse()
    .filter((shown) => rules.goodCategories.includes(shown.item.category))
    .map((shown) => recordReason('GOOD_RECORD', shown, `${label(shown)} ${shownUntil(shown)}`));
  if (good.length > 0) return { decision: 'ELIGIBLE', reasons: good };
  const badNames = rules.badCategories.join(' or ');
  const { historyFrom } = input;
  const complete = historyFrom === null ? null : addMonths(historyFrom, rules.historyMonths);
  if (historyFrom === null || complete === null || asOf < complete) {
    return {
      decision: 'UNDETERMINED',
      reasons: [
        {
          code: 'SHORT_HISTORY',
          message:
            historyFrom === null
              ? 'the household register does not know this person: the county has no history ' +
                `of them to show ${rules.historyMonths} months without a ${badNames} record, ` +
                'and no good record is displayed'
              : `the county's history of this person starts ${historyFrom}: ` +
                `${rules.historyMonths} months are complete only on ${complete}, and no good ` +
                'record is displayed',
          dept: historyFrom === null ? 'PSB' : null,
          ...NO_RECORD,
        },
      ],
    };
  }
  return {
    decision: 'ELIGIBLE',
    reasons: [
      {
        code: 'NO_BAD_RECORD',
        message:
          `no displayed ${badNames} record, over the county's history of this person since ` +
          `${historyFrom} (${rules.historyMonths} months or more)`,
        dept: null,
        ...NO_RECORD,
      },
    ],
  };
}
