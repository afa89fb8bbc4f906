import { makeCitizenId } from '../../../lib/ids/citizen-id';
import { makeUscc } from '../../../lib/ids/uscc';
import { listingFeedEntry, marketFeedHistory, penaltyFeedEntry } from '../market-feed-entries';
import type { EnterpriseRecord, MarketRecords, PenaltyRecord } from '../records';

const PERSON = makeCitizenId('511921', '19800101', 101);
const USCC = makeUscc('91511921MA13WRYDU');

const enterprise: EnterpriseRecord = {
  uscc: USCC,
  name: '通江县诺水银耳科技有限公司',
  type: 'LIMITED_COMPANY',
  registeredAt: '2019-07-30',
  status: 'ACTIVE',
  abnormalSince: null,
  seriousIllegalSince: null,
  listingDecisionNo: null,
  legalRepresentativeId: PERSON,
};

const penalty: PenaltyRecord = {
  id: 'AMR-PEN-000001',
  personId: PERSON,
  decisionNo: '通市监处罚〔2025〕1号',
  decidedAt: '2025-03-01',
  kind: 'FINE',
  amount: 5000,
  reason: '销售超过保质期的食品',
  status: 'PERFORMED',
  statusChangedAt: '2025-03-20',
  simpleProcedure: false,
};

describe('market credit feed entries', () => {
  it('publishes an ordinary penalty as AMR_PENALTY and a simple-procedure one as AMR_PENALTY_MINOR', () => {
    expect(penaltyFeedEntry(penalty)).toEqual({
      sourceRecordId: 'AMR-PEN-000001',
      personId: PERSON,
      catalogCode: 'AMR_PENALTY',
      decidedAt: '2025-03-01',
      decisionNo: '通市监处罚〔2025〕1号',
      status: 'PERFORMED',
      statusChangedAt: '2025-03-20',
    });
    const minor = { ...penalty, kind: 'WARNING' as const, amount: null, simpleProcedure: true };
    expect(penaltyFeedEntry(minor)).toMatchObject({ catalogCode: 'AMR_PENALTY_MINOR' });
    // The reason, kind and amount stay with the bureau.
    expect(JSON.stringify(penaltyFeedEntry(penalty))).not.toMatch(/销售超过保质期|罚款|2000/);
  });

  it('publishes the legal representative of a listed enterprise under the list it is on', () => {
    expect(listingFeedEntry(enterprise)).toBeNull();
    const abnormal: EnterpriseRecord = {
      ...enterprise,
      status: 'ABNORMAL_OPERATION',
      abnormalSince: '2025-02-08',
      listingDecisionNo: '通市监异〔2025〕4号',
    };
    expect(listingFeedEntry(abnormal)).toEqual({
      sourceRecordId: `abnormal:${USCC}:${PERSON}`,
      personId: PERSON,
      catalogCode: 'AMR_ABNORMAL_ENTERPRISE_LEGAL_REP',
      decidedAt: '2025-02-08',
      decisionNo: '通市监异〔2025〕4号',
      status: 'ACTIVE',
      statusChangedAt: null,
    });
    const serious: EnterpriseRecord = {
      ...abnormal,
      status: 'SERIOUS_ILLEGAL',
      abnormalSince: '2021-02-08',
      seriousIllegalSince: '2024-02-20',
      listingDecisionNo: '通市监严〔2024〕2号',
    };
    expect(listingFeedEntry(serious)).toEqual({
      sourceRecordId: `serious-illegal:${USCC}:${PERSON}`,
      personId: PERSON,
      catalogCode: 'AMR_SERIOUS_ILLEGAL_LEGAL_REP',
      decidedAt: '2024-02-20',
      decisionNo: '通市监严〔2024〕2号',
      status: 'ACTIVE',
      statusChangedAt: null,
    });
    expect(listingFeedEntry({ ...abnormal, legalRepresentativeId: null })).toBeNull();
  });

  it('writes the history of every record: ACTIVE on decision, later versions on their dates', () => {
    const records: MarketRecords = {
      enterprises: [enterprise],
      roles: [],
      licenses: [],
      penalties: [penalty],
      honours: [
        {
          id: 'AMR-HON-000002',
          personId: PERSON,
          enterpriseUscc: USCC,
          decidedAt: '2025-03-10',
          decisionNo: '巴市监合〔2025〕3号',
          issuer: '巴中市市场监督管理局',
          status: 'ACTIVE',
          statusChangedAt: null,
        },
      ],
    };
    expect(
      marketFeedHistory(records).map((e) => [e.sourceRecordId, e.catalogCode, e.status]),
    ).toEqual([
      ['AMR-PEN-000001', 'AMR_PENALTY', 'ACTIVE'],
      ['AMR-HON-000002', 'AMR_CONTRACT_HONOUR', 'ACTIVE'],
      ['AMR-PEN-000001', 'AMR_PENALTY', 'PERFORMED'],
    ]);
    // The enterprise's name stays with the bureau.
    expect(JSON.stringify(marketFeedHistory(records))).not.toContain('通江县诺水银耳科技有限公司');
  });
});
