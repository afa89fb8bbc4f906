import fc from 'fast-check';
import { makeCitizenId } from '../../../../lib/ids/citizen-id';
import { loadMeasures } from '../../measures/load-measures';
import { selectMeasures } from '../../measures/select-measures';
import { MATTER_TYPES } from '../../measures/types';
import type { RegisterEntry } from '../../register/register-entry';
import { displayedRecords } from '../../rules/displayed-records';
import { loadCreditRules } from '../../rules/load-credit-rules';
import { sourceCollections } from '../../rules/source-collections';
import type { SourceStateInput } from '../../rules/source-collections';
import type { CreditRecordData } from '../../rules/types';
import { creditStanding } from '../credit-standing';

// The policy files as they ship: the property must hold for the real rules and measures.
const rules = loadCreditRules();
const measures = loadMeasures();
const CODES = rules.catalog.items.map((item) => item.code);
const SOURCES = ['TAX', 'COURT', 'AMR', 'EDU', 'PSB'];
const HOUR_MS = 60 * 60 * 1000;
const NOW = new Date('2026-06-15T04:00:00Z');
const AS_OF = '2026-06-15';

function dayOffset(days: number): string {
  const date = new Date(`${AS_OF}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A record of any catalog item decided within the last 6 years, in any status. */
const recordArb = fc
  .record({
    code: fc.constantFrom(...CODES),
    decidedDaysAgo: fc.integer({ min: 0, max: 6 * 366 }),
    status: fc.constantFrom('ACTIVE', 'PERFORMED', 'REVOKED'),
    changedAfterDays: fc.option(fc.integer({ min: 0, max: 4 * 366 }), { nil: null }),
    caseKey: fc.option(fc.constantFrom('case-a', 'case-b'), { nil: null }),
  })
  .map(({ code, decidedDaysAgo, status, changedAfterDays, caseKey }) => ({
    code,
    decidedAt: dayOffset(-decidedDaysAgo),
    status: status as CreditRecordData['status'],
    statusChangedAt:
      status === 'ACTIVE' || changedAfterDays === null
        ? null
        : dayOffset(Math.min(0, -decidedDaysAgo + changedAfterDays)),
    caseKey,
  }));

/** Each source fresh, stale (too old), failed at its latest attempt, or never collected. */
const sourceStateArb = fc.constantFrom('fresh', 'old', 'failed', 'never');

const registerArb = fc.option(
  fc.record({
    householdStatus: fc.constantFrom(
      'ACTIVE',
      'ACTIVE',
      'ACTIVE',
      'MIGRATED_OUT',
      'CANCELLED',
      'DECEASED',
    ),
    registrationIssues: fc.subarray([
      'DUPLICATE',
      'ERRONEOUS',
      'FALSIFIED',
      'UNREGISTERED',
      'DECEASED_NOT_CANCELLED',
    ]),
    registeredDaysAgo: fc.integer({ min: 0, max: 30 * 366 }),
  }),
  { nil: null },
);

/** Half the cases with every source current and a clean register, so the rules decide. */
const caseArb = fc.record({
  records: fc.array(recordArb, { maxLength: 8 }),
  sources: fc.oneof(
    fc.constant(SOURCES.map(() => 'fresh')),
    fc.array(sourceStateArb, { minLength: SOURCES.length, maxLength: SOURCES.length }),
  ),
  register: fc.oneof(
    fc.record({
      householdStatus: fc.constant('ACTIVE'),
      registrationIssues: fc.constant([]),
      registeredDaysAgo: fc.integer({ min: 0, max: 30 * 366 }),
    }),
    registerArb,
  ),
  birthYear: fc.integer({ min: 1950, max: 2007 }),
});

function stateOf(source: string, kind: string): SourceStateInput | null {
  if (kind === 'never') return null;
  const ok = new Date(NOW.getTime() - (kind === 'old' ? 30 : 1) * HOUR_MS);
  return {
    source,
    lastSuccessAt: ok,
    lastAttemptAt: kind === 'failed' ? NOW : ok,
    lastError: kind === 'failed' ? 'fetch failed (ECONNREFUSED)' : null,
  };
}

describe('credit standing and joint measures over random record sets (property)', () => {
  it('never contradict each other, and nothing stale or flagged yields ELIGIBLE or an incentive', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const personId = makeCitizenId('511921', `${input.birthYear}0615`, 101);
        const records: CreditRecordData[] = input.records.map((r, index) => {
          const dept = rules.catalog.byCode.get(r.code)?.sourceDept ?? 'TAX';
          return {
            id: `${dept}:R${index}`,
            personId,
            sourceDept: dept,
            sourceRecordId: `R${index}`,
            catalogCode: r.code,
            title: r.code,
            decidedAt: r.decidedAt,
            decisionNo: `No.${index}`,
            status: r.status,
            statusChangedAt: r.statusChangedAt,
            caseKey: r.caseKey,
            keyGroup: null,
          };
        });
        const states = SOURCES.map((source, i) => stateOf(source, input.sources[i])).filter(
          (state): state is SourceStateInput => state !== null,
        );
        const sources = sourceCollections(SOURCES, states, NOW, () => 24 * HOUR_MS);
        const register: RegisterEntry | null =
          input.register === null
            ? null
            : {
                personId,
                householdStatus: input.register.householdStatus,
                registrationIssues: input.register.registrationIssues,
                registeredSince: dayOffset(-input.register.registeredDaysAgo),
              };
        const displayed = displayedRecords(records, rules.catalog, AS_OF);
        const standing = creditStanding({
          personId,
          displayed,
          sources,
          register,
          rules,
          asOf: AS_OF,
        });
        const categories = new Set(displayed.map((shown) => shown.item.category));
        const selected = MATTER_TYPES.flatMap((matter) =>
          selectMeasures(
            measures,
            matter,
            standing.listStatus,
            categories,
            standing.incentivesAllowed,
          ),
        );
        const decision = standing.greenChannel.decision;
        const anyStale = sources.some((source) => source.stale);
        const flagged =
          register !== null &&
          (rules.register.flaggedStatuses.includes(register.householdStatus) ||
            register.registrationIssues.some((issue) =>
              rules.register.flaggedIssues.includes(issue),
            ));
        const knownBad =
          standing.listStatus === 'BLACK' ||
          displayed.some((shown) => rules.greenChannel.badCategories.includes(shown.item.category));

        // ELIGIBLE is never told to punish; anything else is never rewarded.
        if (decision === 'ELIGIBLE') {
          expect(selected.filter((m) => m.kind === 'DISCIPLINE')).toEqual([]);
        } else {
          expect(selected.filter((m) => m.kind === 'INCENTIVE')).toEqual([]);
        }
        // Unknown is not clean: a stale source or a register flag never yields ELIGIBLE or an
        // incentive, and the joint measures say they are incomplete.
        if (anyStale || flagged) {
          expect(decision).not.toBe('ELIGIBLE');
          expect(selected.filter((m) => m.kind === 'INCENTIVE')).toEqual([]);
          expect(standing.complete).toBe(false);
        } else {
          expect(standing.complete).toBe(true);
        }
        // NOT_ELIGIBLE exactly when a bad record or the black list is known.
        expect(decision === 'NOT_ELIGIBLE').toBe(knownBad);
        // The red list never meets a known bad record.
        if (standing.listStatus === 'RED') expect(knownBad).toBe(false);
      }),
      { numRuns: 3000, seed: 20260615 },
    );
  });
});
