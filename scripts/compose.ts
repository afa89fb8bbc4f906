/**
 * `npm run compose`: composes the SDL of every subgraph in `subgraphs/all-subgraphs.ts` into
 * `schema/supergraph.graphql` (checked in; the gateway serves it without runtime introspection).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ALL_SUBGRAPHS } from '../subgraphs/all-subgraphs';
import { composeSupergraph } from './lib/compose-supergraph';
import { renderSupergraphFile, SUPERGRAPH_FILE } from './lib/render-supergraph-file';

async function main(): Promise<void> {
  const { supergraphSdl, hints } = composeSupergraph(ALL_SUBGRAPHS);
  const text = await renderSupergraphFile(supergraphSdl);
  mkdirSync(dirname(SUPERGRAPH_FILE), { recursive: true });
  writeFileSync(SUPERGRAPH_FILE, text);
  const names = ALL_SUBGRAPHS.map((module) => module.name).join(', ');
  console.log(
    `wrote ${SUPERGRAPH_FILE} (${text.length} bytes) from ${ALL_SUBGRAPHS.length} subgraphs: ${names}`,
  );
  for (const hint of hints) console.log(`hint: ${hint}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
