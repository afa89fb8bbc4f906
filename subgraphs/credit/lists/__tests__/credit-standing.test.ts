import { makeCitizenId } from '../../../../lib/ids/citizen-id';
import { loadMeasures } from '../../measures/load-measures';
import { selectMeasures } from '../../measures/select-measures';
import type { RegisterEntry } from '../../register/register-entry';
import { displayedRecords } from '../../rules/displayed-records';
import { RULES, record } from '../../rules/__tests__/support/rules-fixture';
import type { SourceCollectionView } from '../../rules/source-collections';
import type { CreditRecordData } from '../../rules/types';
import { creditStanding } from '../credit-standing';

const PERSON = '511921198503150107';
const FRESH: SourceCollectionView[] = ['TAX', 'COURT', 'AMR', 'EDU', 'PSB'].map((dept) => ({
  dept,
  lastSuccessAt: '2024-06-01T00:00:00.000Z',
  lastAttemptAt: '2024-06-01T00:00:00.000Z',
  stale: false,
  lastError: null,
}));
const REGISTERED: RegisterEntry = {
  personId: PERSON,
  householdStatus: 'ACTIVE',
  registrationIssues: [],
  registeredSince: '1985-03-15',
};
const measures = loadMeasures();

function standing(
  records: CreditRecordData[],
  options: {
    register?: RegisterEntry | null;
    sources?: SourceCollectionView[];
    personId?: string;
  } = {},
) {
  const asOf = '2024-06-01';
  const displayed = displayedRecords(records, RULES.catalog, asOf);
  const result = creditStanding({
    personId: options.personId ?? PERSON,
    displayed,
    sources: options.sources ?? FRESH,
    register: options.register === undefined ? REGISTERED : options.register,
    rules: RULES,
    asOf,
  });
  const licensing = selectMeasures(
    measures,
    'LICENSING',
    result.listStatus,
    new Set(displayed.map((shown) => shown.item.category)),
    result.incentivesAllowed,
  ).map((measure) => `${measure.kind} ${measure.code}`);
  return { ...result, decision: result.greenChannel.decision, licensing };
}

const volunteering = record('v1', 'CIVIL_VOLUNTEER_SERVICE', '2024-05-01');

describe('creditStanding', () => {
  it('good_and_general_bad: NOT_ELIGIBLE, no incentive, the discipline of the bad record', () => {
    const result = standing([volunteering, record('t1', 'TAX_ARREARS', '2024-03-01')]);
    expect(result).toMatchObject({
      decision: 'NOT_ELIGIBLE',
      listStatus: 'NONE',
      complete: true,
      incompleteReasons: [],
      incentivesAllowed: false,
      licensing: ['DISCIPLINE FOCUS_LICENSING_COMMITMENT_LIMITED'],
    });
  });

  it('a good record alone: on the red list, ELIGIBLE, the green channel incentive', () => {
    expect(standing([volunteering])).toMatchObject({
      decision: 'ELIGIBLE',
      listStatus: 'RED',
      complete: true,
      licensing: ['INCENTIVE RED_LICENSING_GREEN_CHANNEL'],
    });
  });

  it('deceased_clean: UNDETERMINED, incomplete, no incentive even on the red list', () => {
    const deceased = { ...REGISTERED, householdStatus: 'DECEASED' };
    expect(standing([], { register: deceased })).toMatchObject({
      decision: 'UNDETERMINED',
      complete: false,
      incompleteReasons: [
        "the household register (PSB) flags this person's registration: no credit decision is " +
          'made until the register office clears it',
      ],
      licensing: [],
    });
    expect(standing([volunteering], { register: deceased })).toMatchObject({
      decision: 'UNDETERMINED',
      listStatus: 'RED',
      licensing: [],
    });
  });

  it('flags a registration in doubt, and not a person who merely moved away', () => {
    const falsified = { ...REGISTERED, registrationIssues: ['FALSIFIED'] };
    expect(standing([], { register: falsified }).decision).toBe('UNDETERMINED');
    const movedOut = { ...REGISTERED, householdStatus: 'MIGRATED_OUT' };
    expect(standing([], { register: movedOut }).decision).toBe('ELIGIBLE');
  });

  it('lists punishments with complete false while a source is stale', () => {
    const sources = FRESH.map((source) =>
      source.dept === 'AMR' ? { ...source, stale: true, lastError: 'HTTP 503' } : source,
    );
    const result = standing([record('c1', 'COURT_DISHONEST_DEBTOR', '2024-01-10')], { sources });
    expect(result).toMatchObject({
      decision: 'NOT_ELIGIBLE',
      listStatus: 'BLACK',
      complete: false,
      licensing: [
        'DISCIPLINE BLACK_LICENSING_STRICT_REVIEW',
        'DISCIPLINE BLACK_LICENSING_ONSITE_CHECK',
      ],
    });
    expect(result.incompleteReasons).toEqual([
      'AMR collection failed at 2024-06-01T00:00:00.000Z (last collected ' +
        '2024-06-01T00:00:00.000Z): its records may have changed since',
    ]);
  });

  it('dates the county history from the later of adulthood and the registration', () => {
    // Born 2004-06-15, adult from 2022-06-16: under 3 years of history on 2024-06-01.
    const young = makeCitizenId('511921', '20040615', 101);
    const register = { ...REGISTERED, personId: young, registeredSince: '2004-06-15' };
    expect(standing([], { personId: young, register }).greenChannel.reasons[0].message).toBe(
      "the county's history of this person starts 2022-06-16: 36 months are complete only on " +
        '2025-06-16, and no good record is displayed',
    );
    // Moved into the county last year: the history starts then.
    const movedIn = { ...REGISTERED, registeredSince: '2023-09-01' };
    expect(standing([], { register: movedIn }).greenChannel.reasons[0].message).toContain(
      'starts 2023-09-01',
    );
  });
});
