/**
 * The client-supplied strings that reach the audit record, and what they may be: an operation
 * name is a GraphQL name of bounded length, a persisted-query hash is 64 lower-case hex digits.
 * Anything else is refused before execution (request-gate.ts) and never stored (use-audit-log.ts).
 */

/** A GraphQL name (spec: Name). */
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
/** A sha256 in hex, as the trusted documents are hashed. */
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Default longest operation name (policy/limits.yaml `text.maxOperationNameLength`). */
const DEFAULT_MAX_OPERATION_NAME_LENGTH = 100;

/** Why `name` is not an acceptable operation name, or undefined when it is. */
function operationNameProblem(name: string, maxLength: number): string | undefined {
  if (name.length > maxLength) return `is ${name.length} characters long (at most ${maxLength})`;
  if (!GRAPHQL_NAME.test(name)) return 'is not a GraphQL name ([_A-Za-z][_0-9A-Za-z]*)';
  return undefined;
}

export const clientText = {
  /** Default longest operation name (policy/limits.yaml `text.maxOperationNameLength`). */
  defaultMaxOperationNameLength: DEFAULT_MAX_OPERATION_NAME_LENGTH,
  /** Why `name` is not an acceptable operation name, or undefined when it is. */
  operationNameProblem,
  /** Whether `name` may be stored as an operation name. */
  isOperationName(name: unknown, maxLength = DEFAULT_MAX_OPERATION_NAME_LENGTH): name is string {
    return typeof name === 'string' && operationNameProblem(name, maxLength) === undefined;
  },
  /** Whether `hash` is a sha256 in lower-case hex. */
  isSha256Hex(hash: unknown): hash is string {
    return typeof hash === 'string' && SHA256_HEX.test(hash);
  },
};
