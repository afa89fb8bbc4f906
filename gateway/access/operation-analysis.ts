import type {
  FieldNode,
  GraphQLObjectType,
  GraphQLOutputType,
  OperationDefinitionNode,
} from 'graphql';
import type { FieldSubject } from '../../lib/policy/types';
import type { RootFieldSubject } from '../../lib/subjects/root-field-subject';

/** A root field and whose data it is about (lib/subjects), resolved once per request. */
export interface RootEntry {
  instance: FieldInstance;
  subject: RootFieldSubject;
  /**
   * Whether what it returns is about its one subject (a person argument, the caller, or data
   * named by id), rather than each object about its own.
   */
  single: boolean;
  /** The subject of the root field and of what it returns; set once references are resolved. */
  resolved: FieldSubject;
}

/** Where a field's subject comes from (lib/subjects/subject-source.ts, applied to the document). */
export type InstanceSubject =
  | { from: 'root'; root: RootEntry }
  /** From the data: `key` of the object `holder`'s value holds (a Person's id, a personId). */
  | { from: 'value'; holder: FieldInstance; key: 'id' | 'personId' }
  | { from: 'none' };

/**
 * One field as the operation executes it: fragments expanded, fields of one response key merged
 * (as graphql-js collects them), `@skip`/`@include` applied.
 */
export interface FieldInstance {
  /** Position in depth-first document order. */
  index: number;
  /** The field nodes merged under this response key; the first names the field and arguments. */
  nodes: readonly FieldNode[];
  responseKey: string;
  /** Response keys from the root, e.g. `['person', 'tax']`. */
  path: readonly string[];
  parentType: GraphQLObjectType;
  fieldName: string;
  /** `Type.field`. */
  key: string;
  /** The field's declared type (nullability and lists). */
  type: GraphQLOutputType;
  /** The object type of its value (list items included), when it is an object. */
  objectType?: GraphQLObjectType;
  parent?: FieldInstance;
  children: FieldInstance[];
  /** `__typename`, `__schema`, `__type`: not governed by the policy. */
  meta: boolean;
  subject: InstanceSubject;
}

/** What one walk of the operation learned (see analyzeOperation). */
export interface OperationAnalysis {
  operation: OperationDefinitionNode;
  /** Variables coerced to their declared types, as every subgraph will read them. */
  variables: Record<string, unknown>;
  /** Root fields in order. */
  roots: FieldInstance[];
  /** Every field, depth-first. */
  fields: FieldInstance[];
  rootEntries: RootEntry[];
  /** `__schema` or `__type` is asked. */
  introspection: boolean;
  /** A field returns or lies inside a Person. */
  touchesPersonData: boolean;
}
