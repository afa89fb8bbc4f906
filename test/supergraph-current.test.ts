import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph } from '../scripts/lib/compose-supergraph';
import { renderSupergraphFile, SUPERGRAPH_FILE } from '../scripts/lib/render-supergraph-file';
import { ALL_SUBGRAPHS } from '../subgraphs/all-subgraphs';

describe('schema/supergraph.graphql', () => {
  it('composes from every subgraph in all-subgraphs.ts without errors', () => {
    expect(() => composeSupergraph(ALL_SUBGRAPHS)).not.toThrow();
  });

  it('is the checked-in result of a fresh composition (run `npm run compose` if not)', async () => {
    const fresh = await renderSupergraphFile(composeSupergraph(ALL_SUBGRAPHS).supergraphSdl);
    const checkedIn = readFileSync(join(__dirname, '..', SUPERGRAPH_FILE), 'utf8');
    expect(checkedIn).toBe(fresh);
  });
});
