import type { ClientType } from '../../lib/auth/caller';
import { HttpError } from '../../lib/http/http-error';
import type { OperationLimits } from './limits-config';

/** The error code of each limit: it names the limit. */
export const LIMIT_CODES: Readonly<Record<keyof OperationLimits, string>> = {
  maxTokens: 'TOKEN_LIMIT_EXCEEDED',
  maxNesting: 'NESTING_LIMIT_EXCEEDED',
  maxFields: 'FIELD_LIMIT_EXCEEDED',
  maxFieldMergePairs: 'FIELD_MERGE_LIMIT_EXCEEDED',
  maxRootFields: 'ROOT_FIELD_LIMIT_EXCEEDED',
  maxDepth: 'DEPTH_LIMIT_EXCEEDED',
  maxAliases: 'ALIAS_LIMIT_EXCEEDED',
  maxDirectives: 'DIRECTIVE_LIMIT_EXCEEDED',
  maxListSize: 'LIST_SIZE_LIMIT_EXCEEDED',
  maxCost: 'COST_LIMIT_EXCEEDED',
};

const WHAT: Readonly<Record<keyof OperationLimits, string>> = {
  maxTokens: 'tokens',
  maxNesting: 'nested brackets',
  maxFields: 'field selections (fragments expanded)',
  maxFieldMergePairs: 'pairs of fields sharing a response key',
  maxRootFields: 'root fields',
  maxDepth: 'levels of fields',
  maxAliases: 'aliases',
  maxDirectives: 'directives',
  maxListSize: 'items in one list argument',
  maxCost: 'cost (policy/limits.yaml)',
};

/** HTTP 400 for an operation over `limit`, naming the limit, the maximum and what was measured. */
export function limitRefusal(
  exceeded: { limit: keyof OperationLimits; max: number; measured: number; lowerBound: boolean },
  clientType: ClientType,
): HttpError {
  const { limit, max, measured, lowerBound } = exceeded;
  const amount = `${lowerBound ? 'at least ' : ''}${Math.round(measured)}`;
  const found =
    limit === 'maxCost'
      ? `The operation's estimated cost is ${amount}`
      : limit === 'maxListSize'
        ? `A list argument of the operation holds ${amount} items`
        : `The operation has ${amount} ${WHAT[limit]}`;
  return new HttpError(
    400,
    `${found}; ${clientType} clients may send at most ${max} (${limit}). Nothing was run.`,
    LIMIT_CODES[limit],
    {
      extensions: {
        limit,
        max,
        measured: Math.round(measured),
        ...(lowerBound && { measuredIsLowerBound: true }),
      },
    },
  );
}
