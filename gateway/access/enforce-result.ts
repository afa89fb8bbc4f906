import type { GraphQLOutputType } from 'graphql';
import { GraphQLError, isListType, isNonNullType } from 'graphql';
import { evaluateField } from '../../lib/policy/evaluate-field';
import { forbiddenError } from '../../lib/policy/forbidden-error';
import { applyMasker } from '../../lib/policy/maskers';
import type { FieldDecision, FieldSubject } from '../../lib/policy/types';
import { subjectPersonId } from '../../lib/subjects/subject-person-id';
import type { OperationAccess } from './decide-operation';
import type { FieldOwners } from './field-owners';
import type { FilteredOperation } from './filter-operation';
import type { FieldInstance } from './operation-analysis';

/** An execution result as the gateway's executor returns it. */
export interface GatewayResult {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLError[];
  extensions?: Record<string, unknown>;
}

/** Options of {@link enforceResult}. */
export interface EnforceResultOptions {
  access: OperationAccess;
  /** How the operation was filtered before planning; null when it ran as the client sent it. */
  filtered: FilteredOperation | null;
  owners: FieldOwners;
  /**
   * Told every field decision with the response path it applies to (tests compare them with a
   * subgraph shield's); default none. When given, the answer is always walked.
   */
  onDecision?: (path: readonly (string | number)[], field: string, decision: FieldDecision) => void;
}

/** A null that must travel up to the nearest nullable field (graphql's null propagation). */
const BUBBLE: unique symbol = Symbol('null propagates');

type Path = (string | number)[];

/**
 * The answer the client gets, from the subgraphs' answer to the filtered operation: every field
 * the gateway removed answered null with its FORBIDDEN error (rule, reason, field, and the
 * subgraph that holds it as `serviceName`), a denied non-null field nulling its nearest nullable
 * parent as graphql does; masked fields masked (again: maskers are idempotent, so a subgraph's
 * own masking changes nothing); fields whose subject only the answer tells decided per object on
 * it; and what the gateway added (subject keys, placeholders) taken out again, errors included.
 * Every decision made here goes into the access record of the one decision path.
 */
