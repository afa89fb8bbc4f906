import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLObjectType,
  GraphQLSchema,
  SelectionSetNode,
} from 'graphql';
import {
  GraphQLError,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isObjectType,
} from 'graphql';
import type { Caller } from '../../lib/auth/caller';
import {
  PERSON_TYPE,
  resolvedRootSubject,
  rootFieldSubject,
} from '../../lib/subjects/root-field-subject';
import { subjectKeyOf } from '../../lib/subjects/subject-source';
import type {
  FieldInstance,
  InstanceSubject,
  OperationAnalysis,
  RootEntry,
} from './operation-analysis';

/** The most fields one operation may expand to (fragments spread out); more is refused. */
export const MAX_FIELD_INSTANCES = 5000;

/** Options of {@link analyzeOperation}. */
export interface AnalyzeOperationOptions {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  /** The variables as the client sent them. */
  variables?: Readonly<Record<string, unknown>>;
  caller: Caller;
  /** Refuse an operation expanding to more fields; default MAX_FIELD_INSTANCES. */
  maxFields?: number;
}

/**
 * Walks the operation that will execute, once, and returns every field with its path, type and
 * where its subject comes from (the rules of lib/subjects, as each subgraph shield applies them),
 * plus whether it asks for introspection or person data. The gateway's policy check, consent and
 * subject lookups, document filter, response enforcement and audit record all read this one
 * result. Throws a GraphQLError (HTTP 400) for variables that do not fit their types and for an
 * operation expanding to more than `maxFields` fields.
 */
export function analyzeOperation(options: AnalyzeOperationOptions): OperationAnalysis {
  const { schema, document, caller } = options;
  const operation = getOperationAST(document, options.operationName ?? undefined);
  if (!operation) throw new Error('analyzeOperation: no such operation in the document');
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    options.variables ?? {},
  );
  if (coerced.errors) {
    throw new GraphQLError(coerced.errors[0].message, {
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
    });
  }
  const variables = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const rootType =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!rootType) throw new Error(`analyzeOperation: the schema has no ${operation.operation} type`);

  const maxFields = options.maxFields ?? MAX_FIELD_INSTANCES;
  const analysis: OperationAnalysis = {
    operation,
    variables,
    roots: [],
    fields: [],
    rootEntries: [],
    introspection: false,
    touchesPersonData: false,
  };

  const included = (node: FieldNode | { directives?: FieldNode['directives'] }): boolean => {
    const skip = getDirectiveValues(GraphQLSkipDirective, node, variables);
    if (skip?.if === true) return false;
    const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
    return include?.if !== false;
  };

  /** Fields of `selectionSets` on `type` by response key, as graphql-js collects them. */
  const collect = (
    type: GraphQLObjectType,
    selectionSets: readonly SelectionSetNode[],
  ): Map<string, FieldNode[]> => {
    const grouped = new Map<string, FieldNode[]>();
    const visited = new Set<string>();
    const add = (selectionSet: SelectionSetNode) => {
      for (const selection of selectionSet.selections) {
        if (!included(selection)) continue;
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const list = grouped.get(key);
          if (list) list.push(selection);
          else grouped.set(key, [selection]);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const condition = selection.typeCondition?.name.value;
          if (condition === undefined || condition === type.name) add(selection.selectionSet);
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (visited.has(name) || !fragment) continue;
          visited.add(name);
          if (fragment.typeCondition.name.value === type.name) add(fragment.selectionSet);
        }
      }
    };
    selectionSets.forEach(add);
    return grouped;
  };

  const walk = (
    type: GraphQLObjectType,
    selectionSets: readonly SelectionSetNode[],
    parent: FieldInstance | undefined,
  ): FieldInstance[] => {
    const instances: FieldInstance[] = [];
    for (const [responseKey, nodes] of collect(type, selectionSets)) {
      if (analysis.fields.length >= maxFields) {
        throw new GraphQLError(
          `The operation expands to more than ${maxFields} fields (fragments spread out); ask for less.`,
          { extensions: { code: 'TOO_MANY_FIELDS', max: maxFields, http: { status: 400 } } },
        );
      }
      const fieldName = nodes[0].name.value;
      const meta = fieldName.startsWith('__');
      if (fieldName === '__schema' || fieldName === '__type') analysis.introspection = true;
      const definition = meta ? undefined : type.getFields()[fieldName];
      if (!meta && !definition)
        throw new Error(`analyzeOperation: ${type.name}.${fieldName} is unknown`);
      const named = definition ? getNamedType(definition.type) : undefined;
      const instance: FieldInstance = {
        index: analysis.fields.length,
        nodes,
        responseKey,
        path: [...(parent?.path ?? []), responseKey],
        parentType: type,
        fieldName,
        key: `${type.name}.${fieldName}`,
        type: definition?.type ?? type,
        ...(named && isObjectType(named) && { objectType: named }),
        ...(parent && { parent }),
        children: [],
        meta,
        subject: { from: 'none' },
      };
      analysis.fields.push(instance);
      instances.push(instance);
      if (meta) continue;
      if (type.name === PERSON_TYPE || named?.name === PERSON_TYPE || insidePerson(parent)) {
        analysis.touchesPersonData = true;
      }
      if (parent === undefined) {
        const subject = rootFieldSubject(
          { typeName: type.name, fieldName, returnTypeName: named?.name ?? '' },
          definition ? getArgumentValues(definition, nodes[0], variables) : {},
          caller,
        );
        const entry: RootEntry = {
          instance,
          subject,
          single: subject.personId !== undefined || subject.reference !== undefined,
          // Until resolveReferences says whose the named data is, it is nobody's known: deny
          // rules on it refuse (fail closed).
          resolved: resolvedRootSubject(
            subject,
            subject.reference
              ? { unresolved: 'whose data the id names was not looked up' }
              : undefined,
          ),
        };
        analysis.rootEntries.push(entry);
        instance.subject = { from: 'root', root: entry };
      } else {
        instance.subject = objectSubject(parent);
      }
      if (instance.objectType) {
        instance.children = walk(
          instance.objectType,
          nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : [])),
          instance,
        );
      }
    }
    return instances;
  };

  analysis.roots = walk(rootType, [operation.selectionSet], undefined);
  return analysis;
}

/** Whether a field below `parent` lies inside a Person. */
function insidePerson(parent: FieldInstance | undefined): boolean {
  for (let at = parent; at; at = at.parent) {
    if (at.objectType?.name === PERSON_TYPE || at.parentType.name === PERSON_TYPE) return true;
  }
  return false;
}

/**
 * The subject of the objects `holder`'s value holds, for the fields inside them
 * (lib/subjects/subject-source.ts): a one-subject root's own; a Person's id or an object's
 * personId, read from the data; else what `holder` itself is about.
 */
function objectSubject(holder: FieldInstance): InstanceSubject {
  const root =
    holder.parent === undefined && holder.subject.from === 'root' ? holder.subject.root : undefined;
  if (root?.single) return { from: 'root', root };
  const key = holder.objectType ? subjectKeyOf(holder.objectType) : undefined;
  if (key) return { from: 'value', holder, key };
  if (root) return { from: 'none' };
  return holder.subject;
}
