import { toStoredRecord } from '../../../../lib/audit/stored-record';
import { makeCitizenId } from '../../../../lib/ids/citizen-id';
import { toAuditEvent } from '../event-view';
import type { LoggedEntry } from '../event-view';

const key = Buffer.alloc(32, 7);
const alice = makeCitizenId('511921', '19850312', 101);
const bob = makeCitizenId('511921', '19900101', 202);

/** The masked form the audit store keeps: first 6 + 8 stars + last 4. */
function masked(id: string): string {
  return `${id.slice(0, 6)}********${id.slice(-4)}`;
}

function entry(stored: ReturnType<typeof toStoredRecord>, writer: string): LoggedEntry {
  return {
    writer,
    seq: 12,
    recordedAt: '2025-03-03T02:00:00.123456Z',
    kind: stored.kind,
    requestId: stored.requestId,
    payload: stored.payload,
    hash: 'h'.repeat(64),
    prevHash: 'p'.repeat(64),
  };
}

describe('toAuditEvent', () => {
  it('flattens a gateway record, people as masked ids only', () => {
    const stored = toStoredRecord(
      {
        kind: 'operation',
        requestId: 'req-1',
        caller: {
          sub: 'officer-7',
          dept: 'TAX',
          clientType: 'officer',
          roles: ['officer'],
          purpose: 'ADMIN_LICENSING',
          caseRef: 'XK-1',
        },
        operationName: 'PersonCredit',
        documentHash: 'd'.repeat(64),
        subjects: [alice, bob],
        fields: {
          returned: ['Person.tax'],
          masked: ['Person.name'],
          denied: ['Person.court'],
          rules: [
            { field: 'Person.tax', outcome: 'returned', ruleId: 'tax-own-domain' },
            { field: 'Person.name', outcome: 'masked', ruleId: 'officers-name-masked' },
            { field: 'Person.court', outcome: 'denied', ruleId: 'default-deny' },
          ],
        },
        subgraphs: [{ subgraph: 'tax', outcome: 'ok', latencyMs: 4.6 }],
        policyVersion: 'p1',
        latencyMs: 12.4,
        result: 'partial',
      },
      key,
    );
    expect(toAuditEvent(entry(stored, 'gateway'))).toEqual({
      seq: '12',
      writer: 'gateway',
      recordedAt: '2025-03-03T02:00:00.123456Z',
      kind: 'OPERATION',
      requestId: 'req-1',
      dept: 'TAX',
      user: 'officer-7',
      clientType: 'officer',
      roles: ['officer'],
      org: null,
      purpose: 'ADMIN_LICENSING',
      caseRef: 'XK-1',
      operationName: 'PersonCredit',
      documentHash: 'd'.repeat(64),
      subjects: [masked(alice), masked(bob)],
      fieldsReturned: ['Person.tax'],
      fieldsMasked: ['Person.name'],
      fieldsDenied: ['Person.court'],
      subgraphs: [{ subgraph: 'tax', outcome: 'ok', latencyMs: 5, error: null }],
      result: 'PARTIAL',
      error: null,
      policyVersion: 'p1',
      latencyMs: 12,
      hash: 'h'.repeat(64),
      prevHash: 'p'.repeat(64),
      fieldRules: [
        { field: 'Person.tax', outcome: 'RETURNED', ruleId: 'tax-own-domain' },
        { field: 'Person.name', outcome: 'MASKED', ruleId: 'officers-name-masked' },
        { field: 'Person.court', outcome: 'DENIED', ruleId: 'default-deny' },
      ],
    });
  });

  it('unites the per-person fields of a resolver record; a citizen caller stays masked', () => {
    const stored = toStoredRecord(
      {
        kind: 'resolver',
        requestId: 'req-2',
        caller: { sub: alice, clientType: 'citizen', personId: alice, purpose: 'SELF_QUERY' },
        resolved: [
          { subject: alice, fields: ['Person.tax', 'TaxInfo.arrears'], masked: ['Person.name'] },
          {
            subject: bob,
            fields: ['Person.tax'],
            denied: ['TaxInfo.arrears'],
            rules: [{ field: 'TaxInfo.arrears', outcome: 'denied', ruleId: 'citizen-own-record' }],
          },
        ],
      },
      key,
    );
    const event = toAuditEvent(entry(stored, 'tax'));
    expect(event).toEqual({
      seq: '12',
      writer: 'tax',
      recordedAt: '2025-03-03T02:00:00.123456Z',
      kind: 'RESOLVER',
      requestId: 'req-2',
      dept: null,
      user: masked(alice),
      clientType: 'citizen',
      roles: [],
      org: null,
      purpose: 'SELF_QUERY',
      caseRef: null,
      operationName: null,
      documentHash: null,
      subjects: [masked(alice), masked(bob)],
      fieldsReturned: ['Person.tax', 'TaxInfo.arrears'],
      fieldsMasked: ['Person.name'],
      fieldsDenied: ['TaxInfo.arrears'],
      subgraphs: [],
      result: null,
      error: null,
      policyVersion: null,
      latencyMs: null,
      hash: 'h'.repeat(64),
      prevHash: 'p'.repeat(64),
      // A subgraph's shield names the rule of each field it refused.
      fieldRules: [{ field: 'TaxInfo.arrears', outcome: 'DENIED', ruleId: 'citizen-own-record' }],
    });
    expect(JSON.stringify(event)).not.toContain(alice);
    expect(JSON.stringify(event)).not.toContain(bob);
  });
});
