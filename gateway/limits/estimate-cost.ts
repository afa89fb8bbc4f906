import {
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  valueFromASTUntyped,
} from 'graphql';
import type {
  DocumentNode,
  FieldNode,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { fragmentIndex } from './fragment-index';
import type { CostModel } from './limits-config';

/** Largest list size one argument may claim: a bigger value is as good as unbounded. */
const MAX_FACTOR = 1_000_000;

type Variables = Readonly<Record<string, unknown>>;

function sizeOf(value: unknown): number | undefined {
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'number' && Number.isFinite(value)) {
    return Math.min(Math.max(Math.floor(value), 0), MAX_FACTOR);
  }
  return undefined;
}

function fieldsOf(
  type: GraphQLNamedType | undefined,
): Record<string, GraphQLField<unknown, unknown>> {
  return type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields() : {};
}

/**
 * Estimates the work of `operation` (policy/limits.yaml, `cost`): every field selection costs 1
 * (`__typename` 0), multiplied by the list sizes above it. A field returning a list is as long as
 * the largest of its list arguments (a list's length, or an integer such as `first`; from the
 * literal, the variable, or the schema's default), else `defaultListSize`. A field that takes
 * such an argument but returns an object (a page: `auditEvents(first: 20) { entries ... }`)
 * hands its size to the lists directly inside it. Introspection fields count 1 each (the schema
 * bounds them). Each fragment is costed once per size handed to it (cost is linear in the
 * multiplier above it), so the work is linear in the document. Also returns the largest size any
 * one list argument asked for. The document must be free of fragment cycles.
 */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
  model: CostModel,
): { cost: number; largestList: number } {
  let largestList = 0;
  const fragments = fragmentIndex(document);
  const fragmentCosts = new Map<string, number>();
  const values: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (Object.prototype.hasOwnProperty.call(variables, name)) values[name] = variables[name];
    else if (definition.defaultValue) values[name] = valueFromASTUntyped(definition.defaultValue);
  }

  /** The size the field's own list arguments give, if any. */
  const argumentSize = (field: FieldNode, definition?: GraphQLField<unknown, unknown>) => {
    let size: number | undefined;
    for (const name of model.listArguments) {
      const argument = field.arguments?.find((candidate) => candidate.name.value === name);
      let value: unknown;
      if (argument) {
        value =
          argument.value.kind === Kind.VARIABLE
            ? values[argument.value.name.value]
            : valueFromASTUntyped(argument.value, values);
      } else {
        value = definition?.args.find((candidate) => candidate.name === name)?.defaultValue;
      }
      const found = sizeOf(value);
      if (found !== undefined) size = Math.max(size ?? 0, found);
    }
    if (size !== undefined && size > largestList) largestList = size;
    return size;
  };

  /** Cost of `set` on `type`, once; `handed` is the size a page above gives its lists. */
  const costOf = (
    set: SelectionSetNode,
    type: GraphQLNamedType | undefined,
    introspection: boolean,
    handed: number | undefined,
  ): number => {
    let cost = 0;
    const fields = fieldsOf(type);
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__typename') continue;
        const inside = introspection || name.startsWith('__');
        const definition =
          name === '__schema'
            ? SchemaMetaFieldDef
            : name === '__type'
              ? TypeMetaFieldDef
              : fields[name];
        const own = inside ? undefined : argumentSize(selection, definition);
        const list = definition !== undefined && isListType(getNullableType(definition.type));
        const factor = inside || !list ? 1 : (own ?? handed ?? model.defaultListSize);
        const below = selection.selectionSet
          ? costOf(
              selection.selectionSet,
              definition && getNamedType(definition.type),
              inside,
              list ? undefined : own,
            )
          : 0;
        cost += 1 + factor * below;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition =
          selection.typeCondition && schema.getType(selection.typeCondition.name.value);
        cost += costOf(selection.selectionSet, condition ?? type, introspection, handed);
      } else {
        const key = `${selection.name.value}:${introspection}:${handed ?? ''}`;
        let known = fragmentCosts.get(key);
        if (known === undefined) {
          const fragment = fragments.get(selection.name.value);
          const condition = fragment && schema.getType(fragment.typeCondition.name.value);
          known = fragment
            ? costOf(fragment.selectionSet, condition ?? undefined, introspection, handed)
            : 0;
          fragmentCosts.set(key, known);
        }
        cost += known;
      }
    }
    return cost;
  };

  const root =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  const cost = costOf(operation.selectionSet, root ?? undefined, false, undefined);
  return { cost, largestList };
}
