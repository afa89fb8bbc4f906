import { displayedRecords } from '../../rules/displayed-records';
import { RULES, record } from '../../rules/__tests__/support/rules-fixture';
import type { CreditRecordData } from '../../rules/types';
import { creditLists } from '../credit-lists';

function listsOn(records: CreditRecordData[], asOf: string) {
  return creditLists(displayedRecords(records, RULES.catalog, asOf), RULES.lists, asOf);
}

describe('creditLists', () => {
  it('lists nobody without records', () => {
    expect(listsOn([], '2024-06-01')).toEqual([]);
  });

  it('blacklists an active displayed serious record through the end of its display period', () => {
    const records = [
      record('c1', 'COURT_DISHONEST_DEBTOR', '2024-01-10'),
      record('t1', 'TAX_ARREARS', '2024-02-01'),
    ];
    const black = {
      list: 'BLACK',
      name: '严重失信主体名单',
      basis: [
        {
          recordId: 'COURT:c1',
          catalogCode: 'COURT_DISHONEST_DEBTOR',
          decidedAt: '2024-01-10',
          displayUntil: '2026-01-10',
        },
      ],
      since: '2024-01-10',
      until: '2026-01-10',
    };
    expect(listsOn(records, '2024-06-01')).toEqual([black]);
    // Last day of the display period: still listed; the day after: not.
    expect(listsOn([records[0]], '2026-01-10')).toEqual([black]);
    expect(listsOn([records[0]], '2026-01-11')).toEqual([]);
  });

  it('does not blacklist a performed or revoked serious record', () => {
    const performed = record('x1', 'TAX_MAJOR_VIOLATION', '2024-01-10', {
      status: 'PERFORMED',
      statusChangedAt: '2024-03-01',
    });
    const revoked = record('c1', 'COURT_DISHONEST_DEBTOR', '2024-01-10', {
      status: 'REVOKED',
      statusChangedAt: '2024-03-01',
    });
    expect(listsOn([performed, revoked], '2024-06-01')).toEqual([]);
  });

  it('red-lists a good record up to 12 months after its decision, not a day longer', () => {
    const records = [record('g1', 'TAX_A_LEVEL', '2024-04-15')];
    const red = {
      list: 'RED',
      name: '守信激励对象名单',
      basis: [
        {
          recordId: 'TAX:g1',
          catalogCode: 'TAX_A_LEVEL',
          decidedAt: '2024-04-15',
          displayUntil: '2027-04-15',
        },
      ],
      since: '2024-04-15',
      // The 12-month window ends before the 36-month display period of the fixture item.
      until: '2025-04-15',
    };
    expect(listsOn(records, '2025-04-15')).toEqual([red]);
    expect(listsOn(records, '2025-04-16')).toEqual([]);
  });

  it('keeps a person with any displayed bad record off the red list', () => {
    const records = [
      record('g1', 'TAX_A_LEVEL', '2024-04-15'),
      record('a1', 'AMR_PENALTY_MINOR', '2024-05-01'),
    ];
    expect(listsOn(records, '2024-06-01')).toEqual([]);
    // The minor record is displayed through 2024-08-01; from the day after the person is red.
    expect(listsOn(records, '2024-08-01')).toEqual([]);
    expect(listsOn(records, '2024-08-02').map((entry) => entry.list)).toEqual(['RED']);
  });

  it('lists every basis record oldest first, since the first and until the latest end', () => {
    const records = [
      record('v1', 'CIVIL_VOLUNTEER_SERVICE', '2024-05-01'),
      record('g1', 'TAX_A_LEVEL', '2024-04-15'),
    ];
    expect(listsOn(records, '2024-06-01')).toEqual([
      {
        list: 'RED',
        name: '守信激励对象名单',
        basis: [
          {
            recordId: 'TAX:g1',
            catalogCode: 'TAX_A_LEVEL',
            decidedAt: '2024-04-15',
            displayUntil: '2027-04-15',
          },
          {
            recordId: 'CIVIL:v1',
            catalogCode: 'CIVIL_VOLUNTEER_SERVICE',
            decidedAt: '2024-05-01',
            displayUntil: '2027-05-01',
          },
        ],
        since: '2024-04-15',
        until: '2025-05-01',
      },
    ]);
  });
});
