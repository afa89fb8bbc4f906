import { getNamedType, isObjectType } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { parseFieldKey } from './field-key';
import { MASKERS } from './maskers';
import { PolicyProblems } from './policy-problems';
import type { Policy } from './types';

/** Options of {@link validatePolicyAgainstSchema}. */
export interface ValidatePolicyOptions {
  /**
   * Accept types and fields the schema lacks; default false. True when checking against one
   * subgraph's schema, which holds only part of the policy's fields (masker types are still
   * checked for the fields it has).
   */
  allowMissing?: boolean;
}

/**
 * Checks a policy against a schema and throws naming every problem: a `Type.field` (rule fields,
 * identity fields, consent scopes) whose type or field does not exist, a type that is not an
 * object type, or a masker on a field whose scalar type it does not declare (e.g. `mask:amount`
 * on a Float).
 *
 * Pass the composed supergraph built with `buildSchema(schema/supergraph.graphql)`: unlike the
 * API schema it keeps the `@inaccessible` credit-feed fields, which the policy grants to the
 * credit collector (a subgraph's shield denies every field no rule grants, feeds included).
 */
export function validatePolicyAgainstSchema(
  policy: Policy,
  schema: GraphQLSchema,
  options: ValidatePolicyOptions = {},
): void {
  const problems = new PolicyProblems(policy.source);
  const allowMissing = options.allowMissing ?? false;

  const check = (where: string, key: string, masker?: keyof typeof MASKERS): void => {
    const parsed = parseFieldKey(key);
    if (!parsed) return; // the loader has already refused malformed keys
    const type = schema.getType(parsed.typeName);
    if (!type) {
      if (!allowMissing) problems.add(where, `unknown type ${parsed.typeName} in ${key}`);
      return;
    }
    if (!isObjectType(type)) {
      problems.add(where, `${key}: ${parsed.typeName} is not an object type`);
      return;
    }
    if (parsed.fieldName === '*') return;
    const field = type.getFields()[parsed.fieldName];
    if (!field) {
      if (!allowMissing) {
        const known = Object.keys(type.getFields()).join(', ');
        problems.add(where, `unknown field ${key} (${parsed.typeName} has ${known})`);
      }
      return;
    }
    if (masker) {
      const named = getNamedType(field.type).name;
      const accepted = MASKERS[masker].scalarTypes as readonly string[];
      if (!accepted.includes(named)) {
        problems.add(
          where,
          `masker ${masker} cannot mask ${key} of type ${String(field.type)} ` +
            `(it applies to ${accepted.join(', ')})`,
        );
      }
    }
  };

  for (const rule of policy.rules) {
    const masker = rule.effect.kind === 'mask' ? rule.effect.masker : undefined;
    for (const key of rule.fields) check(`rules[${rule.order}] (${rule.id}).fields`, key, masker);
  }
  for (const key of policy.identityFields) check('identityFields', key);
  for (const [name, keys] of Object.entries(policy.scopes)) {
    for (const key of keys) check(`scopes.${name}`, key);
  }
  problems.throwIfAny();
}
