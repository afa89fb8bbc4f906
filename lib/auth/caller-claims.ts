/**
 * Strict validation of the identity claims of a token (DESIGN §3), shared by the gateway (user
 * JWTs), the subgraphs (internal context tokens) and `npm run token`.
 *
 * API:
 *   callerIdentityFromClaims(claims) -> CallerIdentity   (sub, clientType, dept, roles, personId, org)
 *   callerFromClaims(value)          -> Caller           (identity + purpose, caseRef, consents)
 * Both throw InvalidClaimsError naming the claim and why; ids come back normalized.
 */
import { validateCitizenId } from '../ids/citizen-id';
import { validateUscc } from '../ids/uscc';
import { CLIENT_TYPES, DEPARTMENTS, PURPOSES } from './caller';
import type {
  Caller,
  CallerIdentity,
  ClientType,
  ConsentGrant,
  Department,
  Purpose,
} from './caller';

/** A token's claims do not describe a valid caller; the message names the claim. */
export class InvalidClaimsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidClaimsError';
  }
}

/** X-Case-Ref / `caseRef`: a business matter number (办件编号), 1-64 of [A-Za-z0-9-_/]. */
export const CASE_REF_PATTERN = /^[A-Za-z0-9_/-]{1,64}$/;

/** Client types that act for a department and so must name it in `dept`. */
export const DEPARTMENT_CLIENT_TYPES: readonly ClientType[] = [
  'officer',
  'system',
  'auditor',
  'developer',
];

const MAX_SUB_LENGTH = 256;
const MAX_ROLES = 64;
const MAX_ROLE_LENGTH = 64;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

function readSub(claims: Record<string, unknown>): string {
  const { sub } = claims;
  if (typeof sub !== 'string' || sub.trim() === '') {
    throw new InvalidClaimsError('claim sub is missing or empty');
  }
  if (sub.length > MAX_SUB_LENGTH) {
    throw new InvalidClaimsError(`claim sub is longer than ${MAX_SUB_LENGTH} characters`);
  }
  return sub;
}

function readClientType(claims: Record<string, unknown>): ClientType {
  const { clientType } = claims;
  if (clientType === undefined) throw new InvalidClaimsError('claim clientType is missing');
  if (!isOneOf(CLIENT_TYPES, clientType)) {
    throw new InvalidClaimsError(
      `claim clientType ${describe(clientType)} is not one of ${CLIENT_TYPES.join(', ')}`,
    );
  }
  return clientType;
}

function readDept(claims: Record<string, unknown>, clientType: ClientType): Department | undefined {
  const { dept } = claims;
  const needsDept = DEPARTMENT_CLIENT_TYPES.includes(clientType);
  if (dept === undefined) {
    if (needsDept) throw new InvalidClaimsError(`claim dept is required for ${clientType} clients`);
    return undefined;
  }
  if (!needsDept) {
    throw new InvalidClaimsError(`claim dept is not allowed for ${clientType} clients`);
  }
  if (!isOneOf(DEPARTMENTS, dept)) {
    throw new InvalidClaimsError(
      `claim dept ${describe(dept)} is not one of ${DEPARTMENTS.join(', ')}`,
    );
  }
  return dept;
}

function readRoles(claims: Record<string, unknown>): string[] {
  const { roles } = claims;
  if (!Array.isArray(roles))
    throw new InvalidClaimsError('claim roles must be an array of strings');
  if (roles.length > MAX_ROLES) {
    throw new InvalidClaimsError(`claim roles has more than ${MAX_ROLES} entries`);
  }
  for (const role of roles) {
    if (typeof role !== 'string' || role === '' || role.length > MAX_ROLE_LENGTH) {
      throw new InvalidClaimsError(
        `claim roles must hold non-empty strings of at most ${MAX_ROLE_LENGTH} characters, got ${describe(role)}`,
      );
    }
  }
  return roles.map(String);
}

