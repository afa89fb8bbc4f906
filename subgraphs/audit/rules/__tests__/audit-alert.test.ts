import { sortAlerts, toAuditAlert } from '../audit-alert';
import type { AlertRow } from '../audit-alert';

const range = { from: '2025-06-01T00:00:00.000Z', to: '2025-07-01T00:00:00.000Z' };

function row(overrides: Partial<AlertRow>): AlertRow {
  return {
    user: 'officer-1',
    users: ['officer-1'],
    dept: 'PSB',
    caseRef: null,
    windowFrom: '2025-06-02T02:00:00.000000Z',
    windowTo: '2025-06-02T03:00:00.000000Z',
    count: 50,
    requestIds: ['r1', 'r1', 'r2', 'r3', 'r3', 'r4'],
    ...overrides,
  };
}

describe('toAuditAlert', () => {
  it('lists distinct example request ids, earliest first, and normalizes the window', () => {
    expect(toAuditAlert('MANY_SUBJECTS', row({}), 50, range, 3)).toEqual({
      kind: 'MANY_SUBJECTS',
      user: 'officer-1',
      users: ['officer-1'],
      dept: 'PSB',
      caseRef: null,
      window: { from: '2025-06-02T02:00:00.000Z', to: '2025-06-02T03:00:00.000Z' },
      count: 50,
      threshold: 50,
      exampleRequestIds: ['r1', 'r2', 'r3'],
    });
  });

  it('takes the range as the window of a group without one', () => {
    const alert = toAuditAlert(
      'CASE_REF_REUSE',
      row({ user: null, users: ['b', 'a'], caseRef: 'X-1', windowFrom: null, windowTo: null }),
      20,
      range,
      5,
    );
    expect([alert.window, alert.users]).toEqual([range, ['a', 'b']]);
  });
});

describe('sortAlerts', () => {
  it('orders by window start, then kind, department and user', () => {
    const late = toAuditAlert(
      'OFF_HOURS',
      row({ windowFrom: '2025-06-03T00:00:00Z' }),
      1,
      range,
      5,
    );
    const many = toAuditAlert('MANY_SUBJECTS', row({ user: 'z' }), 50, range, 5);
    const off = toAuditAlert('OFF_HOURS', row({ user: 'a' }), 1, range, 5);
    const manyTax = toAuditAlert('MANY_SUBJECTS', row({ dept: 'TAX', user: 'a' }), 50, range, 5);
    expect(sortAlerts([late, off, manyTax, many])).toEqual([many, manyTax, off, late]);
  });
});
