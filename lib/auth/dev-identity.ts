/**
 * The identity a development token is minted for, from loose input (the `npm run token` command
 * line, the gateway's dev sign-in form): client type inferred, department and ids validated and
 * normalized, a default `sub` that never carries a citizen id. Both minting paths use it, so the
 * CLI and the pages sign exactly the same identities, and only identities the gateway accepts.
 *
 * API:
 *   devIdentity({ client: 'officer', dept: 'court', roles: 'officer' })
 *   // { sub: 'dev-officer-court', clientType: 'officer', dept: 'COURT', roles: ['officer'] }
 *   devIdentity(input, (field) => `--${field}`)   // messages name the CLI's options
 * Throws DevIdentityError with a message naming the field and what to change.
 */
import { CLIENT_TYPES, DEPARTMENTS } from './caller';
import type { CallerIdentity, ClientType, Department } from './caller';
import {
  DEPARTMENT_CLIENT_TYPES,
  InvalidClaimsError,
  callerIdentityFromClaims,
} from './caller-claims';
import { validateCitizenId } from '../ids/citizen-id';
import { validateUscc } from '../ids/uscc';

/** What a caller asks a development token for; every field optional, as typed by people. */
export interface DevIdentityRequest {
  /** Client type (default: citizen with `person`, org with `org`, else officer). */
  client?: string;
  /** Department code, any case (officer, system, auditor, developer only). */
  dept?: string;
  /** Roles, comma-separated or a list. */
  roles?: string | readonly string[];
  /** Citizen id (citizen only). */
  person?: string;
  /** Unified social credit code (org only). */
  org?: string;
  /** Subject; default derived from client, department, person or organisation. */
  sub?: string;
}

/** The fields of a DevIdentityRequest, as messages name them. */
export type DevIdentityField = 'client' | 'dept' | 'roles' | 'person' | 'org' | 'sub';

/** The request does not describe a valid identity; the message says what to change. */
export class DevIdentityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DevIdentityError';
  }
}

type Spell = (field: DevIdentityField) => string;

function parseClient(spell: Spell, value?: string, person?: string, org?: string): ClientType {
  if (value === undefined)
    return person !== undefined ? 'citizen' : org !== undefined ? 'org' : 'officer';
  const client = value.trim().toLowerCase();
  const known = CLIENT_TYPES.find((candidate) => candidate === client);
  if (!known) {
    throw new DevIdentityError(
      `unknown ${spell('client')} ${value} (one of ${CLIENT_TYPES.join(', ')})`,
    );
  }
  return known;
}

function parseDept(
  spell: Spell,
  value: string | undefined,
  client: ClientType,
): Department | undefined {
  const needsDept = DEPARTMENT_CLIENT_TYPES.includes(client);
  if (value === undefined) {
    if (needsDept) {
      throw new DevIdentityError(
        `${spell('client')} ${client} needs ${spell('dept')} (one of ${DEPARTMENTS.join(', ')})`,
      );
    }
    return undefined;
  }
  if (!needsDept) {
    throw new DevIdentityError(`${spell('dept')} is not used with ${spell('client')} ${client}`);
  }
  const dept = value.trim().toUpperCase();
  const known = DEPARTMENTS.find((candidate) => candidate === dept);
  if (!known) {
    throw new DevIdentityError(
      `unknown ${spell('dept')} ${value} (one of ${DEPARTMENTS.join(', ')})`,
    );
  }
  return known;
}

function parsePerson(
  spell: Spell,
  value: string | undefined,
  client: ClientType,
): string | undefined {
  if (client !== 'citizen') {
    if (value !== undefined) {
      throw new DevIdentityError(`${spell('person')} is only for ${spell('client')} citizen`);
    }
    return undefined;
  }
  if (value === undefined) {
    throw new DevIdentityError(`${spell('client')} citizen needs ${spell('person')} <citizen id>`);
  }
  const id = validateCitizenId(value);
  if (!id.ok) {
    throw new DevIdentityError(
      `${spell('person')} ${value} is not a valid citizen id: ${id.reason}`,
    );
  }
  return id.value;
}

function parseOrg(spell: Spell, value: string | undefined, client: ClientType): string | undefined {
  if (client !== 'org') {
    if (value !== undefined) {
      throw new DevIdentityError(`${spell('org')} is only for ${spell('client')} org`);
    }
    return undefined;
  }
  if (value === undefined) {
    throw new DevIdentityError(
      `${spell('client')} org needs ${spell('org')} <unified social credit code>`,
    );
  }
  const code = validateUscc(value);
  if (!code.ok) {
    throw new DevIdentityError(
      `${spell('org')} ${value} is not a valid unified social credit code: ${code.reason}`,
    );
  }
  return code.value;
}

function defaultSub(client: ClientType, dept?: Department, person?: string, org?: string): string {
  // Not the full citizen id: `sub` appears in logs and audit records in clear (DESIGN §5).
  if (person !== undefined) return `dev-citizen-${person.slice(-4)}`;
  if (org !== undefined) return `dev-org-${org}`;
  return dept !== undefined ? `dev-${client}-${dept.toLowerCase()}` : `dev-${client}`;
}

/** Validates a request into the identity to sign; see the file comment. */
export function devIdentity(
  request: DevIdentityRequest,
  spell: Spell = (field) => field,
): CallerIdentity {
  const client = parseClient(spell, request.client, request.person, request.org);
  const dept = parseDept(spell, request.dept, client);
  const personId = parsePerson(spell, request.person, client);
  const org = parseOrg(spell, request.org, client);
  const roles = (
    typeof request.roles === 'string' ? request.roles.split(',') : (request.roles ?? [])
  )
    .map((role) => role.trim())
    .filter((role) => role !== '');
  if (request.sub !== undefined && request.sub.trim() === '') {
    throw new DevIdentityError(`${spell('sub')} must not be empty`);
  }
  const sub = request.sub ?? defaultSub(client, dept, personId, org);
  try {
    // The gateway's own rules, so no token is minted that the gateway would refuse.
    return callerIdentityFromClaims({ sub, clientType: client, dept, roles, personId, org });
  } catch (error) {
    if (error instanceof InvalidClaimsError) throw new DevIdentityError(error.message);
    throw error;
  }
}
