import { toAccessLogEntry } from '../access-log-entry';
import type { AccessRecord } from '../access-log-entry';

const officerRecord: Omit<AccessRecord, 'kind' | 'fields' | 'masked'> = {
  dept: 'TAX',
  clientType: 'officer',
  org: null,
  purpose: 'ADMIN_LICENSING',
  caseRef: 'XK-1',
};

describe('toAccessLogEntry', () => {
  it("prefers the subgraphs' per-person fields over the operation's field lists", () => {
    expect(
      toAccessLogEntry({
        requestId: 'req-1',
        firstAt: '2025-03-03T02:00:00.000000Z',
        records: [
          { ...officerRecord, kind: 'resolver', fields: ['TaxInfo.arrears'], masked: [] },
          {
            ...officerRecord,
            kind: 'operation',
            fields: ['Person.name', 'TaxInfo.arrears'],
            masked: ['Person.householdAddress'],
          },
          { ...officerRecord, kind: 'resolver', fields: ['Person.tax'], masked: ['Person.name'] },
        ],
      }),
    ).toEqual({
      requestId: 'req-1',
      accessedAt: '2025-03-03T02:00:00.000000Z',
      dept: 'TAX',
      deptName: '县税务局',
      clientType: 'officer',
      org: null,
      fields: ['Person.tax', 'TaxInfo.arrears'],
      maskedFields: ['Person.name'],
      purpose: 'ADMIN_LICENSING',
      purposeName: '行政许可',
      caseRef: 'XK-1',
    });
  });

  it("falls back to the gateway's lists; an organisation has no department", () => {
    expect(
      toAccessLogEntry({
        requestId: 'req-2',
        firstAt: '2025-03-08T07:00:00.000000Z',
        records: [
          {
            kind: 'operation',
            dept: null,
            clientType: 'org',
            org: '91511921MA6XXXXXX1',
            purpose: 'AUTHORIZED_QUERY',
            caseRef: 'LOAN-9',
            fields: ['CreditProfile.score'],
            masked: ['Person.name'],
          },
        ],
      }),
    ).toEqual({
      requestId: 'req-2',
      accessedAt: '2025-03-08T07:00:00.000000Z',
      dept: null,
      deptName: null,
      clientType: 'org',
      org: '91511921MA6XXXXXX1',
      fields: ['CreditProfile.score'],
      maskedFields: ['Person.name'],
      purpose: 'AUTHORIZED_QUERY',
      purposeName: '授权查询',
      caseRef: 'LOAN-9',
    });
  });
});
