import { makeCitizenId } from '../../../../lib/ids/citizen-id';
import { loadCatalog } from '../../rules/load-catalog';
import { goodConductArgs } from '../good-conduct-args';

const CATALOG = loadCatalog();
const PERSON = makeCitizenId('511921', '1985-03-15', 10);
const VALID = {
  personId: PERSON,
  kind: 'CIVIL_VOLUNTEER_SERVICE',
  decidedAt: '2025-03-01',
  decisionNo: '通民〔2025〕12号',
  title: undefined,
};

function refusal(overrides: Record<string, unknown>): unknown {
  try {
    goodConductArgs({ ...VALID, ...overrides }, CATALOG, '2025-03-01');
    return null;
  } catch (error) {
    return (error as { extensions?: unknown }).extensions;
  }
}

describe('goodConductArgs', () => {
  it('accepts a decision of today, naming the deciding bureau', () => {
    expect(goodConductArgs(VALID, CATALOG, '2025-03-01')).toEqual({
      personId: PERSON,
      kind: 'CIVIL_VOLUNTEER_SERVICE',
      dept: 'CIVIL',
      decidedAt: '2025-03-01',
      decisionNo: '通民〔2025〕12号',
    });
    // The catalog's name is accepted as the (deprecated) title; it is not stored.
    expect(goodConductArgs({ ...VALID, title: '志愿服务' }, CATALOG, '2025-03-01')).toEqual(
      goodConductArgs(VALID, CATALOG, '2025-03-01'),
    );
    expect(
      goodConductArgs({ ...VALID, kind: 'HONOUR_MODEL_WORKER' }, CATALOG, '2025-03-01').dept,
    ).toBe('NDRC');
  });

  it('refuses a future date, an impossible date, an unknown kind and a title of its own', () => {
    expect(refusal({ decidedAt: '2025-03-02' })).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'decidedAt',
      reason: 'must not be after today (2025-03-01)',
    });
    expect(refusal({ decidedAt: '2025-02-30' })).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'decidedAt',
      reason: 'must be an ISO date yyyy-mm-dd',
    });
    expect(refusal({ kind: 'TAX_A_LEVEL' })).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'kind',
      reason: 'must be one of CIVIL_VOLUNTEER_SERVICE, CIVIL_CHARITY_DONATION, HONOUR_MODEL_WORKER',
    });
    expect(refusal({ title: '志愿服务时长认定（年度累计100小时以上）' })).toEqual({
      code: 'BAD_USER_INPUT',
      argument: 'title',
      reason:
        "the title of a CIVIL_VOLUNTEER_SERVICE record is the catalog's name 志愿服务; omit it",
    });
  });
});
