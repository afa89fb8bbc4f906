import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { SubgraphDataSource } from '../subgraph-data-source';

const DOWN = { errors: [{ message: 'tax db at 10.0.0.9 is down' }] };

/** A fetcher that always answers `status` with `body` (default: an error naming an internal host). */
function answering(status: number, body: object = DOWN): RemoteGraphQLDataSource['fetcher'] {
  return async () =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
}

async function failure(status: number, production: boolean, body?: object): Promise<unknown> {
  const source = new SubgraphDataSource({
    name: 'tax',
    url: 'http://10.0.0.9:4102/',
    fetcher: answering(status, body),
    production,
  });
  const error = await source
    .process({
      kind: GraphQLDataSourceRequestKind.HEALTH_CHECK,
      request: { query: '{ __typename }' },
      context: {},
    })
    .then(
      () => undefined,
      (caught: unknown) => caught,
    );
  return error instanceof Error && 'extensions' in error
    ? { message: error.message, extensions: error.extensions }
    : error;
}

describe('SubgraphDataSource', () => {
  it('names the subgraph and its HTTP status when it answers 5xx, with its errors in development', async () => {
    expect(await failure(503, false)).toEqual({
      message: 'Subgraph "tax" answered HTTP 503',
      extensions: {
        code: 'SUBGRAPH_UNAVAILABLE',
        serviceName: 'tax',
        subgraph: 'tax',
        httpStatus: 503,
        subgraphErrors: ['tax db at 10.0.0.9 is down'],
      },
    });
  });

  it('keeps the subgraph body out of production errors and tells a refusal from an outage', async () => {
    expect(await failure(401, true)).toEqual({
      message: 'Subgraph "tax" answered HTTP 401',
      extensions: {
        code: 'SUBGRAPH_REQUEST_FAILED',
        serviceName: 'tax',
        subgraph: 'tax',
        httpStatus: 401,
      },
    });
  });

  it('tells when the subgraph could not write its audit record (the gateway then waits less)', async () => {
    const auditDown = {
      data: null,
      errors: [{ message: 'not recorded', extensions: { code: 'AUDIT_UNAVAILABLE' } }],
    };
    expect(await failure(503, true, auditDown)).toEqual({
      message: 'Subgraph "tax" answered HTTP 503',
      extensions: {
        code: 'SUBGRAPH_UNAVAILABLE',
        serviceName: 'tax',
        subgraph: 'tax',
        httpStatus: 503,
        subgraphCode: 'AUDIT_UNAVAILABLE',
      },
    });
  });
});
