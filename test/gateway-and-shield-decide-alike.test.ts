/**
 * Property: the gateway's decision path (analyzeOperation → resolveReferences → decideOperation
 * → filterOperation → enforceResult) and a subgraph's shield (applyPolicy) decide every field of
 * any operation alike, for any caller, under the default policy (policy/policy.yaml).
 *
 * Both run in this process over the composed supergraph schema with the same synthetic data: a
 * value is a pure function of its response path (aliases included), a Person's id and an
 * object's personId come from a small pool of persons, and the data an id argument names is
 * resolved by one table for both (as the credit platform resolves it for the gateway's
 * `subjectsOf` and for its own shield). The gateway side executes its filtered operation on the
 * schema WITHOUT a shield (a subgraph that enforces nothing); the shield side executes the
 * client's operation on the shielded schema. For each random operation and identity:
 * - every field both decided got the same effect and rule, and
 * - the two answers are the same: data, and every error's path, code, rule, reason and field.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  buildSchema,
  execute,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  validate,
} from 'graphql';
import type {
  ExecutionResult,
  GraphQLField,
  GraphQLFieldResolver,
  GraphQLInputType,
  GraphQLOutputType,
  GraphQLResolveInfo,
  GraphQLSchema,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLObjectType,
  GraphQLScalarType,
} from 'graphql';
import { analyzeOperation } from '../gateway/access/analyze-operation';
import { decideOperation } from '../gateway/access/decide-operation';
import { enforceResult } from '../gateway/access/enforce-result';
import type { GatewayResult } from '../gateway/access/enforce-result';
import { filterOperation } from '../gateway/access/filter-operation';
import { operationSubjects } from '../gateway/access/operation-subjects';
import { resolveReferences } from '../gateway/access/resolve-references';
import type { Caller, ConsentGrant, Department, Purpose } from '../lib/auth/caller';
import { DEPARTMENTS } from '../lib/auth/caller';
import { makeCitizenId } from '../lib/ids/citizen-id';
import { makeUscc } from '../lib/ids/uscc';
import { loadPolicy } from '../lib/policy/load-policy';
import type { FieldDecision, FieldSubject } from '../lib/policy/types';
import { subjectPersonId } from '../lib/subjects/subject-person-id';
import type { SubjectReference } from '../lib/subjects/subject-reference';
import { SUPERGRAPH_PATH } from '../scripts/lib/system-security';
import { applyPolicy } from '../subgraphs/kit/authz/apply-policy';

const POLICY = loadPolicy();
const NOW = new Date('2026-05-01T02:00:00.000Z');
const A = makeCitizenId('511921', '19850315', 101);
const B = makeCitizenId('511921', '19900101', 11);
const C = makeCitizenId('511921', '20010203', 303);
const PERSONS = [A, B, C];
const BANK = makeUscc('91511921MA6X4R001');

/** What each id names, for the gateway's lookup and the shield alike. */
function resolveReference({ kind, id }: SubjectReference): FieldSubject {
  if (kind === 'CATALOG_ITEM') {
    const depts: Record<string, Department> = {
      CIVIL_VOLUNTEER_SERVICE: 'CIVIL',
      HONOUR_MODEL_WORKER: 'NDRC',
      TAX_ARREARS: 'TAX',
    };
    return depts[id] ? { dept: depts[id] } : { unresolved: `no catalog item ${id}` };
  }
  const owners: Record<string, FieldSubject> = {
    'ref-a': { personId: A, dept: 'AMR' },
    'ref-b': { personId: B, dept: 'TAX' },
    'ref-c': { personId: C, dept: 'COURT' },
  };
  const found = owners[id];
  if (!found) return { unresolved: `no ${kind} ${id}` };
  return kind === 'CONSENT' ? { personId: found.personId } : found;
}

/** The consents the gateway would find for the organisation (future, expired, narrow). */
const GRANTS: ConsentGrant[] = [
  { personId: A, scopes: ['CREDIT_SUMMARY'], expiresAt: '2999-01-01T00:00:00.000Z' },
  { personId: B, scopes: ['CREDIT_SUMMARY'], expiresAt: '2001-01-01T00:00:00.000Z' },
  {
    personId: C,
    scopes: ['Person.creditProfile', 'CreditProfile.level'],
    expiresAt: '2999-01-01T00:00:00.000Z',
  },
];

// ------------------------------------------------------------------ synthetic data

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function pathText(path: GraphQLResolveInfo['path'] | undefined): string {
  const keys: (string | number)[] = [];
  for (let at = path; at; at = at.prev) keys.unshift(at.key);
  return keys.join('.');
}

