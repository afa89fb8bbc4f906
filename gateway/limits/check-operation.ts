import { Kind, getOperationAST, parse, visit } from 'graphql';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { armorCounts } from './armor-counts';
import { countExpandedFields } from './count-expanded-fields';
import { countFieldMergePairs } from './count-field-merge-pairs';
import { countRootFields } from './count-root-fields';
import { estimateCost } from './estimate-cost';
import type { CostModel, OperationLimits } from './limits-config';
import { scanDocument } from './scan-document';
import { unsafeCharacter } from './unsafe-character';

/** What was measured of a document that passed (for tests, benchmarks and metrics). */
export interface OperationMeasures {
  tokens: number;
  nesting: number;
  fields: number;
  fieldMergePairs: number;
  rootFields: number;
  depth: number;
  aliases: number;
  directives: number;
  largestList: number;
  cost: number;
}

/** The verdict on one document. */
export type OperationVerdict =
  /** Within every limit. */
  | { kind: 'pass'; measures: OperationMeasures }
  /** Over `limit`: `measured` (a lower bound when counting stopped early) against `max`. */
  | {
      kind: 'exceeded';
      limit: keyof OperationLimits;
      max: number;
      measured: number;
      lowerBound: boolean;
    }
  /** Refused for another reason, with the code and message to send. */
  | { kind: 'invalid'; code: string; message: string }
  /** Not a GraphQL document: Apollo Server parses it again (within the same token bound) and names the syntax error. */
  | { kind: 'unparsed' };

/** What {@link checkOperation} needs. */
export interface CheckOperationInput {
  text: string;
  /** The validated operationName, if one was given. */
  operationName?: string;
  variables: Readonly<Record<string, unknown>>;
  /** The API schema (cost and graphql-armor's counts need the types); absent before it loads. */
  schema?: GraphQLSchema;
  limits: OperationLimits;
  cost: CostModel;
}

function exceeded(
  limit: keyof OperationLimits,
  limits: OperationLimits,
  measured: number,
  lowerBound = false,
): OperationVerdict | undefined {
  return measured > limits[limit]
    ? { kind: 'exceeded', limit, max: limits[limit], measured, lowerBound }
    : undefined;
}

function unsafeLiteral(document: DocumentNode): OperationVerdict | undefined {
  let verdict: OperationVerdict | undefined;
  visit(document, {
    StringValue(node) {
      const problem = unsafeCharacter(node.value);
      if (problem === undefined || verdict) return;
      verdict = {
        kind: 'invalid',
        code: 'BAD_USER_INPUT',
        message: `A string in the document contains ${problem}: ids and text must be plain Unicode.`,
      };
    },
  });
  return verdict;
}

function unresolved(document: DocumentNode, operationName?: string): OperationVerdict {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const message =
    operationName !== undefined
      ? `Unknown operation named "${operationName}".`
      : operations.length === 0
        ? 'The document contains no operation.'
        : 'Must provide operation name if query contains multiple operations.';
  return { kind: 'invalid', code: 'OPERATION_RESOLUTION_FAILURE', message };
}

/**
 * Checks one document against the caller's limits before any validation or planning, cheapest
 * check first (policy/limits.yaml lists them in this order), each with a bound on its own work:
 * tokens and bracket nesting while lexing (no parse yet), then on the parse: unsafe characters in
 * string literals, fragment cycles, expanded fields, field-merge pairs, the operation to run, its
 * root fields, depth, aliases and directives (graphql-armor), its largest list argument and its
 * cost.
 */
export function checkOperation(input: CheckOperationInput): OperationVerdict {
  const { limits } = input;
  const scan = scanDocument(input.text, limits.maxTokens * 8, limits.maxNesting);
  const lexical =
    exceeded('maxNesting', limits, scan.nesting, scan.capped) ??
    exceeded('maxTokens', limits, scan.tokens, scan.capped);
  if (lexical) return lexical;
  if (scan.malformed) return { kind: 'unparsed' };
  let document: DocumentNode;
  try {
    document = parse(input.text, { maxTokens: limits.maxTokens, noLocation: true });
  } catch {
    return { kind: 'unparsed' };
  }
  const literal = unsafeLiteral(document);
  if (literal) return literal;
  const expanded = countExpandedFields(document);
  if (expanded.cycle !== undefined) {
    return {
      kind: 'invalid',
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: `Cannot spread fragment "${expanded.cycle}" within itself.`,
    };
  }
  const tooManyFields = exceeded('maxFields', limits, expanded.fields);
  if (tooManyFields) return tooManyFields;
  // Bounded by the expanded fields just checked, and it stops counting past the limit.
  const fieldMergePairs = countFieldMergePairs(document, limits.maxFieldMergePairs);
  const tooMuchMerging = exceeded('maxFieldMergePairs', limits, fieldMergePairs, true);
  if (tooMuchMerging) return tooMuchMerging;
  const operation = getOperationAST(document, input.operationName);
  if (!operation) return unresolved(document, input.operationName);
  const rootFields = countRootFields(document, operation);
  const tooManyRoots = exceeded('maxRootFields', limits, rootFields);
  if (tooManyRoots) return tooManyRoots;
  const counts = input.schema
    ? armorCounts(input.schema, document, operation)
    : { depth: 0, aliases: 0, directives: 0 };
  const { cost, largestList } = input.schema
    ? estimateCost(input.schema, document, operation, input.variables, input.cost)
    : { cost: 0, largestList: 0 };
  const shape =
    exceeded('maxDepth', limits, counts.depth) ??
    exceeded('maxAliases', limits, counts.aliases) ??
    exceeded('maxDirectives', limits, counts.directives) ??
    exceeded('maxListSize', limits, largestList) ??
    exceeded('maxCost', limits, cost);
  if (shape) return shape;
  return {
    kind: 'pass',
    measures: {
      tokens: scan.tokens,
      nesting: scan.nesting,
      fields: expanded.fields,
      fieldMergePairs,
      rootFields,
      ...counts,
      largestList,
      cost,
    },
  };
}
