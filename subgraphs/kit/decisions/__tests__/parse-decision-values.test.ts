import { findDecisionKind } from '../../../../lib/decision-kinds/find-decision-kind';
import type { DecisionKind } from '../../../../lib/decision-kinds/decision-kind';
import { makeCitizenId } from '../../../../lib/ids/citizen-id';
import { makeUscc } from '../../../../lib/ids/uscc';
import { parseDecisionValues } from '../parse-decision-values';

// 2026-03-01T17:00Z is already 2026-03-02 in China Standard Time.
const NOW = new Date('2026-03-01T17:00:00Z');
const PERSON = makeCitizenId('511921', '1985-03-15', 12);

function kind(dept: string, name: string): DecisionKind {
  const found = findDecisionKind(dept, name);
  if (!found) throw new Error(`no kind ${dept} ${name}`);
  return found;
}

const values = (record: Record<string, string | null>) =>
  Object.entries(record).map(([field, value]) => ({ field, value }));

const penalty = {
  personId: PERSON,
  partyName: '张三',
  decisionNo: '通市监处罚〔2026〕1号',
  penaltyKind: 'FINE',
  decidedAt: '2026-03-02',
  amount: '1500',
  reason: '销售过期食品',
};

describe('parseDecisionValues', () => {
  it('normalizes a good row: every field of the kind, amounts with two decimals, absent as null', () => {
    expect(parseDecisionValues(kind('AMR', 'penalties'), values(penalty), NOW)).toEqual({
      ok: true,
      values: { ...penalty, amount: '1500.00', procedure: null, authority: null },
    });
  });

  it('keeps decision numbers in one form: full-width characters folded (NFKC), whitespace collapsed', () => {
    const result = parseDecisionValues(
      kind('AMR', 'penalties'),
      values({ ...penalty, decisionNo: ' 通市监处罚（２０２６）　 1号 ' }),
      NOW,
    );
    expect(result).toMatchObject({ ok: true, values: { decisionNo: '通市监处罚(2026) 1号' } });
    const ending = parseDecisionValues(
      kind('AMR', 'penalty-revocations'),
      values({
        personId: PERSON,
        decisionNo: '撤销〔2026〕１号',
        penaltyDecisionNo: '通市监处罚〔2026〕１号',
        revokedAt: '2026-03-02',
      }),
      NOW,
    );
    expect(ending).toMatchObject({
      values: { decisionNo: '撤销〔2026〕1号', penaltyDecisionNo: '通市监处罚〔2026〕1号' },
    });
  });

  it('judges "today" in China Standard Time: the day after is in the future', () => {
    const result = parseDecisionValues(
      kind('AMR', 'penalties'),
      values({ ...penalty, decidedAt: '2026-03-03' }),
      NOW,
    );
    expect(result).toEqual({
      ok: false,
      problems: [{ field: 'decidedAt', reason: 'in the future (today is 2026-03-02)' }],
    });
  });

  it('names every problem of a row at once', () => {
    const wrongCheck = PERSON.slice(0, 17) + (PERSON[17] === '0' ? '1' : '0');
    const result = parseDecisionValues(
      kind('AMR', 'penalties'),
      values({
        ...penalty,
        personId: wrongCheck,
        penaltyKind: 'FLOGGING',
        amount: '-3',
        reason: null,
        colour: 'red',
        decidedAt: '2026-02-30',
      }),
      NOW,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.field)).toEqual([
      'colour',
      'personId',
      'penaltyKind',
      'decidedAt',
      'amount',
      'reason',
    ]);
  });

  it('refuses more than two decimals, a zero arrear and text over its length', () => {
    const arrears = kind('TAX', 'arrears');
    const row = {
      personId: PERSON,
      decisionNo: 'x'.repeat(65),
      taxType: 'DEED',
      since: '2026-01-01',
    };
    expect(parseDecisionValues(arrears, values({ ...row, amount: '1.005' }), NOW)).toMatchObject({
      problems: [
        { field: 'decisionNo', reason: 'longer than 64 characters' },
        { field: 'amount', reason: 'not an amount in yuan with at most 2 decimals' },
      ],
    });
    expect(parseDecisionValues(arrears, values({ ...row, amount: '0' }), NOW)).toMatchObject({
      problems: [
        { field: 'decisionNo', reason: 'longer than 64 characters' },
        { field: 'amount', reason: 'must be more than 0' },
      ],
    });
  });

  it('keeps dates in order, and allows a future date only where the kind says so', () => {
    const licence = {
      personId: PERSON,
      partyName: '张三',
      decisionNo: '通市监许〔2026〕1号',
      licenceKind: 'FOOD_BUSINESS',
      licenceNo: 'JY1',
      issuedAt: '2026-01-10',
    };
    const licences = kind('AMR', 'licences');
    expect(
      parseDecisionValues(licences, values({ ...licence, validUntil: '2031-01-09' }), NOW).ok,
    ).toBe(true);
    expect(
      parseDecisionValues(licences, values({ ...licence, validUntil: '2025-12-31' }), NOW),
    ).toEqual({
      ok: false,
      problems: [{ field: 'validUntil', reason: 'before issuedAt' }],
    });
  });

  it('refuses a row decided by another department, and an authority no department has', () => {
    const penalties = kind('AMR', 'penalties');
    expect(
      parseDecisionValues(
        penalties,
        values({ ...penalty, authority: '国家税务总局通江县税务局' }),
        NOW,
      ),
    ).toEqual({
      ok: false,
      problems: [{ field: 'authority', reason: 'row of another department (TAX)' }],
    });
    expect(
      parseDecisionValues(penalties, values({ ...penalty, authority: '某某局' }), NOW),
    ).toEqual({
      ok: false,
      problems: [{ field: 'authority', reason: 'not the name of any department' }],
    });
    expect(
      parseDecisionValues(penalties, values({ ...penalty, authority: '县市场监管局' }), NOW).ok,
    ).toBe(true);
  });

  it('checks a USCC with its GB 32100 check character', () => {
    const uscc = makeUscc('91511921MA6X4R001');
    const listing = kind('AMR', 'abnormal-operations');
    const row = {
      decisionNo: '通市监异〔2026〕1号',
      listedAt: '2026-01-05',
      reason: '未按期公示年报',
    };
    expect(parseDecisionValues(listing, values({ ...row, uscc }), NOW).ok).toBe(true);
    const wrong = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
    expect(parseDecisionValues(listing, values({ ...row, uscc: wrong }), NOW)).toMatchObject({
      ok: false,
      problems: [
        { field: 'uscc', reason: expect.stringContaining('not a unified social credit code') },
      ],
    });
  });

  it('refuses a date before 1949-10-01, naming the field and the bound', () => {
    expect(
      parseDecisionValues(
        kind('AMR', 'penalties'),
        values({ ...penalty, decidedAt: '1949-09-30' }),
        NOW,
      ),
    ).toEqual({ ok: false, problems: [{ field: 'decidedAt', reason: 'before 1949-10-01' }] });
    expect(
      parseDecisionValues(
        kind('AMR', 'penalties'),
        values({ ...penalty, decidedAt: '1949-10-01' }),
        NOW,
      ).ok,
    ).toBe(true);
  });

  it('refuses a fine without its amount, naming the amount; other penalties may state none', () => {
    const withoutAmount = { ...penalty, amount: null };
    expect(parseDecisionValues(kind('AMR', 'penalties'), values(withoutAmount), NOW)).toEqual({
      ok: false,
      problems: [{ field: 'amount', reason: 'required when penaltyKind is FINE' }],
    });
    expect(
      parseDecisionValues(
        kind('AMR', 'penalties'),
        values({ ...withoutAmount, penaltyKind: 'WARNING' }),
        NOW,
      ).ok,
    ).toBe(true);
  });

  it('never echoes what was sent: ids, dates, enum values, names and unknown fields are named, not quoted', () => {
    const badId = PERSON.slice(0, 17) + (PERSON[17] === '0' ? '1' : '0');
    const sent = {
      ...penalty,
      personId: badId,
      decidedAt: '2026-02-30',
      penaltyKind: '张三罚款',
      authority: '张三的私人机构',
    };
    const result = parseDecisionValues(
      kind('AMR', 'penalties'),
      [...values(sent), { field: PERSON, value: 'x' }],
      NOW,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: null, reason: 'a field penalties does not have' },
        { field: 'personId', reason: 'not a citizen id: wrong check character (GB 11643)' },
        {
          field: 'penaltyKind',
          reason: 'not one of WARNING, FINE, CONFISCATION, SUSPENSION, REVOCATION',
        },
        { field: 'decidedAt', reason: 'not a real date yyyy-mm-dd' },
        { field: 'authority', reason: 'not the name of any department' },
      ],
    });
    const text = JSON.stringify(result);
    for (const value of [badId, PERSON, '2026-02-30', '张三']) expect(text).not.toContain(value);
  });
});
