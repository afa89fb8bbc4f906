import { startTracing } from '../start-tracing';

describe('startTracing', () => {
  it('records nothing unless an exporter is given or OTLP is configured', () => {
    expect(startTracing({ serviceName: 'x', env: {} })).toBeUndefined();
    expect(
      startTracing({
        serviceName: 'x',
        env: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_TRACES_EXPORTER: 'none' },
      }),
    ).toBeUndefined();
  });
});
