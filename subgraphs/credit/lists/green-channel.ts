import type { SourceCollectionView } from '../rules/source-collections';
import type { CreditListKind, DisplayedRecord, GreenChannelRules } from '../rules/types';
import type { CreditListEntryView } from './credit-lists';
import { isWithinMonths, withinMonthsUntil } from './within-months';

/** Outcome of a green channel check (task 17). */
export type GreenChannelDecisionKind = 'ELIGIBLE' | 'NOT_ELIGIBLE' | 'UNDETERMINED';

/** Why: the record, list or source behind a decision. */
export type GreenChannelReasonCode =
  | 'GOOD_RECORD'
  | 'NO_BAD_RECORD'
  | 'LISTED'
  | 'BAD_RECORD'
  | 'SOURCE_STALE'
  | 'SOURCE_NEVER_COLLECTED';

/** One reason of a decision (`GreenChannelReason`). */
export interface GreenChannelReasonView {
  code: GreenChannelReasonCode;
  message: string;
  /** Department of the record or source; null for NO_BAD_RECORD. */
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
  /** Collection status of every department source (sourceCollections). */
  sources: readonly SourceCollectionView[];
  rules: GreenChannelRules;
  asOf: string;
}

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

/** A bad record counts while displayed AND within the window: through the earlier end. */
function countsUntil(shown: DisplayedRecord, months: number): string {
  const windowEnd = withinMonthsUntil(shown.record.decidedAt, months);
  return shown.displayUntil === null || windowEnd < shown.displayUntil
    ? windowEnd
    : shown.displayUntil;
}

function label({ record, item }: DisplayedRecord): string {
  return `${item.name} (${item.code}, ${item.category}, decided ${record.decidedAt})`;
}

/**
 * The green channel decision (绿色通道/容缺受理, task 17): fail closed first (any stale or
 * never-collected source: UNDETERMINED naming it, never ELIGIBLE, as unknown is not clean), then
 * NOT_ELIGIBLE on an excluded list, then ELIGIBLE with a displayed good record, then NOT_ELIGIBLE
 * with a displayed bad record still within `badWithinMonths` of its decision, else ELIGIBLE.
 * The reasons of UNDETERMINED also name the known blockers, so the officer sees the whole case.
 */
export function greenChannel(input: GreenChannelInput): GreenChannelView {
  const { displayed, lists, sources, rules, asOf } = input;
  const missing: GreenChannelReasonView[] = sources
    .filter((source) => source.stale)
    .map((source) => ({
      code: source.lastSuccessAt === null ? 'SOURCE_NEVER_COLLECTED' : 'SOURCE_STALE',
      message:
        source.lastSuccessAt === null
          ? `${source.dept} credit data was never collected: its records are unknown`
          : `${source.dept} credit data is stale (last collected ${source.lastSuccessAt}): ` +
            'its records may be incomplete',
      dept: source.dept,
      recordId: null,
      catalogCode: null,
      decidedAt: null,
      list: null,
    }));
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
    .filter(
      (shown) =>
        rules.badCategories.includes(shown.item.category) &&
        isWithinMonths(shown.record.decidedAt, rules.badWithinMonths, asOf),
    )
    .map((shown) =>
      recordReason(
        'BAD_RECORD',
        shown,
        `${label(shown)} counts through ${countsUntil(shown, rules.badWithinMonths)}`,
      ),
    );
  if (missing.length > 0) {
    return { decision: 'UNDETERMINED', reasons: [...missing, ...listed, ...bad] };
  }
  if (listed.length > 0) return { decision: 'NOT_ELIGIBLE', reasons: [...listed, ...bad] };
  const good = [...displayed]
    .reverse()
    .filter((shown) => rules.goodCategories.includes(shown.item.category))
    .map((shown) =>
      recordReason('GOOD_RECORD', shown, `${label(shown)} displayed until ${shown.displayUntil}`),
    );
  if (good.length > 0) return { decision: 'ELIGIBLE', reasons: good };
  if (bad.length > 0) return { decision: 'NOT_ELIGIBLE', reasons: bad };
  return {
    decision: 'ELIGIBLE',
    reasons: [
      {
        code: 'NO_BAD_RECORD',
        message:
          `no displayed ${rules.badCategories.join(' or ')} record decided within the last ` +
          `${rules.badWithinMonths} months`,
        dept: null,
        recordId: null,
        catalogCode: null,
        decidedAt: null,
        list: null,
      },
    ],
  };
}
