import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Response } from 'node-fetch';
import { SubgraphDataSource } from '../subgraph-data-source';

/** A fetcher that always answers `status` with a GraphQL error body naming an internal host. */
function answering(status: number): RemoteGraphQLDataSource['fetcher'] {
  return async () =>
    new Response(JSON.stringify({ errors: [{ message: 'tax db at 10.0.0.9 is down' }] }), {
      status,
      headers: { 'content-type': 'application/json' },
    });
}

async function failure(status: number, production: boolean): Promise<unknown> {
  const source = new SubgraphDataSource({
    name: 'tax',
    url: 'http://10.0.0.9:4102/',
    fetcher: answering(status),
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
});
