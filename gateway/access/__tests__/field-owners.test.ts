import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fieldOwners } from '../field-owners';

describe('fieldOwners', () => {
  it('names the subgraph of each field: its own join__field, else its type’s join__type', () => {
    const owners = fieldOwners(`
      enum join__Graph {
        A @join__graph(name: "alpha", url: "http://a")
        B @join__graph(name: "beta", url: "http://b")
      }
      type Query @join__type(graph: A) @join__type(graph: B) {
        one: Int @join__field(graph: B)
        two: Int @join__field(graph: A, external: true) @join__field(graph: B)
      }
      type Thing @join__type(graph: A) { x: Int }
    `);
    expect(Object.fromEntries(owners)).toEqual({
      'Query.one': 'beta',
      'Query.two': 'beta',
      'Thing.x': 'alpha',
    });
  });

  it('reads the checked-in supergraph', () => {
    const owners = fieldOwners(
      readFileSync(join(__dirname, '..', '..', '..', 'schema', 'supergraph.graphql'), 'utf8'),
    );
    expect(
      [
        'Query.person',
        'Person.tax',
        'Person.court',
        'CreditProfile.breakdown',
        'Query.myAccessLog',
      ].map((field) => owners.get(field)),
    ).toEqual(['population', 'tax', 'court', 'credit', 'audit']);
  });
});
