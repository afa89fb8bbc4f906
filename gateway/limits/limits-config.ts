import type { ClientType } from '../../lib/auth/caller';

/** What one operation may cost before the gateway does any work for it (policy/limits.yaml). */
export interface OperationLimits {
  /** Lexical tokens of the whole document. */
  maxTokens: number;
  /** Brackets `{ [ (` open at once, counted while lexing. */
  maxNesting: number;
  /** Field selections with fragment spreads expanded, over every operation of the document. */
  maxFields: number;
  /** Pairs of same-response-key fields in one selection set (field-merge validation work). */
  maxFieldMergePairs: number;
  /** Field selections at the root of one operation. */
  maxRootFields: number;
  /** Nested field levels of one operation. */
  maxDepth: number;
  /** Aliases in one operation. */
  maxAliases: number;
  /** Directives in one operation. */
  maxDirectives: number;
  /** Largest value of one list argument (`ids` length, `first`, ...). */
  maxListSize: number;
  /** Estimated work of one operation (see CostModel). */
  maxCost: number;
}

/** The names of the operation limits, in the order they are checked. */
export const OPERATION_LIMIT_NAMES = [
  'maxTokens',
  'maxNesting',
  'maxFields',
  'maxFieldMergePairs',
  'maxRootFields',
  'maxDepth',
  'maxAliases',
  'maxDirectives',
  'maxListSize',
  'maxCost',
] as const satisfies readonly (keyof OperationLimits)[];

/** How the cost of an operation is estimated. */
export interface CostModel {
  /** Arguments whose value (a list's length, or an integer such as `first`) sizes a field's list. */
  listArguments: readonly string[];
  /** The list size assumed for a field returning a list without such an argument. */
  defaultListSize: number;
}

/** A token bucket: `perSecond` refill, up to `burst` requests at once. */
export interface RateBudget {
  perSecond: number;
  burst: number;
}

/** Request rate budgets. */
export interface RateLimitsConfig {
  /** Per authenticated identity (client type + `sub`). */
  identity: RateBudget;
  /** Per department, shared by all its identities. */
  department: RateBudget;
  /** Per client address, for requests without a token. */
  anonymous: RateBudget;
  /** Identity budgets of some client types, replacing `identity`. */
  identityByClientType: Partial<Record<ClientType, RateBudget>>;
  /** Take the address from the last `X-Forwarded-For` entry (behind a reverse proxy only). */
  trustForwardedFor: boolean;
}

/** Everything policy/limits.yaml says. */
export interface LimitsConfig {
  /** Where the settings came from (file path), for messages. */
  source: string;
  operation: {
    defaults: OperationLimits;
    byClientType: Partial<Record<ClientType, Partial<OperationLimits>>>;
  };
  cost: CostModel;
  rateLimits: RateLimitsConfig;
  /** Client types held to the trusted documents. */
  safelist: { clientTypes: readonly ClientType[] };
  /** Bounds of client-supplied text that reaches the audit record. */
  text: { maxOperationNameLength: number };
}
