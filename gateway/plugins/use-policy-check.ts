import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, ValueNode } from 'graphql';
import {
  GraphQLError,
  Kind,
  TypeInfo,
  getNamedType,
  isObjectType,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Caller, ClientType } from '../../lib/auth/caller';
import { PURPOSES } from '../../lib/auth/caller';
import { evaluateField } from '../../lib/policy/evaluate-field';
import type { Policy } from '../../lib/policy/types';
import { allowedPurposes } from '../auth/read-purpose';
import type { GatewayContext } from '../gateway-context';

/** A field the policy refuses to this caller, as reported before planning. */
export interface PrecheckDenial {
  /** `Type.field`. */
  field: string;
  /** Response path of the field (aliases as written), e.g. `person.tax`. */
  path: string;
  ruleId: string;
  reason: string;
}

/** The rule that decided one field of an operation. */
export interface FieldRuleDecision {
  field: string;
  outcome: 'returned' | 'masked' | 'denied';
  ruleId: string;
}

/** What the pre-check learned about one operation; kept on the request for the audit record. */
export interface PrecheckResult {
  /** `Type.field` names granted in clear. */
  returned: string[];
  denied: PrecheckDenial[];
  masked: { field: string; path: string; masker: string; ruleId: string }[];
  /** Which rule decided each field, once per field, outcome and rule (for the audit record). */
  rules: FieldRuleDecision[];
  touchesPersonData: boolean;
  introspection: boolean;
}

/** Client types that must declare a purpose before reading person data (DESIGN §3). */
const PURPOSE_REQUIRED: readonly ClientType[] = ['officer', 'system', 'org', 'developer'];
/** Types whose fields are personal data (everything reached through them is, too). */
const PERSON_TYPES = new Set(['Person']);

function subjectOf(
  args: readonly { name: { value: string }; value: ValueNode }[],
  variables: Record<string, unknown>,
) {
  for (const name of ['personId', 'id']) {
    const arg = args.find((candidate) => candidate.name.value === name);
    if (!arg) continue;
    const value = valueFromASTUntyped(arg.value, variables);
    if (typeof value === 'string') return { personId: value.trim().toUpperCase() };
  }
  return undefined;
}

/** The one person all root fields of the document ask about, if there is exactly one. */
function singleRootSubject(
  document: DocumentNode,
  variables: Record<string, unknown>,
): { personId: string } | undefined {
  const ids = new Set<string>();
  let unknown = false;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const selection of definition.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD || selection.name.value.startsWith('__')) {
        unknown = true;
        continue;
      }
      const found = subjectOf(selection.arguments ?? [], variables);
      if (found) ids.add(found.personId);
      else unknown = true;
    }
  }
  return ids.size === 1 && !unknown ? { personId: [...ids][0] } : undefined;
}

/** Evaluates every field of `document` against the policy for `caller` (pure; exported for tests). */
export function precheckOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  caller: Caller,
  policy: Policy,
  variables: Record<string, unknown> = {},
): PrecheckResult {
  const result: PrecheckResult = {
    returned: [],
    denied: [],
    masked: [],
    rules: [],
    touchesPersonData: false,
    introspection: false,
  };
  const typeInfo = new TypeInfo(schema);
  const path: string[] = [];
  let subject: { personId: string } | undefined;
  // Fragments are visited apart from where they are spread: they take the operation's subject
  // when all its root fields ask about one person (a citizen's own record, one consented person).
  const fragmentSubject = singleRootSubject(document, variables);
  // One entry per field entered, popped on leave, so enter and leave always balance.
  const entersPersonStack: boolean[] = [];
  let personDepth = 0;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          path.push(node.alias?.value ?? node.name.value);
          const parent = typeInfo.getParentType();
          const name = node.name.value;
          const returns = typeInfo.getType();
          const entersPerson = returns ? PERSON_TYPES.has(getNamedType(returns).name) : false;
          entersPersonStack.push(entersPerson);
          if (entersPerson) personDepth += 1;
          if (name === '__schema' || name === '__type') result.introspection = true;
          if (!parent || !isObjectType(parent) || name.startsWith('__')) return;
          if (parent === schema.getQueryType() || parent === schema.getMutationType()) {
            subject = subjectOf(node.arguments ?? [], variables);
          }
          if (personDepth > 0 || PERSON_TYPES.has(parent.name)) {
            result.touchesPersonData = true;
          }
          const decision = evaluateField(policy, caller, parent.name, name, subject);
          const field = `${parent.name}.${name}`;
          const outcome =
            decision.effect === 'allow'
              ? 'returned'
              : decision.effect === 'mask'
                ? 'masked'
                : 'denied';
          const seen = result.rules.some(
            (rule) =>
              rule.field === field && rule.outcome === outcome && rule.ruleId === decision.ruleId,
          );
          if (!seen) result.rules.push({ field, outcome, ruleId: decision.ruleId });
          if (decision.effect === 'allow') {
            if (!result.returned.includes(field)) result.returned.push(field);
          } else if (decision.effect === 'deny') {
            result.denied.push({
              field,
              path: path.join('.'),
              ruleId: decision.ruleId,
              reason: decision.reason,
            });
          } else if (decision.effect === 'mask') {
            result.masked.push({
              field,
              path: path.join('.'),
              masker: decision.masker,
              ruleId: decision.ruleId,
            });
          }
        },
        leave() {
          path.pop();
          if (entersPersonStack.pop()) personDepth -= 1;
        },
      },
      FragmentDefinition: {
        enter() {
          subject = fragmentSubject;
        },
      },
      OperationDefinition: {
        enter(node) {
          if (node.kind === Kind.OPERATION_DEFINITION) subject = undefined;
        },
      },
    }),
  );
  return result;
}