function readPersonId(claims: Record<string, unknown>, clientType: ClientType): string | undefined {
  const { personId } = claims;
  if (clientType !== 'citizen') {
    if (personId !== undefined) {
      throw new InvalidClaimsError(`claim personId is only for citizen clients, not ${clientType}`);
    }
    return undefined;
  }
  if (personId === undefined)
    throw new InvalidClaimsError('claim personId is required for citizen clients');
  const id = validateCitizenId(personId);
  if (!id.ok)
    throw new InvalidClaimsError(`claim personId is not a valid citizen id: ${id.reason}`);
  return id.value;
}

function readOrg(claims: Record<string, unknown>, clientType: ClientType): string | undefined {
  const { org } = claims;
  if (clientType !== 'org') {
    if (org !== undefined) {
      throw new InvalidClaimsError(`claim org is only for org clients, not ${clientType}`);
    }
    return undefined;
  }
  if (org === undefined) throw new InvalidClaimsError('claim org is required for org clients');
  const code = validateUscc(org);
  if (!code.ok) {
    throw new InvalidClaimsError(
      `claim org is not a valid unified social credit code: ${code.reason}`,
    );
  }
  return code.value;
}

/** Validates the identity claims of a token; other claims (iss, exp, ...) are ignored. */
export function callerIdentityFromClaims(claims: unknown): CallerIdentity {
  if (!isRecord(claims)) throw new InvalidClaimsError('claims must be a JSON object');
  const sub = readSub(claims);
  const clientType = readClientType(claims);
  const dept = readDept(claims, clientType);
  const roles = readRoles(claims);
  const personId = readPersonId(claims, clientType);
  const org = readOrg(claims, clientType);
  return {
    sub,
    clientType,
    ...(dept !== undefined && { dept }),
    roles,
    ...(personId !== undefined && { personId }),
    ...(org !== undefined && { org }),
  };
}

function readPurpose(value: Record<string, unknown>): Purpose | undefined {
  const { purpose } = value;
  if (purpose === undefined) return undefined;
  if (!isOneOf(Object.keys(PURPOSES) as Purpose[], purpose)) {
    throw new InvalidClaimsError(`purpose ${describe(purpose)} is not a known purpose`);
  }
  return purpose;
}

function readCaseRef(value: Record<string, unknown>): string | undefined {
  const { caseRef } = value;
  if (caseRef === undefined) return undefined;
  if (typeof caseRef !== 'string' || !CASE_REF_PATTERN.test(caseRef)) {
    throw new InvalidClaimsError('caseRef must be 1-64 characters of A-Z a-z 0-9 - _ /');
  }
  return caseRef;
}

function readConsent(value: unknown, index: number): ConsentGrant {
  const where = `consents[${index}]`;
  if (!isRecord(value)) throw new InvalidClaimsError(`${where} must be an object`);
  const personId = validateCitizenId(value.personId);
  if (!personId.ok) {
    throw new InvalidClaimsError(`${where}.personId is not a valid citizen id: ${personId.reason}`);
  }
  const { scopes, expiresAt } = value;
  if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string')) {
    throw new InvalidClaimsError(`${where}.scopes must be an array of strings`);
  }
  if (typeof expiresAt !== 'string' || Number.isNaN(Date.parse(expiresAt))) {
    throw new InvalidClaimsError(`${where}.expiresAt must be an ISO timestamp`);
  }
  return { personId: personId.value, scopes: scopes.map(String), expiresAt };
}

function readConsents(value: Record<string, unknown>): ConsentGrant[] | undefined {
  const { consents } = value;
  if (consents === undefined) return undefined;
  if (!Array.isArray(consents)) throw new InvalidClaimsError('consents must be an array');
  return consents.map(readConsent);
}

/** Validates a whole Caller (identity plus purpose, caseRef and consents). */
export function callerFromClaims(value: unknown): Caller {
  const identity = callerIdentityFromClaims(value);
  const record = value as Record<string, unknown>;
  const purpose = readPurpose(record);
  const caseRef = readCaseRef(record);
  const consents = readConsents(record);
  return {
    ...identity,
    ...(purpose !== undefined && { purpose }),
    ...(caseRef !== undefined && { caseRef }),
    ...(consents !== undefined && { consents }),
  };
}