/** A value of `type` for the field at `path`: the same wherever the field is asked from. */
function synthesize(
  type: GraphQLOutputType,
  path: string,
  source: Record<string, unknown> | undefined,
  field: string,
  args: Record<string, unknown>,
  root: boolean,
): unknown {
  if (isNonNullType(type)) return synthesize(type.ofType, path, source, field, args, root);
  const seed = hash(path);
  if (isListType(type)) {
    if (root && Array.isArray(args.ids)) {
      return args.ids.map((id, i) => personObject(`${path}.${i}`, subjectPersonId(id)));
    }
    return Array.from({ length: seed % 3 }, (_, i) =>
      synthesize(type.ofType, `${path}.${i}`, source, field, args, false),
    );
  }
  if (isObjectType(type)) {
    if (type.name === 'Person') {
      if (root && 'id' in args) {
        const id = subjectPersonId(args.id);
        return id === undefined ? null : personObject(path, id);
      }
      return personObject(path, PERSONS[seed % PERSONS.length]);
    }
    return { personId: PERSONS[seed % PERSONS.length] };
  }
  if (field === 'id' && typeof source?.id === 'string') return source.id;
  if (field === 'personId' && typeof source?.personId === 'string') return source.personId;
  if (isEnumType(type)) return type.getValues()[seed % type.getValues().length].value;
  const scalar = (type as GraphQLScalarType).name;
  if (scalar === 'Int') return seed % 100;
  if (scalar === 'Float') return (seed % 100000) / 10;
  if (scalar === 'Boolean') return seed % 2 === 0;
  if (scalar === 'String' && /At$|On$|Date$|Since$|Until$|^asOf$/.test(field)) return '2025-03-12';
  return `张${field}${seed % 1000}`;
}

function personObject(path: string, id: string | undefined): Record<string, unknown> | null {
  return id === undefined ? null : { id, personId: PERSONS[hash(path) % PERSONS.length] };
}

const resolveField: GraphQLFieldResolver<unknown, unknown> = (source, args, _context, info) =>
  synthesize(
    info.returnType,
    pathText(info.path),
    (source ?? undefined) as Record<string, unknown> | undefined,
    info.fieldName,
    args,
    info.path.prev === undefined,
  );

/** The supergraph as one executable schema: every field resolved by `resolveField`. */
function executableSchema(): GraphQLSchema {
  const schema = buildSchema(readFileSync(SUPERGRAPH_PATH, 'utf8'));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) field.resolve = resolveField;
  }
  return schema;
}

type Decisions = Map<string, string>;

function decisionText(decision: FieldDecision): string {
  return `${decision.effect} ${decision.ruleId}`;
}

const PLAIN = executableSchema();
/** Built once: each request's decisions go to the collector on its context. */
const SHIELDED = applyPolicy(executableSchema(), POLICY, {
  now: () => NOW,
  resolveSubjectReference: async (reference) => resolveReference(reference),
  onDecision: ({ path, decision, context }) =>
    (context as { decisions: Decisions }).decisions.set(path.join('.'), decisionText(decision)),
});

// ------------------------------------------------------------------ random operations

/** A GraphQL literal for an input of `type` named `name` (argument or input field). */
function literal(type: GraphQLInputType, name: string, pick: (n: number) => number): string {
  if (isNonNullType(type)) return literal(type.ofType, name, pick);
  if (isListType(type)) {
    return `[${[0, 1]
      .slice(0, 1 + pick(2))
      .map(() => literal(type.ofType, name, pick))
      .join(', ')}]`;
  }
  if (isInputObjectType(type)) {
    const fields = Object.values((type as GraphQLInputObjectType).getFields());
    return `{ ${fields
      .filter((field) => isNonNullType(field.type) || pick(2) === 0)
      .map((field) => `${field.name}: ${literal(field.type, field.name, pick)}`)
      .join(', ')} }`;
  }
  if (isEnumType(type)) {
    const values = (type as GraphQLEnumType).getValues();
    return values[pick(values.length)].name;
  }
  const scalar = (type as GraphQLScalarType).name;
  if (scalar === 'Int') return String(1 + pick(3));
  if (scalar === 'Boolean') return pick(2) === 0 ? 'true' : 'false';
  const choices: Record<string, string[]> = {
    id: [A, A, B.toLowerCase(), B, C, 'not-an-id', 'ref-a', 'ref-b', 'ref-none'],
    ids: [A, B, C, 'bad'],
    personId: [A, B, C, 'bad'],
    personIds: [A, B, C],
    recordId: ['ref-a', 'ref-b', 'ref-c', 'ref-none'],
    objectionId: ['ref-a', 'ref-b', 'ref-none'],
    repairId: ['ref-a', 'ref-c', 'ref-none'],
    checkId: ['ref-a', 'ref-b', 'ref-none'],
    kind: ['CIVIL_VOLUNTEER_SERVICE', 'HONOUR_MODEL_WORKER', 'TAX_ARREARS', 'NOPE'],
    org: [BANK],
    uscc: [BANK],
    scopes: ['CREDIT_SUMMARY', 'Person.name'],
  };
  const pool = choices[name] ?? ['2025-01-01', 'x'];
  return JSON.stringify(pool[pick(pool.length)]);
}

