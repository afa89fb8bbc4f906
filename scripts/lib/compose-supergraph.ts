import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import type { DocumentNode } from 'graphql';
import { DEFAULT_PORTS } from '../../lib/config/default-ports';
import { loadSubgraphSdl } from '../../subgraphs/kit/load-sdl';
import type { SubgraphModule } from '../../subgraphs/kit/subgraph-module';

/** What composition needs of a subgraph: its name and SDL file. */
export type ComposableSubgraph = Pick<SubgraphModule, 'name' | 'sdlFile'>;

/** Options of {@link composeSupergraph}. */
export interface ComposeSupergraphOptions {
  /**
   * Routing URL per subgraph name; default `http://127.0.0.1:<port>/` from DEFAULT_PORTS (the
   * embedded default). The gateway overrides them at run time, so these only need to be stable.
   */
  urls?: Readonly<Record<string, string>>;
}

/** A composed supergraph and the composition hints worth a look. */
export interface ComposedSupergraph {
  supergraphSdl: string;
  /** Composition hints (`CODE: message`), e.g. inconsistent descriptions across subgraphs. */
  hints: string[];
}

function routingUrl(name: string, urls: Readonly<Record<string, string>>): string {
  const url = urls[name];
  if (url !== undefined) return url;
  const port = DEFAULT_PORTS[name];
  if (port === undefined) {
    throw new Error(
      `no default port for subgraph "${name}": add it to lib/config/default-ports.ts`,
    );
  }
  return `http://127.0.0.1:${port}/`;
}

/**
 * Composes the supergraph of the given subgraphs with `@apollo/composition`, reading each SDL the
 * way the subgraph service does (`loadSubgraphSdl`). Throws one error listing every parse and
 * composition error, so a broken schema is fixed in one pass.
 */
export function composeSupergraph(
  subgraphs: readonly ComposableSubgraph[],
  options: ComposeSupergraphOptions = {},
): ComposedSupergraph {
  const urls = options.urls ?? {};
  const problems: string[] = [];
  const services: { name: string; url: string; typeDefs: DocumentNode }[] = [];
  for (const subgraph of subgraphs) {
    try {
      services.push({
        name: subgraph.name,
        url: routingUrl(subgraph.name, urls),
        typeDefs: parse(loadSubgraphSdl(subgraph)),
      });
    } catch (error) {
      problems.push(`[${subgraph.name}] ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (problems.length === 0) {
    const result = composeServices(services);
    if (result.errors) {
      for (const error of result.errors) {
        const code = error.extensions.code;
        problems.push(typeof code === 'string' ? `${code}: ${error.message}` : error.message);
      }
    } else {
      return {
        supergraphSdl: result.supergraphSdl,
        hints: result.hints.map((hint) => `${hint.definition.code}: ${hint.message}`),
      };
    }
  }
  throw new Error(
    `supergraph composition failed with ${problems.length} error(s):\n${problems.map((p) => `- ${p}`).join('\n')}`,
  );
}
