import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSupergraph } from '../compose-supergraph';

const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\n';

describe('composeSupergraph', () => {
  let dir: string;
  const sdlFile = (name: string, sdl: string) => {
    const file = join(dir, `${name}.graphql`);
    writeFileSync(file, LINK + sdl);
    return { name, sdlFile: file };
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'compose-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('routes each subgraph to its default port unless a URL is given', () => {
    const { supergraphSdl } = composeSupergraph(
      [
        sdlFile('population', 'type Query { a: String }'),
        sdlFile('tax', 'type Query { b: String }'),
      ],
      { urls: { tax: 'http://tax.internal:8080/graphql' } },
    );
    const graphs = [...supergraphSdl.matchAll(/@join__graph\(name: "(\w+)", url: "([^"]+)"\)/g)];
    expect(graphs.map(([, name, url]) => [name, url])).toEqual([
      ['population', 'http://127.0.0.1:4101/'],
      ['tax', 'http://tax.internal:8080/graphql'],
    ]);
  });

  it('throws with every composition error, not only the first', () => {
    const subgraphs = [
      sdlFile('population', 'type Query { a: String }  type Thing { x: Int }  enum E { A }'),
      sdlFile('tax', 'type Query { b: String }  type Thing { x: String }  scalar E'),
    ];
    expect(() => composeSupergraph(subgraphs)).toThrow(
      'supergraph composition failed with 3 error(s):\n' +
        '- TYPE_KIND_MISMATCH: Type "E" has mismatched kind: it is defined as Enum Type in subgraph "population" but Scalar Type in subgraph "tax"\n' +
        '- FIELD_TYPE_MISMATCH: Type of field "Thing.x" is incompatible across subgraphs: it has type "Int" in subgraph "population" but type "String" in subgraph "tax"\n' +
        '- INVALID_FIELD_SHARING: Non-shareable field "Thing.x" is resolved from multiple subgraphs: it is resolved from subgraphs "population" and "tax" and defined as non-shareable in all of them',
    );
  });

  it('names the subgraph whose SDL does not parse, and a subgraph without a default port', () => {
    const subgraphs = [
      sdlFile('tax', 'type Query { b: }'),
      sdlFile('lottery', 'type Query { c: Int }'),
    ];
    expect(() => composeSupergraph(subgraphs)).toThrow(
      'supergraph composition failed with 2 error(s):\n' +
        '- [tax] Syntax Error: Expected Name, found "}".\n' +
        '- [lottery] no default port for subgraph "lottery": add it to lib/config/default-ports.ts',
    );
  });
});
