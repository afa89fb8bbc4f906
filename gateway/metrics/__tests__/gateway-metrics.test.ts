import { createServiceMetrics } from '../../../lib/metrics/service-metrics';
import { createGatewayMetrics } from '../gateway-metrics';

async function samples(metrics: ReturnType<typeof createGatewayMetrics>, name: string) {
  const metric = await metrics.registry.getSingleMetric(name)?.get();
  return (metric?.values ?? []).map((value) => ({ labels: value.labels, value: value.value }));
}

describe('gateway metrics', () => {
  it('counts limit and rate-limit refusals by a bounded label', async () => {
    const metrics = createGatewayMetrics(createServiceMetrics({ service: 'gateway' }));
    metrics.countLimitRefusal('depth');
    metrics.countLimitRefusal('depth');
    metrics.countLimitRefusal('not a limit name!');
    for (let i = 0; i < 30; i += 1) metrics.countLimitRefusal(`limit${i}`);
    metrics.countRateLimitRefusal('caller');
    const limits = await samples(metrics, 'cf_limit_refusals_total');
    expect(limits.find((sample) => sample.labels.limit === 'depth')?.value).toBe(2);
    // 20 distinct names at most: depth and 19 others; the rest (and the malformed one) are other.
    expect(limits.length).toBe(21);
    expect(limits.find((sample) => sample.labels.limit === 'other')?.value).toBe(12);
    expect(await samples(metrics, 'cf_rate_limit_refusals_total')).toEqual([
      { labels: { scope: 'caller' }, value: 1 },
    ]);
  });

  it("exports an audit writer's queue depth and commit times", async () => {
    const metrics = createServiceMetrics({ service: 'tax' });
    const listeners: ((commit: { seconds: number; entries: number; ok: boolean }) => void)[] = [];
    metrics.watchAuditWriter({
      writer: 'tax',
      pending: () => 3,
      observe: (listener) => void listeners.push(listener),
      append: () => Promise.reject(new Error('not used')),
      health: () => Promise.resolve({ ok: true }),
      close: () => Promise.resolve(),
    });
    listeners.forEach((listener) => listener({ seconds: 0.004, entries: 5, ok: true }));
    const text = await metrics.registry.metrics();
    expect(text).toContain('cf_audit_queue_depth{writer="tax",service="tax"} 3');
    expect(text).toContain(
      'cf_audit_commit_duration_seconds_count{service="tax",writer="tax",outcome="ok"} 1',
    );
  });
});
