import { Gauge } from 'prom-client';
import type { Registry } from 'prom-client';
import type { SourceState } from '../store';

/** Options of {@link registerCollectionAgeMetric}. */
export interface CollectionAgeMetricOptions {
  /** Reads the collection state of every source seen so far (credit store). */
  findSourceStates(): Promise<SourceState[]>;
  /** Department codes the platform collects from (a source never collected still shows). */
  sources: readonly string[];
  now: () => Date;
}

/**
 * `cf_credit_collection_age_seconds{source}`: seconds since each department's credit feed was
 * last collected to its end, read from the store at scrape (`+Inf` if never). Alert on it rising
 * past the staleness threshold before profiles turn UNDETERMINED.
 */
export function registerCollectionAgeMetric(
  registry: Registry,
  options: CollectionAgeMetricOptions,
): void {
  new Gauge({
    name: 'cf_credit_collection_age_seconds',
    help: 'Seconds since the last complete collection of each credit source (+Inf if never).',
    labelNames: ['source'] as const,
    registers: [registry],
    async collect() {
      let states: SourceState[];
      try {
        states = await options.findSourceStates();
      } catch {
        // Unknown while the store is unreachable: no series (alert on absence), never stale ones,
        // and the rest of /metrics is still served.
        this.reset();
        return;
      }
      const now = options.now().getTime();
      const bySource = new Map(states.map((state) => [state.source, state]));
      for (const source of new Set([...options.sources, ...bySource.keys()])) {
        const last = bySource.get(source)?.lastSuccessAt;
        this.set({ source }, last ? Math.max(0, (now - last.getTime()) / 1000) : Infinity);
      }
    },
  });
}
