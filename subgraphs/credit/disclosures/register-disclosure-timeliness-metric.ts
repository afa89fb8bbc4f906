import { Gauge } from 'prom-client';
import type { Registry } from 'prom-client';
import type { DisclosureTimeliness } from './disclosure-store';

/** Options of {@link registerDisclosureTimelinessMetric}. */
export interface DisclosureTimelinessMetricOptions {
  /** Reads the counts from the store (disclosure store `timeliness`). */
  timeliness(): Promise<DisclosureTimeliness[]>;
}

/**
 * `cf_credit_disclosures{dept,kind,timeliness}`: decisions published (双公示) by the credit
 * platform, `on_time` when first published by their due day (7 working days after the decision,
 * policy/calendar.yaml) and `late` after it, read from the store at scrape. A rising `late`
 * series names the department that records its decisions late, or a collection that stalled.
 */
export function registerDisclosureTimelinessMetric(
  registry: Registry,
  options: DisclosureTimelinessMetricOptions,
): void {
  new Gauge({
    name: 'cf_credit_disclosures',
    help: 'Published licensing and penalty decisions by department, kind and whether they were published within 7 working days of the decision.',
    labelNames: ['dept', 'kind', 'timeliness'] as const,
    registers: [registry],
    async collect() {
      let counts: DisclosureTimeliness[];
      try {
        counts = await options.timeliness();
      } catch {
        // Unknown while the store is unreachable: no series, and the rest of /metrics is served.
        this.reset();
        return;
      }
      this.reset();
      for (const { dept, kind, onTime, late } of counts) {
        this.set({ dept, kind, timeliness: 'on_time' }, onTime);
        this.set({ dept, kind, timeliness: 'late' }, late);
      }
    },
  });
}
