/**
 * Reads the declared purpose of use and business matter number of a request (DESIGN §3) from
 * headers `X-Purpose` and `X-Case-Ref`, for an already authenticated identity.
 *
 * API:
 *   const { purpose, caseRef } = readPurpose(identity, req.headers);   // or an Apollo HeaderMap
 *   const caller: Caller = { ...identity, ...readPurpose(identity, req.headers) };
 *
 * Rules: citizens default to SELF_QUERY and auditors to AUDIT_REVIEW; SELF_QUERY is for citizens
 * only and AUDIT_REVIEW for auditors only; every other purpose needs an X-Case-Ref of 1-64
 * characters of [A-Za-z0-9-_/]. Other clients may send no purpose: the policy check then refuses
 * person data ("purpose required for person data"), which only it can tell apart.
 * Refusals are GraphQLErrors: BAD_USER_INPUT (HTTP 400) for a bad or missing header value,
 * FORBIDDEN (HTTP 403) for a purpose this kind of client may not declare. Throw them from
 * Apollo's context function, where `extensions.http.status` sets the response status.
 */
import { GraphQLError } from 'graphql';
import { PURPOSES } from '../../lib/auth/caller';
import type { CallerIdentity, ClientType, Purpose } from '../../lib/auth/caller';
import { CASE_REF_PATTERN } from '../../lib/auth/caller-claims';

/** Node's `req.headers` or any map of lower-case header names (Apollo's HeaderMap). */
export type RequestHeaders =
  | Readonly<Record<string, string | string[] | undefined>>
  | ReadonlyMap<string, string>;

/** The request's purpose of use and case reference, both optional. */
export interface DeclaredPurpose {
  purpose?: Purpose;
  caseRef?: string;
}

/** Purposes that need no X-Case-Ref: the subject or the audit team is asking, not a matter. */
const NO_CASE_REF: readonly Purpose[] = ['SELF_QUERY', 'AUDIT_REVIEW'];
/** Purpose implied when a client of this type sends none. */
const DEFAULT_PURPOSE: Partial<Record<ClientType, Purpose>> = {
  citizen: 'SELF_QUERY',
  auditor: 'AUDIT_REVIEW',
};
/** Purposes reserved to one client type. */
const RESERVED_PURPOSE: Partial<Record<Purpose, ClientType>> = {
  SELF_QUERY: 'citizen',
  AUDIT_REVIEW: 'auditor',
};

function header(headers: RequestHeaders, name: string): string | undefined {
  const raw =
    headers instanceof Map ? headers.get(name) : (headers as Record<string, unknown>)[name];
  const value = Array.isArray(raw) ? raw.join(', ') : raw;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The purposes a client of this type may declare, in DESIGN order. */
export function allowedPurposes(clientType: ClientType): Purpose[] {
  return (Object.keys(PURPOSES) as Purpose[]).filter((purpose) => {
    const reservedTo = RESERVED_PURPOSE[purpose];
    return reservedTo === undefined || reservedTo === clientType;
  });
}

function badInput(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...extensions, http: { status: 400 } },
  });
}

function isPurpose(value: string): value is Purpose {
  return Object.prototype.hasOwnProperty.call(PURPOSES, value);
}

/** Validates X-Purpose and X-Case-Ref for this identity; see the file comment for the rules. */
export function readPurpose(identity: CallerIdentity, headers: RequestHeaders): DeclaredPurpose {
  const allowed = allowedPurposes(identity.clientType);
  const declared = header(headers, 'x-purpose');
  const caseRef = header(headers, 'x-case-ref');

  if (declared !== undefined && !isPurpose(declared)) {
    const list = allowed.map((purpose) => `${purpose} (${PURPOSES[purpose]})`).join(', ');
    throw badInput(`Unknown X-Purpose "${declared}". Allowed values: ${list}.`, {
      header: 'X-Purpose',
      allowed,
    });
  }
  const purpose = declared ?? DEFAULT_PURPOSE[identity.clientType];

  if (purpose !== undefined && !allowed.includes(purpose)) {
    const reservedTo = RESERVED_PURPOSE[purpose];
    throw new GraphQLError(
      `X-Purpose ${purpose} (${PURPOSES[purpose]}) is only for ${reservedTo} clients, not ${identity.clientType}.`,
      { extensions: { code: 'FORBIDDEN', header: 'X-Purpose', allowed, http: { status: 403 } } },
    );
  }
  if (caseRef !== undefined && !CASE_REF_PATTERN.test(caseRef)) {
    throw badInput('X-Case-Ref must be 1-64 characters of A-Z a-z 0-9 - _ /.', {
      header: 'X-Case-Ref',
    });
  }
  if (purpose !== undefined && caseRef === undefined && !NO_CASE_REF.includes(purpose)) {
    throw badInput(
      `X-Case-Ref (办件编号, the business matter number) is required with X-Purpose ${purpose} (${PURPOSES[purpose]}).`,
      { header: 'X-Case-Ref' },
    );
  }
  return {
    ...(purpose !== undefined && { purpose }),
    ...(caseRef !== undefined && { caseRef }),
  };
}
