/**
 * Data a root field's argument names by id rather than by person: whose it is (the person, the
 * department) is known only to the subgraph that holds it, which resolves it for the gateway
 * (`subjectsOf`) and for its own shield alike.
 */

/** Kinds of data an argument can name. */
export const SUBJECT_REFERENCE_KINDS = [
  /** A collected credit record (`CreditRecord.id`): its person and source department. */
  'CREDIT_RECORD',
  /** An objection (`CreditObjection.id`): its person and the record's source department. */
  'OBJECTION',
  /** A repair application (`CreditRepair.id`): its person and the record's source department. */
  'REPAIR',
  /** A joint-measures check (`MeasureCheck.id`): its person and the department that made it. */
  'MEASURE_CHECK',
  /** A consent (`Consent.id`): the person who gave it. */
  'CONSENT',
  /** An item of the credit catalog (its code): the department that decides it. */
  'CATALOG_ITEM',
] as const;

export type SubjectReferenceKind = (typeof SUBJECT_REFERENCE_KINDS)[number];

/** What resolving a reference of each kind tells: the person, the department, or both. */
export const REFERENCE_TELLS: Readonly<
  Record<SubjectReferenceKind, readonly ('person' | 'dept')[]>
> = {
  CREDIT_RECORD: ['person', 'dept'],
  OBJECTION: ['person', 'dept'],
  REPAIR: ['person', 'dept'],
  MEASURE_CHECK: ['person', 'dept'],
  CONSENT: ['person'],
  CATALOG_ITEM: ['dept'],
};

/** One id of one kind, as an argument gave it (trimmed). */
export interface SubjectReference {
  kind: SubjectReferenceKind;
  id: string;
}

/** The argument of a root field that names its data, and what it names. */
export interface ReferenceArgument {
  argument: string;
  kind: SubjectReferenceKind;
}

/**
 * Root fields whose subject an argument names by id (`Type.field` → argument and kind). A deny
 * rule with a data condition may name only these fields, and only where the kind tells what its
 * condition compares (REFERENCE_TELLS): the policy loader refuses anything else, so a deny rule
 * can never silently not apply for want of data.
 */
export const REFERENCE_ARGUMENTS: ReadonlyMap<string, ReferenceArgument> = new Map([
  ['Mutation.fileObjection', { argument: 'recordId', kind: 'CREDIT_RECORD' }],
  ['Mutation.applyForRepair', { argument: 'recordId', kind: 'CREDIT_RECORD' }],
  ['Mutation.decideObjection', { argument: 'objectionId', kind: 'OBJECTION' }],
  ['Mutation.decideRepair', { argument: 'repairId', kind: 'REPAIR' }],
  ['Mutation.reportMeasureFeedback', { argument: 'checkId', kind: 'MEASURE_CHECK' }],
  ['Mutation.revokeConsent', { argument: 'id', kind: 'CONSENT' }],
  ['Mutation.recordGoodConduct', { argument: 'kind', kind: 'CATALOG_ITEM' }],
]);

/**
 * Root fields that always act on the caller's own person (a citizen's token names it; there is
 * no person argument to trust or forge).
 */
export const CALLER_OWN_FIELDS: ReadonlySet<string> = new Set([
  'Mutation.grantConsent',
  'Query.myAccessLog',
]);

/** Longest id accepted in a reference; a longer one names nothing (and is not looked up). */
export const MAX_REFERENCE_ID_LENGTH = 200;

/** A stable text key of a reference, for maps and caches. */
export function referenceKey(reference: SubjectReference): string {
  return `${reference.kind}:${reference.id}`;
}
