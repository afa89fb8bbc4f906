/**
 * Field-level permissions of a subgraph, generated from the policy (DESIGN §4: enforced in every
 * subgraph by graphql-shield rules; authoritative).
 *
 *   const schema = applyMiddleware(buildSubgraphSchema(...), ...buildPermissions(policy, schema));
 *   // or simply: applyPolicy(buildSubgraphSchema(...), policy)   (see apply-policy.ts)
 *
 * - One shield rule per `Type.field` of the subgraph schema, evaluated with `evaluateField` on
 *   `context.caller` (a `Caller`; a request without one is denied everything) and the field's
 *   subject (see subject-of.ts for the contract subgraph authors rely on; the gateway computes
 *   the same subject by the same rules, lib/subjects).
 * - Denied: the field resolves to null with a GraphQLError whose extensions are exactly
 *   `{ code: 'FORBIDDEN', ruleId, reason, field: 'Type.field' }`. A denied non-null field nulls
 *   its nearest nullable ancestor, as GraphQL requires: grant or deny at a nullable field
 *   (`Person.tax`), not inside a non-null one.
 * - Masked: the resolver runs and a field middleware applies the masker to its value.
 * - A field added to the schema without a rule is denied (`default-deny`); shield's fallback
 *   rule is `deny` as a second line.
 * - Always allowed: the federation internals `Query._entities`, `Query._service` and
 *   `_Service.sdl` (they carry no data of their own: every entity field they reach is checked
 *   like any other), and introspection (`__typename`, `__schema`, `__type`), which shield never
 *   wraps. Resolver errors (e.g. BAD_USER_INPUT) pass through unchanged.
 */
import type { GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import { isIntrospectionType, isObjectType } from 'graphql';
import type { IMiddleware, IMiddlewareFieldMap, IMiddlewareGenerator } from 'graphql-middleware';
import { allow, deny, rule, shield } from 'graphql-shield';
import type { IRuleFieldMap, IRuleTypeMap, ShieldRule } from 'graphql-shield/typings/types';
import type { Caller } from '../../../lib/auth/caller';
import { evaluateField } from '../../../lib/policy/evaluate-field';
import { applyMasker } from '../../../lib/policy/maskers';
import type { MaskerName } from '../../../lib/policy/maskers';
import { DEFAULT_DENY } from '../../../lib/policy/types';
import type { FieldDecision, Policy } from '../../../lib/policy/types';
import { validatePolicyAgainstSchema } from '../../../lib/policy/validate-policy-against-schema';
import { forbiddenError } from '../../../lib/policy/forbidden-error';
import { createSubjectOf } from './subject-of';
import type { SubjectOf, SubjectReferenceResolver } from './subject-of';

/** Federation plumbing every subgraph must answer, whoever asks. */
export const FEDERATION_INTERNALS: ReadonlySet<string> = new Set([
  'Query._entities',
  'Query._service',
  '_Service.sdl',
]);

/** One decision of the shield, for the subgraph's resolver log. */
export interface FieldDecisionEvent {
  /** `Type.field`. */
  field: string;
  /** Citizen id the field is about, when known. */
  personId?: string;
  decision: FieldDecision;
  /** The request context (it carries the request id). */
  context: unknown;
  /** Response path of the field (keys and list indices). */
  path: readonly (string | number)[];
}

/** Options of {@link buildPermissions}. */
export interface PermissionsOptions {
  /** Clock for consent expiry; default `() => new Date()`. */
  now?: () => Date;
  /** Called with every field decision (allow, mask and deny); default none. */
  onDecision?: (event: FieldDecisionEvent) => void;
  /**
   * Tells whose data a root field's id argument names (lib/subjects/subject-reference.ts);
   * default none: such data is `unresolved`, so deny rules on it refuse (fail closed).
   */
  resolveSubjectReference?: SubjectReferenceResolver;
}

/** The middlewares to pass to `applyMiddleware(schema, ...)`, in this order. */
export type PolicyMiddleware = [IMiddlewareGenerator<unknown, unknown, unknown>, ...IMiddleware[]];

type Path = GraphQLResolveInfo['path'];

/**
 * Builds the shield (one rule per field of `schema`) and the masking middleware for `policy`.
 * Throws when the policy puts a masker on a field of this schema whose type it cannot carry.
 */
export function buildPermissions(
  policy: Policy,
  schema: GraphQLSchema,
  options: PermissionsOptions = {},
): PolicyMiddleware {
  validatePolicyAgainstSchema(policy, schema, { allowMissing: true });
  const now = options.now ?? (() => new Date());
  const subjectOf = createSubjectOf(options.resolveSubjectReference);
  // The masker decided by the shield for one field execution, read by the masking middleware.
  const maskerByPath = new WeakMap<Path, MaskerName>();
  const maskable = new Set(
    policy.rules.flatMap((r) => (r.effect.kind === 'mask' ? [...r.fields] : [])),
  );

  const ruleTree: IRuleTypeMap = {};
  const masking: Record<string, IMiddlewareFieldMap> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    const fieldRules: IRuleFieldMap = {};
    for (const fieldName of Object.keys(type.getFields())) {
      const field = `${type.name}.${fieldName}`;
      fieldRules[fieldName] = FEDERATION_INTERNALS.has(field)
        ? allow
        : policyRule(policy, type.name, fieldName, {
            now,
            maskerByPath,
            subjectOf,
            onDecision: options.onDecision,
          });
      if (maskable.has(field)) {
        masking[type.name] ??= {};
        masking[type.name][fieldName] = async (resolve, parent, args, context, info) => {
          const value: unknown = await resolve(parent, args, context, info);
          const masker = maskerByPath.get(info.path);
          return masker === undefined ? value : applyMasker(masker, value);
        };
      }
    }
    ruleTree[type.name] = fieldRules;
  }
  const guard = shield(ruleTree, {
    fallbackRule: deny,
    allowExternalErrors: true,
    // Reached only when a rule itself fails (shield turns a thrown rule into `false`): fail closed.
    fallbackError: (_error, _parent, _args, _context, info) =>
      forbiddenError(
        `${info.parentType.name}.${info.fieldName}`,
        DEFAULT_DENY,
        'the permission check failed',
      ),
  }) as IMiddlewareGenerator<unknown, unknown, unknown>;
  return Object.keys(masking).length === 0 ? [guard] : [guard, masking];
}

