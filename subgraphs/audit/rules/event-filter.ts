/**
 * Validates the AuditEventFilter argument of Query.auditEvents into a lib/audit search filter:
 * every malformed value is a BAD_USER_INPUT naming `filter.<field>` before the store is touched.
 */
import { DEPARTMENTS, PURPOSES } from '../../../lib/auth/caller';
import type { AuditSearchFilter } from '../../../lib/audit/search';
import { timeBound } from '../../../lib/audit/time-bound';
import { validateCitizenId } from '../../../lib/ids/citizen-id';
import { citizenIdArg } from '../../kit/arguments';
import { badUserInput } from '../../kit/errors';

/** The GraphQL input as it arrives (enums as their names). */
export interface AuditEventFilterInput {
  from?: string | null;
  to?: string | null;
  dept?: string | null;
  user?: string | null;
  subjectId?: string | null;
  purpose?: string | null;
  caseRef?: string | null;
  result?: 'ALLOWED' | 'PARTIAL' | 'DENIED' | 'ERROR' | null;
  writer?: string | null;
  requestId?: string | null;
  kind?: 'OPERATION' | 'RESOLVER' | null;
}

/** The search filter, and whether searching it needs the audit HMAC key. */
export interface ValidatedEventFilter {
  filter: AuditSearchFilter;
  needsHmacKey: boolean;
}

function present(value: string | null | undefined): value is string {
  return value !== undefined && value !== null;
}

function bound(argument: string, value: string, side: 'from' | 'to'): string {
  try {
    timeBound(value, side);
  } catch (error) {
    throw badUserInput(argument, error instanceof Error ? error.message : String(error));
  }
  return value;
}

function oneOf(argument: string, value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) {
    throw badUserInput(
      argument,
      `unknown value "${value}" (expected one of ${allowed.join(', ')})`,
    );
  }
  return value;
}

/** The validated filter; throws BAD_USER_INPUT naming the first bad field. */
export function eventFilterArg(
  input: AuditEventFilterInput | null | undefined,
): ValidatedEventFilter {
  const given = input ?? {};
  const filter: AuditSearchFilter = {};
  if (present(given.from)) filter.from = bound('filter.from', given.from, 'from');
  if (present(given.to)) filter.to = bound('filter.to', given.to, 'to');
  if (present(given.dept)) filter.dept = oneOf('filter.dept', given.dept, DEPARTMENTS);
  if (present(given.user)) filter.user = given.user;
  if (present(given.subjectId)) filter.subject = citizenIdArg('filter.subjectId', given.subjectId);
  if (present(given.purpose)) {
    filter.purpose = oneOf('filter.purpose', given.purpose, Object.keys(PURPOSES));
  }
  if (present(given.caseRef)) filter.caseRef = given.caseRef;
  if (present(given.result)) filter.result = given.result.toLowerCase();
  if (present(given.writer)) filter.writer = given.writer;
  if (present(given.requestId)) filter.requestId = given.requestId;
  if (present(given.kind)) filter.kind = given.kind === 'OPERATION' ? 'operation' : 'resolver';
  return {
    filter,
    needsHmacKey:
      filter.subject !== undefined ||
      (filter.user !== undefined && validateCitizenId(filter.user).ok),
  };
}
