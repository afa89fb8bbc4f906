import { Registry } from 'prom-client';
import type { DisclosureTimeliness } from '../disclosure-store';
import { registerDisclosureTimelinessMetric } from '../register-disclosure-timeliness-metric';

describe('registerDisclosureTimelinessMetric', () => {
  it('shows published decisions per department and kind as on time or late, read at scrape', async () => {
    const registry = new Registry();
    let counts: DisclosureTimeliness[] = [{ dept: 'TAX', kind: 'PENALTY', onTime: 3, late: 2 }];
    registerDisclosureTimelinessMetric(registry, { timeliness: async () => counts });
    const lines = async () =>
      (await registry.metrics()).split('\n').filter((line) => line.startsWith('cf_credit_'));
    expect(await lines()).toEqual([
      'cf_credit_disclosures{dept="TAX",kind="PENALTY",timeliness="on_time"} 3',
      'cf_credit_disclosures{dept="TAX",kind="PENALTY",timeliness="late"} 2',
    ]);
    counts = [{ dept: 'AMR', kind: 'LICENSING', onTime: 1, late: 0 }];
    expect(await lines()).toEqual([
      'cf_credit_disclosures{dept="AMR",kind="LICENSING",timeliness="on_time"} 1',
      'cf_credit_disclosures{dept="AMR",kind="LICENSING",timeliness="late"} 0',
    ]);
  });

  it('shows no series while the store cannot be read', async () => {
    const registry = new Registry();
    registerDisclosureTimelinessMetric(registry, {
      timeliness: async () => {
        throw new Error('down');
      },
    });
    expect(
      (await registry.metrics()).split('\n').filter((l) => l.startsWith('cf_credit_')),
    ).toEqual([]);
  });
});
