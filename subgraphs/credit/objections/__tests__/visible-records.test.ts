import type { CreditRecordData } from '../../rules/types';
import { recordAdjustment } from '../record-adjustment';
import type { ObjectionData, RepairData } from '../types';
import { visibleRecords } from '../visible-records';

const PERSON = '511921198503150011';

function record(
  sourceDept: string,
  sourceRecordId: string,
  catalogCode: string,
  decidedAt: string,
): CreditRecordData {
  return {
    id: `${sourceDept}:${sourceRecordId}`,
    personId: PERSON,
    sourceDept,
    sourceRecordId,
    catalogCode,
    decidedAt,
    decisionNo: `No.${sourceRecordId}`,
    status: 'ACTIVE',
    statusChangedAt: null,
    caseKey: null,
    keyGroup: null,
  };
}

function objection(overrides: Partial<ObjectionData>): ObjectionData {
  return {
    id: 'o1',
    personId: PERSON,
    sourceDept: 'AMR',
    sourceRecordId: 'P-1',
    catalogCode: null,
    reason: 'not me',
    filedBy: 'citizen',
    filedOn: '2026-11-02',
    dueOn: '2026-11-23',
    dueOnProvisional: false,
    status: 'OPEN',
    correction: null,
    decisionNote: null,
    decidedOn: null,
    decidedBy: null,
    ...overrides,
  };
}

function repair(overrides: Partial<RepairData>): RepairData {
  return {
    id: 'r1',
    personId: PERSON,
    sourceDept: 'TAX',
    sourceRecordId: null,
    catalogCode: 'TAX_ARREARS',
    commitment: 'I promise',
    proofOfCorrection: 'paid',
    appliedBy: 'citizen',
    appliedOn: '2026-10-01',
    status: 'APPROVED',
    decisionNote: 'ok',
    decidedOn: '2026-10-10',
    decidedBy: 'tax',
    ...overrides,
  };
}

const PENALTY = record('AMR', 'P-1', 'AMR_PENALTY', '2026-10-20');
const OTHER_PENALTY = record('AMR', 'P-2', 'AMR_PENALTY', '2026-10-25');
const ARREARS = record('TAX', 'A-1', 'TAX_ARREARS', '2026-03-01');
const LATER_ARREARS = record('TAX', 'A-2', 'TAX_ARREARS', '2026-11-01');
const ALL = [PENALTY, OTHER_PENALTY, ARREARS, LATER_ARREARS];

describe('visibleRecords and recordAdjustment', () => {
  it('keeps every record without objections or repairs', () => {
    expect(visibleRecords(ALL, { objections: [], repairs: [] })).toEqual(ALL);
  });

  it('marks a record under objection while it is open, and keeps showing it', () => {
    const adjustments = { objections: [objection({})], repairs: [] };
    expect(visibleRecords(ALL, adjustments)).toEqual(ALL);
    expect(recordAdjustment(PENALTY, adjustments)).toEqual({
      underObjection: true,
      objection: objection({}),
      repair: null,
      hiddenBy: null,
    });
    expect(recordAdjustment(OTHER_PENALTY, adjustments).underObjection).toBe(false);
  });

  it('hides a record removed by an upheld objection, but not a corrected or rejected one', () => {
    const removed = objection({ status: 'UPHELD', correction: 'REMOVED', decidedOn: '2026-11-10' });
    expect(visibleRecords(ALL, { objections: [removed], repairs: [] })).toEqual([
      OTHER_PENALTY,
      ARREARS,
      LATER_ARREARS,
    ]);
    const corrected = objection({
      status: 'UPHELD',
      correction: 'CORRECTED',
      decidedOn: '2026-11-10',
    });
    const rejected = objection({ status: 'REJECTED', decidedOn: '2026-11-10' });
    expect(visibleRecords(ALL, { objections: [corrected], repairs: [] })).toEqual(ALL);
    expect(visibleRecords(ALL, { objections: [rejected], repairs: [] })).toEqual(ALL);
  });

  it('hides a record after an approved repair only; a seeded claim spares later records', () => {
    // The claim (TAX, TAX_ARREARS, applied 2026-10-01) matches A-1, decided before it, not A-2.
    expect(visibleRecords(ALL, { objections: [], repairs: [repair({})] })).toEqual([
      PENALTY,
      OTHER_PENALTY,
      LATER_ARREARS,
    ]);
    expect(
      visibleRecords(ALL, {
        objections: [],
        repairs: [repair({ status: 'PENDING', decidedOn: null })],
      }),
    ).toEqual(ALL);
    expect(
      visibleRecords(ALL, { objections: [], repairs: [repair({ status: 'REJECTED' })] }),
    ).toEqual(ALL);
  });

  it('never applies another person’s objection', () => {
    const other = objection({
      personId: '511921199001010016',
      status: 'UPHELD',
      correction: 'REMOVED',
    });
    expect(visibleRecords(ALL, { objections: [other], repairs: [] })).toEqual(ALL);
  });
});
