import { maskProductionError } from '../mask-production-error';

describe('maskProductionError', () => {
  it('replaces the message of an unexpected error and drops its stack trace', () => {
    expect(
      maskProductionError({
        message: 'relation "tax.arrears" does not exist',
        path: ['person', 'tax'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'tax', stacktrace: ['Error: …'] },
      }),
    ).toEqual({
      message: 'Internal server error',
      path: ['person', 'tax'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'tax' },
    });
  });

  it('keeps a client error but blanks every internal address in it', () => {
    expect(
      maskProductionError({
        message:
          'request to http://10.0.3.7:4102/graphql failed, reason: connect ECONNREFUSED 10.0.3.7:4102',
        locations: [{ line: 1, column: 3 }],
        extensions: {
          code: 'SUBGRAPH_UNAVAILABLE',
          subgraph: 'tax',
          hosts: ['localhost:4102', '[::1]:4102', 'https://tax.internal/graphql'],
          response: { url: 'http://tax.internal/', status: 502 },
          exception: { stacktrace: ['Error'] },
        },
      }),
    ).toEqual({
      message: 'request to [internal] failed, reason: connect ECONNREFUSED [internal]',
      locations: [{ line: 1, column: 3 }],
      extensions: {
        code: 'SUBGRAPH_UNAVAILABLE',
        subgraph: 'tax',
        hosts: ['[internal]', '[internal]', '[internal]'],
      },
    });
  });

  it('leaves an ordinary validation error as it is', () => {
    const error = {
      message: 'Cannot query field "nickname" on type "Person".',
      locations: [{ line: 1, column: 30 }],
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
    expect(maskProductionError(error)).toEqual(error);
  });
});