/** What every field rule of one shield shares. */
interface RuleParts {
  now: () => Date;
  maskerByPath: WeakMap<Path, MaskerName>;
  subjectOf: SubjectOf;
  onDecision: PermissionsOptions['onDecision'];
}

function policyRule(
  policy: Policy,
  typeName: string,
  fieldName: string,
  { now, maskerByPath, subjectOf, onDecision }: RuleParts,
): ShieldRule {
  const field = `${typeName}.${fieldName}`;
  return rule(`policy:${field}`, { cache: 'no_cache' })(
    async (
      parent: unknown,
      args: Record<string, unknown>,
      context: unknown,
      info: GraphQLResolveInfo,
    ) => {
      const caller = callerOf(context);
      const subject = await subjectOf(parent, args, info, caller, context);
      const decision: FieldDecision = caller
        ? evaluateField(policy, caller, typeName, fieldName, subject, { now: now() })
        : { effect: 'deny', ruleId: DEFAULT_DENY, reason: 'the request carries no caller' };
      const personId = subject.personId;
      onDecision?.({ field, personId, decision, context, path: responsePath(info.path) });
      if (decision.effect === 'deny')
        return forbiddenError(field, decision.ruleId, decision.reason);
      if (decision.effect === 'mask') maskerByPath.set(info.path, decision.masker);
      return true;
    },
  );
}

/** `info.path` as a list, root first. */
function responsePath(path: Path | undefined): (string | number)[] {
  const keys: (string | number)[] = [];
  for (let at = path; at; at = at.prev) keys.unshift(at.key);
  return keys;
}

/** `context.caller`, when the context has one. */
function callerOf(context: unknown): Caller | undefined {
  if (typeof context !== 'object' || context === null || !('caller' in context)) return undefined;
  const caller = (context as { caller?: unknown }).caller;
  return typeof caller === 'object' && caller !== null ? (caller as Caller) : undefined;
}