function argumentsOf(field: GraphQLField<unknown, unknown>, pick: (n: number) => number): string {
  const given = field.args.filter((arg) => isNonNullType(arg.type) || pick(3) === 0);
  if (given.length === 0) return '';
  return `(${given.map((arg) => `${arg.name}: ${literal(arg.type, arg.name, pick)}`).join(', ')})`;
}

/** A selection set on `type`, `depth` levels deep at most, drawn with `pick`. */
function selectionOn(type: GraphQLObjectType, depth: number, pick: (n: number) => number): string {
  const fields = Object.values(type.getFields()).filter(
    (field) => depth > 0 || !isObjectType(getNamedType(field.type)),
  );
  if (fields.length === 0) return '__typename';
  const count = 1 + pick(Math.min(3, fields.length));
  const first = pick(fields.length);
  const chosen = Array.from({ length: count }, (_, n) => (first + n * 7) % fields.length);
  const parts = [...new Set(chosen)].map((index, n) => {
    const field = fields[index];
    const alias = pick(6) === 0 ? `a${n}: ` : '';
    const named = getNamedType(field.type);
    const sub = isObjectType(named) ? ` { ${selectionOn(named, depth - 1, pick)} }` : '';
    const text = `${alias}${field.name}${argumentsOf(field, pick)}${sub}`;
    return pick(5) === 0 ? `... on ${type.name} { ${text} }` : text;
  });
  if (pick(4) === 0) parts.push('__typename');
  return parts.join(' ');
}

/** A valid operation on the supergraph, from a list of choices. */
function operationFrom(choices: readonly number[]): string {
  let at = 0;
  const pick = (n: number) => (n <= 1 ? 0 : choices[at++ % choices.length] % n);
  const mutation = pick(4) === 0;
  const root = (mutation ? PLAIN.getMutationType() : PLAIN.getQueryType()) as GraphQLObjectType;
  // Half the queries ask about a person, where most of the policy is; some reach another person
  // through an enterprise, whose subject only the answer tells.
  const person = !mutation && pick(2) === 0;
  const reach =
    person && pick(3) === 0
      ? `market { roles { enterprise { legalRepresentative { ${selectionOn(
          PLAIN.getType('Person') as GraphQLObjectType,
          1,
          pick,
        )} } } } } `
      : '';
  const about = person
    ? `p: person(id: ${literal(PLAIN.getType('ID') as GraphQLScalarType, 'id', pick)}) { ${reach}${selectionOn(
        PLAIN.getType('Person') as GraphQLObjectType,
        3,
        pick,
      )} } `
    : '';
  return `${mutation ? 'mutation' : 'query'} { ${about}${selectionOn(root, 3, pick)} }`;
}

// ------------------------------------------------------------------ identities

const ADMINISTRATIVE: Purpose[] = [
  'ADMIN_LICENSING',
  'ADMIN_ENFORCEMENT',
  'JOINT_DISCIPLINE',
  'PUBLIC_SERVICE',
  'CREDIT_REPAIR',
  'JUDICIAL',
];

const officers: fc.Arbitrary<Caller> = fc
  .record({
    dept: fc.constantFrom(...DEPARTMENTS.filter((dept) => dept !== 'AUDIT')),
    clientType: fc.constantFrom('officer' as const, 'system' as const),
    purpose: fc.constantFrom(...ADMINISTRATIVE),
  })
  .map(({ dept, clientType, purpose }) => ({
    sub: `${clientType}-${dept}`,
    dept,
    clientType,
    roles: [clientType],
    purpose,
    caseRef: 'CASE-1',
  }));

/** Callers whose decisions depend on whose the data is. */
const citizensAndOrganisations = fc.constantFrom<Caller>(
  { sub: 'c-a', clientType: 'citizen', personId: A, roles: [], purpose: 'SELF_QUERY' },
  { sub: 'c-b', clientType: 'citizen', personId: B, roles: [], purpose: 'SELF_QUERY' },
  {
    sub: 'bank',
    clientType: 'org',
    org: BANK,
    roles: [],
    purpose: 'AUTHORIZED_QUERY',
    caseRef: 'L-1',
  },
);

const others = fc.constantFrom<Caller>(
  { sub: 'aud', clientType: 'auditor', dept: 'AUDIT', roles: ['auditor'], purpose: 'AUDIT_REVIEW' },
  {
    sub: 'dev',
    clientType: 'developer',
    dept: 'NDRC',
    roles: [],
    purpose: 'ADMIN_ENFORCEMENT',
    caseRef: 'D-1',
  },
  { sub: 'anonymous', clientType: 'public', roles: [] },
  { sub: 'collector', clientType: 'system', dept: 'NDRC', roles: ['credit-collector'] },
  { sub: 'gw', clientType: 'system', dept: 'NDRC', roles: ['consent-lookup', 'subject-lookup'] },
);

