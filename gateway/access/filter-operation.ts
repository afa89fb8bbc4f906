import { createHash } from 'node:crypto';
import type { DocumentNode, FieldNode, SelectionNode } from 'graphql';
import { Kind, isNonNullType, print } from 'graphql';
import type { FieldInstance } from './operation-analysis';
import type { OperationAccess } from './decide-operation';

/** The operation the gateway plans instead of the client's, and what it added to it. */
export interface FilteredOperation {
  /** The operation without its denied fields; null when nothing of it is left to execute. */
  document: DocumentNode | null;
  /** sha256 of the printed document (the query plan cache key). */
  queryHash: string;
  /** Per field whose objects carry the subject: the alias under which their key is fetched. */
  subjectAliases: ReadonlyMap<FieldInstance, string>;
}

const SUBJECT_ALIAS = '_cfSubject';
const PLACEHOLDER_ALIAS = '_cfPlaceholder';

/**
 * The operation as the gateway plans it (like Apollo Router's authorization filter): denied
 * fields removed, so no subgraph is ever asked for them, whatever it enforces itself; fragments
 * inlined (each field's decision belongs to its place); an object left with no field keeps a
 * `__typename` placeholder; and where a decision depends on a subject only the answer tells, the
 * object's key (a Person's id, a personId) is fetched under a reserved alias. Null when nothing
 * needs changing (the client's document is planned as it is).
 */
export function filterOperation(access: OperationAccess): FilteredOperation | null {
  if (access.removed.size === 0 && access.dynamic.length === 0) return null;
  const holders = new Map<FieldInstance, 'id' | 'personId'>();
  for (const instance of access.dynamic) {
    if (instance.subject.from === 'value') {
      holders.set(instance.subject.holder, instance.subject.key);
    }
  }
  const subjectAliases = new Map<FieldInstance, string>();

  const build = (instances: readonly FieldInstance[], holder?: FieldInstance): SelectionNode[] => {
    const taken = new Set(instances.map((instance) => instance.responseKey));
    const selections: SelectionNode[] = instances
      .filter((instance) => !access.removed.has(instance))
      .map(fieldNode);
    const key = holder && holders.get(holder);
    if (holder && key) {
      const alias = unused(SUBJECT_ALIAS, taken);
      subjectAliases.set(holder, alias);
      selections.push(aliased(alias, key));
    }
    if (holder && selections.length === 0) {
      selections.push(aliased(unused(PLACEHOLDER_ALIAS, taken), '__typename'));
    }
    return selections;
  };

  const fieldNode = (instance: FieldInstance): FieldNode => {
    const [node] = instance.nodes;
    return {
      kind: Kind.FIELD,
      ...(node.alias && { alias: node.alias }),
      name: node.name,
      arguments: node.arguments ?? [],
      // @skip and @include were applied when the operation was analysed.
      directives: (node.directives ?? []).filter(
        (directive) => directive.name.value !== 'skip' && directive.name.value !== 'include',
      ),
      ...(instance.objectType &&
        !instance.meta && {
          selectionSet: {
            kind: Kind.SELECTION_SET,
            selections: build(instance.children, instance),
          },
        }),
      ...(instance.meta && node.selectionSet && { selectionSet: node.selectionSet }),
    };
  };

  const { operation, roots } = access.analysis;
  // A mutation's root fields run in turn and stop at the first that fails (graphql-js): none
  // after a removed non-null one may run, or its change would happen behind a refused answer.
  const failing =
    operation.operation === 'mutation'
      ? roots.findIndex((root) => access.removed.has(root) && isNonNullType(root.type))
      : -1;
  const selections = build(failing < 0 ? roots : roots.slice(0, failing));
  if (selections.length === 0) {
    return { document: null, queryHash: '', subjectAliases };
  }
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: operation.operation,
        ...(operation.name && { name: operation.name }),
        variableDefinitions: operation.variableDefinitions ?? [],
        directives: operation.directives ?? [],
        selectionSet: { kind: Kind.SELECTION_SET, selections },
      },
    ],
  };
  const queryHash = createHash('sha256').update(print(document)).digest('hex');
  return { document, queryHash, subjectAliases };
}

function aliased(alias: string, name: string): FieldNode {
  return {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: alias },
    name: { kind: Kind.NAME, value: name },
  };
}

/** `base`, or `base2`, `base3`, ... the first no sibling uses. */
function unused(base: string, taken: ReadonlySet<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n += 1) name = `${base}${n}`;
  return name;
}
