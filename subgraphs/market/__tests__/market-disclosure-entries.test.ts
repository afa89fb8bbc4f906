import { makeCitizenId } from '../../../lib/ids/citizen-id';
import { marketDisclosureHistory } from '../market-disclosure-entries';
import type { LicenseRecord, PenaltyRecord } from '../records';

const ID = makeCitizenId('511921', '1980-01-02', 7);

const licence: LicenseRecord = {
  id: 'AMR-LIC-000001',
  personId: ID,
  kind: 'FOOD_BUSINESS',
  licenseNo: 'JY15119212024000001',
  decisionNo: '通市监许〔2024〕1号',
  issuedAt: '2024-03-01',
  validUntil: '2029-02-28',
  issuer: '通江县市场监督管理局',
  status: 'VALID',
};

const revokedPenalty: PenaltyRecord = {
  id: 'AMR-PEN-000002',
  personId: ID,
  decisionNo: '通市监罚〔2024〕2号',
  decidedAt: '2024-01-10',
  kind: 'FINE',
  amount: 2000,
  reason: '价格欺诈',
  status: 'REVOKED',
  statusChangedAt: '2024-04-01',
  simpleProcedure: false,
};

describe('marketDisclosureHistory', () => {
  it('publishes each decision on its date and withdraws a revoked one later', () => {
    const history = marketDisclosureHistory(
      { licenses: [licence], penalties: [revokedPenalty] },
      new Map([[ID, '张三']]),
    );
    const penalty = {
      sourceRecordId: 'AMR-PEN-000002',
      kind: 'PENALTY',
      personId: ID,
      partyName: '张三',
      decisionNo: '通市监罚〔2024〕2号',
      decidedAt: '2024-01-10',
      disclosureItem: 'AMR_PENALTY_FINE',
      authority: '通江县市场监督管理局',
      validUntil: null,
      catalogCode: 'AMR_PENALTY',
    };
    expect(history).toEqual([
      { ...penalty, status: 'ACTIVE', statusChangedAt: null },
      {
        sourceRecordId: 'AMR-LIC-000001',
        kind: 'LICENSING',
        personId: ID,
        partyName: '张三',
        decisionNo: '通市监许〔2024〕1号',
        decidedAt: '2024-03-01',
        disclosureItem: 'AMR_LICENSING_FOOD_BUSINESS',
        authority: '通江县市场监督管理局',
        validUntil: '2029-02-28',
        status: 'ACTIVE',
        statusChangedAt: null,
        catalogCode: null,
      },
      { ...penalty, status: 'REVOKED', statusChangedAt: '2024-04-01' },
    ]);
    // The facts, the amount and the licence number stay with the bureau.
    expect(JSON.stringify(history)).not.toMatch(/价格欺诈|2000|JY15119212024000001/);
  });
});
