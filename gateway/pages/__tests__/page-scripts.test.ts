import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv, toJsonLines } from '../browser/audit/audit-export';
import type { AuditEvent } from '../browser/audit/audit-queries';
import { buildPageScripts } from '../build-page-scripts';
import { PAGE_BUDGETS } from '../page-budgets';

const event: AuditEvent = {
  seq: '7',
  writer: 'gateway',
  recordedAt: '2026-03-01T02:00:00.000000Z',
  kind: 'OPERATION',
  requestId: 'r-1',
  dept: 'TAX',
  user: 'officer-1',
  clientType: 'officer',
  roles: ['officer'],
  org: null,
  purpose: 'ADMIN_LICENSING',
  caseRef: '=HYPERLINK("http://evil")',
  operationName: 'Profile',
  documentHash: 'd'.repeat(64),
  subjects: ['511921********1234'],
  fieldsReturned: ['Query.person', 'Person.name'],
  fieldsMasked: [],
  fieldsDenied: ['Person.tax'],
  fieldRules: [{ field: 'Person.tax', outcome: 'DENIED', ruleId: 'default-deny' }],
  subgraphs: [{ subgraph: 'population', outcome: 'ok', latencyMs: 3, error: null }],
  result: 'PARTIAL',
  error: 'a "quoted", text',
  policyVersion: 'p1',
  latencyMs: 12,
  hash: 'h'.repeat(64),
  prevHash: 'p'.repeat(64),
};

describe('the pages as served', () => {
  it('bundles each page under its budget, with no address of another host', async () => {
    const scripts = await buildPageScripts();
    const css = readFileSync(join(__dirname, '..', 'pages.css'));
    const sizes = {
      audit: scripts.audit.length,
      me: scripts.me.length,
      playground: scripts.playground.length,
      stylesheet: css.length,
    };
    for (const [name, size] of Object.entries(sizes)) {
      expect({ name, fits: size <= PAGE_BUDGETS[name as keyof typeof PAGE_BUDGETS] }).toEqual({
        name,
        fits: true,
      });
    }
    for (const text of [...Object.values(scripts), css].map((buffer) => buffer.toString())) {
      expect(text.match(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/gi) ?? []).toEqual([]);
    }
  });

  it('builds the same bytes every time', async () => {
    const first = await buildPageScripts();
    expect((await buildPageScripts()).audit.equals(first.audit)).toBe(true);
  });
});

describe('audit export', () => {
  it('writes CSV with quoting, lists joined, and formulas defused', () => {
    const [header, row] = toCsv([event]).split('\r\n');
    expect(header.split(',')).toHaveLength(26);
    expect(row).toContain(`'=HYPERLINK(""http://evil"")`);
    expect(row).toContain('"a ""quoted"", text"');
    expect(row).toContain('Query.person; Person.name');
    expect(row).toContain('Person.tax DENIED default-deny');
  });

  it('writes one JSON object per line', () => {
    expect(toJsonLines([event, event]).split('\n')).toEqual([
      JSON.stringify(event),
      JSON.stringify(event),
      '',
    ]);
  });
});
