import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SubgraphModule } from './subgraph-module';

const SHARED_SDL: Record<string, string> = {
  'credit-feed': join(__dirname, 'credit-feed.graphql'),
  'disclosure-feed': join(__dirname, 'disclosure-feed.graphql'),
  'decision-writes': join(__dirname, 'decision-writes.graphql'),
  licensing: join(__dirname, 'licensing', 'licensing.graphql'),
  'occupation-feed': join(__dirname, 'occupation-feed.graphql'),
};

/**
 * The subgraph's SDL: its own file plus the shared fragments it declares with a
 * `# @include credit-feed` line. Used by the service and by `npm run compose`, so both see the
 * same schema.
 */
export function loadSubgraphSdl(module: Pick<SubgraphModule, 'sdlFile'>): string {
  const own = readFileSync(module.sdlFile, 'utf8');
  const includes = [...own.matchAll(/^# @include ([\w-]+)$/gm)].map((match) => match[1]);
  return [
    own,
    ...includes.map((name) => {
      const file = SHARED_SDL[name];
      if (!file) throw new Error(`${module.sdlFile}: unknown shared SDL "${name}"`);
      return readFileSync(file, 'utf8');
    }),
  ].join('\n');
}