/**
 * Completes `context.caller` from the resolved operation before the check (the gateway's consent
 * lookup adds the subjects' consents), returning errors to add to the response (e.g. consents
 * could not be checked); it must not throw.
 */
export type CallerPreparation = (
  context: GatewayContext,
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>>,
) => Promise<readonly GraphQLError[]>;

/** Options of {@link usePolicyCheck}. */
export interface PolicyCheckOptions {
  policy: Policy;
  /** Introspection for every client (development mode); otherwise `developer` clients only. */
  openIntrospection: boolean;
  /**
   * Runs before the check, in the same hook (Apollo runs the plugins' hooks concurrently, so a
   * separate plugin could not be relied on to finish first); default none.
   */
  prepareCaller?: CallerPreparation;
}

/**
 * Checks the operation against the policy before the gateway plans it: refuses introspection to
 * non-developers, person data without a declared purpose, and (with `X-Authz-Mode: reject`) any
 * operation with a denied field. In the default partial mode the subgraphs, which enforce the
 * same policy authoritatively, null denied fields with FORBIDDEN errors. `prepareCaller` (the
 * consent lookup) runs first, so the check and every subgraph fetch see the completed caller.
 */
export function usePolicyCheck(options: PolicyCheckOptions): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let notices: readonly GraphQLError[] = [];
      return {
        async didResolveOperation({ document, schema, contextValue, request }) {
          if (!contextValue.caller) throw new Error('policy check before authentication');
          if (options.prepareCaller) {
            notices = await options.prepareCaller(contextValue, document, request.variables ?? {});
          }
          const caller = contextValue.caller;
          const check = precheckOperation(
            schema,
            document,
            caller,
            options.policy,
            request.variables ?? {},
          );
          contextValue.precheck = check;
          if (
            check.introspection &&
            !options.openIntrospection &&
            caller.clientType !== 'developer'
          ) {
            throw new GraphQLError('Introspection is only available to developer clients.', {
              extensions: { code: 'FORBIDDEN', ruleId: 'introspection', http: { status: 403 } },
            });
          }
          if (
            check.touchesPersonData &&
            caller.purpose === undefined &&
            PURPOSE_REQUIRED.includes(caller.clientType)
          ) {
            const allowed = allowedPurposes(caller.clientType);
            throw new GraphQLError(
              `X-Purpose is required to read person data. Allowed values: ${allowed
                .map((purpose) => `${purpose} (${PURPOSES[purpose]})`)
                .join(', ')}.`,
              {
                extensions: {
                  code: 'BAD_USER_INPUT',
                  header: 'X-Purpose',
                  allowed,
                  http: { status: 400 },
                },
              },
            );
          }
          if (contextValue.authzMode === 'reject' && check.denied.length > 0) {
            throw new GraphQLError(
              `Operation refused: ${check.denied.length} field(s) are not granted to this caller for this purpose (${check.denied
                .map((denial) => denial.field)
                .join(', ')}).`,
              { extensions: { code: 'FORBIDDEN', denied: check.denied, http: { status: 403 } } },
            );
          }
        },
        async willSendResponse({ response }) {
          if (notices.length === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.errors = [...(result.errors ?? []), ...notices.map((notice) => notice.toJSON())];
        },
      };
    },
  };
}