const arbCaller: fc.Arbitrary<Caller> = fc.oneof(
  { arbitrary: officers, weight: 3 },
  { arbitrary: citizensAndOrganisations, weight: 3 },
  { arbitrary: others, weight: 1 },
);

// ------------------------------------------------------------------ the two decision paths

async function throughTheShield(
  source: string,
  caller: Caller,
): Promise<{ result: ExecutionResult; decisions: Decisions }> {
  const decisions: Decisions = new Map();
  const result = await execute({
    schema: SHIELDED,
    document: parse(source),
    contextValue: { caller, decisions },
  });
  return { result, decisions };
}

async function throughTheGateway(
  source: string,
  identity: Caller,
): Promise<{ result: GatewayResult; decisions: Decisions; caller: Caller; dynamic: number }> {
  const decisions: Decisions = new Map();
  const document = parse(source);
  const analysis = analyzeOperation({ schema: PLAIN, document, caller: identity });
  await resolveReferences(analysis, async (references) => references.map(resolveReference), 'r');
  const subjects = operationSubjects(analysis);
  // As the gateway's consent lookup: an organisation's consents of the operation's subjects.
  const caller: Caller =
    identity.clientType === 'org'
      ? { ...identity, consents: GRANTS.filter((grant) => subjects.includes(grant.personId)) }
      : identity;
  const access = decideOperation(analysis, caller, POLICY, NOW);
  const filtered = filterOperation(access);
  const executed: GatewayResult =
    filtered && !filtered.document
      ? { data: {} }
      : ((await execute({
          schema: PLAIN,
          document: filtered?.document ?? document,
          contextValue: { caller },
        })) as GatewayResult);
  const result = enforceResult(executed, {
    access,
    filtered,
    owners: new Map(),
    onDecision: (path, _field, decision) => decisions.set(path.join('.'), decisionText(decision)),
  });
  return { result, decisions, caller, dynamic: access.dynamic.length };
}

interface ErrorLike {
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
  message: string;
}

/**
 * The errors as compared: path, code, rule, reason and field (the gateway adds serviceName), of
 * fields whose object is in the answer. Inside an object that a denied non-null field nulled,
 * graphql-js itself keeps only the errors that happened before the null propagated (it depends
 * on timing); the null itself is compared with the data.
 */
function errorsOf(result: { errors?: readonly ErrorLike[] }, data: unknown) {
  return (result.errors ?? [])
    .filter(({ path }) => isObject(valueAt(data, (path ?? []).slice(0, -1))))
    .map(({ path, message, extensions }) => ({
      path: (path ?? []).join('.'),
      message,
      code: extensions?.code,
      ruleId: extensions?.ruleId,
      reason: extensions?.reason,
      field: extensions?.field,
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>(
    (current, key) =>
      isObject(current) || Array.isArray(current)
        ? (current as Record<string, unknown>)[key]
        : undefined,
    value,
  );
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

describe('the gateway and a subgraph shield decide every field alike (property)', () => {
  it('holds for random operations and identities under the default policy', async () => {
    let compared = 0;
    let denied = 0;
    let dynamicallyDecided = 0;
    let masked = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(1_000_000), { minLength: 8, maxLength: 40 }),
        arbCaller,
        async (choices, identity) => {
          const source = operationFrom(choices);
          expect(validate(PLAIN, parse(source))).toEqual([]);
          const gateway = await throughTheGateway(source, identity);
          const shield = await throughTheShield(source, gateway.caller);
          for (const [path, decision] of gateway.decisions) {
            const other = shield.decisions.get(path);
            if (other === undefined) continue;
            expect({ path, decision }).toEqual({ path, decision: other });
            compared += 1;
            if (decision.startsWith('deny')) denied += 1;
          }
          dynamicallyDecided += gateway.dynamic;
          masked += [...gateway.decisions.values()].filter((d) => d.startsWith('mask')).length;
          expect({ source, data: gateway.result.data }).toEqual({
            source,
            data: shield.result.data,
          });
          const data = shield.result.data;
          expect(errorsOf(gateway.result, data)).toEqual(errorsOf(shield.result, data));
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 1000), seed: 20251 },
    );
    // The generator must reach the interesting cases, or the property proves little.
    expect(compared).toBeGreaterThan(2000);
    expect(denied).toBeGreaterThan(200);
    expect(masked).toBeGreaterThan(10);
    expect(dynamicallyDecided).toBeGreaterThan(10);
  });
});
