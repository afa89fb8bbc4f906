import type { DocumentNode, FieldNode, SelectionNode } from 'graphql';
import { Kind, isNonNullType } from 'graphql';
import { documentQueryHash } from './document-query-hash';
import type { FilteredHashes } from './filtered-hashes';
import type { FieldInstance } from './operation-analysis';
import type { OperationAccess } from './decide-operation';

/** The operation the gateway plans instead of the client's, and what it added to it. */
export interface FilteredOperation {
  /** The operation without its denied fields; null when nothing of it is left to execute. */
  document: DocumentNode | null;
  /** sha256 of the printed document (the query plan cache key). */
  queryHash: string;
  /**
   * Per field whose objects carry the subject: the response key its key (a Person's id, a
   * personId) is read from: the client's own field when it asked for it, else an added alias.
   */
  subjectAliases: ReadonlyMap<FieldInstance, string>;
}

/** What the gateway knows of the client's operation besides its analysis. */
export interface ClientOperation {
  /** The document as the client sent it (Apollo's parse). */
  document: DocumentNode;
  /** Apollo's sha256 of the client's text: the plan cache key of `document`. */
  queryHash: string;
  /** The hashes of filtered documents already printed, to look the new one up in. */
  hashes?: FilteredHashes;
}

const SUBJECT_ALIAS = '_cfSubject';
const PLACEHOLDER_ALIAS = '_cfPlaceholder';

/**
 * The operation as the gateway plans it (like Apollo Router's authorization filter): denied
 * fields removed, so no subgraph is ever asked for them, whatever it enforces itself; fragments
 * inlined (each field's decision belongs to its place); an object left with no field keeps a
 * `__typename` placeholder; and where a decision depends on a subject only the answer tells, the
 * object's key (a Person's id, a personId) is read from the client's own field for it, or fetched
 * under a reserved alias. Null when nothing needs changing (the client's document is planned as
 * it is); with `client` given, also when only keys the client asked for anyway are read, and the
 * new document is printed and hashed once per distinct filtered document, not once per request.
 */
export function filterOperation(
  access: OperationAccess,
  client?: ClientOperation,
): FilteredOperation | null {
  if (access.removed.size === 0 && access.dynamic.length === 0) return null;
  const holders = new Map<FieldInstance, 'id' | 'personId'>();
  for (const instance of access.dynamic) {
    if (instance.subject.from === 'value') {
      holders.set(instance.subject.holder, instance.subject.key);
    }
  }
  const subjectAliases = new Map<FieldInstance, string>();
  // What the new document is made of, position by position (see planHash).
  const signature: string[] = [];
  let changed = access.removed.size > 0;

  const build = (instances: readonly FieldInstance[], holder?: FieldInstance): SelectionNode[] => {
    const taken = new Set(instances.map((instance) => instance.responseKey));
    const kept = instances.filter((instance) => !access.removed.has(instance));
    const selections: SelectionNode[] = kept.map(fieldNode);
    const key = holder && holders.get(holder);
    if (holder && key) {
      // The client's own `id` (or `personId`) of the object carries the subject as well.
      const own = kept.find(
        (instance) =>
          instance.fieldName === key && (instance.nodes[0].arguments ?? []).length === 0,
      );
      if (own) {
        subjectAliases.set(holder, own.responseKey);
      } else {
        const alias = unused(SUBJECT_ALIAS, taken);
        subjectAliases.set(holder, alias);
        selections.push(aliased(alias, key));
        signature.push(`+${alias}:${key}`);
        changed = true;
      }
    }
    if (holder && selections.length === 0) {
      const alias = unused(PLACEHOLDER_ALIAS, taken);
      selections.push(aliased(alias, '__typename'));
      signature.push(`+${alias}:__typename`);
    }
    return selections;
  };

  const fieldNode = (instance: FieldInstance): FieldNode => {
    const [node] = instance.nodes;
    signature.push(`${node.loc?.start ?? NaN}`);
    let children: SelectionNode[] | undefined;
    if (instance.objectType && !instance.meta) {
      signature.push('{');
      children = build(instance.children, instance);
      signature.push('}');
    }
    return {
      kind: Kind.FIELD,
      ...(node.alias && { alias: node.alias }),
      name: node.name,
      arguments: node.arguments ?? [],
      // @skip and @include were applied when the operation was analysed.
      directives: (node.directives ?? []).filter(
        (directive) => directive.name.value !== 'skip' && directive.name.value !== 'include',
      ),
      ...(children && {
        selectionSet: { kind: Kind.SELECTION_SET, selections: children },
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
  if (!changed && client) {
    // Only keys the client asked for anyway are read: its own document is planned as it is.
    return { document: client.document, queryHash: client.queryHash, subjectAliases };
  }
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
  return {
    document,
    queryHash: planHash(document, signature, operation.loc?.start, client),
    subjectAliases,
  };
}

/**
 * The sha256 of the printed document, printed once per distinct filtered document of one client
 * text. A filtered document is a function of the client's text (its queryHash) and of which of
 * its field nodes it keeps where, and what it adds: `signature` lists exactly that, each kept
 * field by its node's offset in the text (unique in one text), so two filtered documents with one
 * key are the same document. Without offsets (a document built in code) it is printed every time.
 */
function planHash(
  document: DocumentNode,
  signature: readonly string[],
  operationStart: number | undefined,
  client: ClientOperation | undefined,
): string {
  if (!client?.hashes || operationStart === undefined || signature.includes('NaN')) {
    return documentQueryHash(document);
  }
  const key = `${client.queryHash}\u0000${operationStart}\u0000${signature.join(',')}`;
  return client.hashes.get(key, () => documentQueryHash(document));
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