export function enforceResult(result: GatewayResult, options: EnforceResultOptions): GatewayResult {
  const { access, filtered, owners, onDecision } = options;
  const { analysis, decisions, removed, record, policy, caller, now } = access;
  if (!filtered && !access.masks && !onDecision) return result;
  if (result.data === undefined || result.data === null) return result;

  const added: GraphQLError[] = [];
  const deniedPaths = new Set<string>();
  const subjectAliases = filtered?.subjectAliases ?? new Map<FieldInstance, string>();

  const deny = (instance: FieldInstance, path: Path, decision: FieldDecision) => {
    if (decision.effect !== 'deny') return;
    const base = forbiddenError(instance.key, decision.ruleId, decision.reason);
    const owner = owners.get(instance.key);
    added.push(
      new GraphQLError(base.message, {
        path,
        extensions: { ...base.extensions, ...(owner && { serviceName: owner }) },
      }),
    );
    deniedPaths.add(path.join('.'));
  };

  const subjectOf = (
    instance: FieldInstance,
    objects: ReadonlyMap<FieldInstance, Record<string, unknown>>,
  ): FieldSubject => {
    if (instance.subject.from !== 'value') return {};
    const holder = instance.subject.holder;
    const alias = subjectAliases.get(holder);
    const object = objects.get(holder);
    const personId = alias && object ? subjectPersonId(object[alias]) : undefined;
    return personId === undefined ? {} : { personId };
  };

  const completeObject = (
    instances: readonly FieldInstance[],
    source: Record<string, unknown>,
    path: Path,
    objects: ReadonlyMap<FieldInstance, Record<string, unknown>>,
    underDynamic: boolean,
  ): Record<string, unknown> | typeof BUBBLE => {
    const out: Record<string, unknown> = {};
    // As graphql-js: siblings all complete (their errors count) before a null propagates, except
    // a mutation's root fields, which run in turn and stop at the first that fails.
    const serial = path.length === 0 && analysis.operation.operation === 'mutation';
    let bubbled = false;
    for (const instance of instances) {
      const key = instance.responseKey;
      const at = [...path, key];
      const decided = decisions[instance.index];
      if (decided.kind === 'meta') {
        if (key in source) out[key] = source[key];
        continue;
      }
      const dynamic = decided.kind === 'dynamic';
      const decision =
        decided.kind === 'static'
          ? decided.decision
          : evaluateField(
              policy,
              caller,
              instance.parentType.name,
              instance.fieldName,
              subjectOf(instance, objects),
              { now },
            );
      const field = instance.key;
      const pathText = at.join('.');
      onDecision?.(at, field, decision);
      if (removed.has(instance) || decision.effect === 'deny') {
        deny(instance, at, decision);
        if ((dynamic || underDynamic) && decision.effect === 'deny') {
          record.deny({ field, path: pathText, ruleId: decision.ruleId, reason: decision.reason });
        }
        if (isNonNullType(instance.type)) {
          bubbled = true;
          if (serial) break;
        }
        out[key] = null;
        continue;
      }
      if (dynamic || underDynamic) {
        if (decision.effect === 'mask') {
          record.mask({ field, path: pathText, masker: decision.masker, ruleId: decision.ruleId });
        } else {
          record.allow(field, decision.ruleId);
        }
      }
      const value = completeValue(
        instance,
        instance.type,
        source[key],
        at,
        objects,
        underDynamic || dynamic,
      );
      if (value === BUBBLE) {
        bubbled = true;
        if (serial) break;
        continue;
      }
      out[key] = decision.effect === 'mask' ? applyMasker(decision.masker, value) : value;
    }
    return bubbled ? BUBBLE : out;
  };

  const completeValue = (
    instance: FieldInstance,
    type: GraphQLOutputType,
    raw: unknown,
    path: Path,
    objects: ReadonlyMap<FieldInstance, Record<string, unknown>>,
    underDynamic: boolean,
  ): unknown => {
    if (isNonNullType(type)) {
      const value = completeValue(instance, type.ofType, raw, path, objects, underDynamic);
      return value === null || value === undefined ? BUBBLE : value;
    }
    if (raw === null || raw === undefined) return null;
    if (isListType(type)) {
      if (!Array.isArray(raw)) return raw;
      const items = raw.map((item: unknown, i) =>
        completeValue(instance, type.ofType, item, [...path, i], objects, underDynamic),
      );
      return items.includes(BUBBLE) ? null : items;
    }
    if (!instance.objectType || typeof raw !== 'object') return raw;
    const object = raw as Record<string, unknown>;
    const inner = subjectAliases.has(instance) ? new Map(objects).set(instance, object) : objects;
    const completed = completeObject(instance.children, object, path, inner, underDynamic);
    return completed === BUBBLE ? null : completed;
  };

  const data = completeObject(analysis.roots, result.data, [], new Map(), false);
  const errors = [
    ...(result.errors ?? []).filter(
      (error) => !addedByGateway(analysis.roots, error.path) && !coveredBy(deniedPaths, error),
    ),
    ...added,
  ];
  const enforced: GatewayResult = { ...result, data: data === BUBBLE ? null : data, errors };
  if (errors.length === 0) delete enforced.errors;
  return enforced;
}

/** Whether an error's path runs through a field the gateway added (not one the client asked). */
function addedByGateway(
  roots: readonly FieldInstance[],
  path: readonly (string | number)[] | undefined,
): boolean {
  let level: readonly FieldInstance[] = roots;
  for (const segment of path ?? []) {
    if (typeof segment === 'number') continue;
    const instance = level.find((candidate) => candidate.responseKey === segment);
    if (!instance) return true;
    if (instance.meta) return false;
    level = instance.children;
  }
  return false;
}

/** Whether a subgraph's error is about a field the gateway answered itself (or inside one). */
function coveredBy(deniedPaths: ReadonlySet<string>, error: GraphQLError): boolean {
  const path = error.path ?? [];
  for (let length = path.length; length > 0; length -= 1) {
    if (deniedPaths.has(path.slice(0, length).join('.'))) return true;
  }
  return false;
}
