import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { Kind, validate } from 'graphql';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';

/** Depth, aliases and directives of one operation, as graphql-armor counts them. */
export interface ArmorCounts {
  depth: number;
  aliases: number;
  directives: number;
}

/** graphql-armor's limit of "no limit": every operation is accepted and its count reported. */
const UNBOUNDED = Number.MAX_SAFE_INTEGER;

/**
 * Runs graphql-armor's max-depth, max-aliases and max-directives rules (and only them) over the
 * document, with their limits open so that each reports what it counted for every operation, and
 * returns the counts of `operation`. The rules walk the document once with fragments counted once
 * each (linear work); the gateway compares the counts with the caller's limits itself, before the
 * full validation runs. The document must be free of fragment cycles.
 */
export function armorCounts(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): ArmorCounts {
  // The rules report once per operation, in document order.
  const depth: number[] = [];
  const aliases: number[] = [];
  const directives: number[] = [];
  const into =
    (list: number[]) =>
    (_context: unknown, details: { n?: unknown }): void => {
      list.push(typeof details?.n === 'number' ? details.n : 0);
    };
  validate(schema, document, [
    maxDepthRule({ n: UNBOUNDED, onAccept: [into(depth)], propagateOnRejection: false }),
    maxAliasesRule({ n: UNBOUNDED, onAccept: [into(aliases)], propagateOnRejection: false }),
    maxDirectivesRule({ n: UNBOUNDED, onAccept: [into(directives)], propagateOnRejection: false }),
  ]);
  const index = document.definitions
    .filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
    .indexOf(operation);
  return {
    depth: depth[index] ?? 0,
    aliases: aliases[index] ?? 0,
    directives: directives[index] ?? 0,
  };
}
