import { DEPARTMENT_CODES } from '../departments/department-codes';
import type { Department } from '../departments/department-registry';

export type { Department };

/** Department codes (DESIGN §3), from the department registry. */
export const DEPARTMENTS: readonly Department[] = DEPARTMENT_CODES;

/** Kinds of client (JWT claim `clientType`). */
export const CLIENT_TYPES = [
  'officer',
  'system',
  'citizen',
  'org',
  'auditor',
  'developer',
  'public',
] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];

/** Purposes of use (header `X-Purpose`), with the Chinese term for error messages and docs. */
export const PURPOSES = {
  ADMIN_LICENSING: '行政许可',
  ADMIN_ENFORCEMENT: '监管执法',
  JOINT_DISCIPLINE: '联合奖惩',
  PUBLIC_SERVICE: '公共服务',
  CREDIT_REPAIR: '异议与修复',
  JUDICIAL: '司法',
  AUTHORIZED_QUERY: '授权查询',
  DATA_ENTRY: '信息记录',
  SELF_QUERY: '本人查询',
  AUDIT_REVIEW: '审计复核',
} as const;
export type Purpose = keyof typeof PURPOSES;

/** A consent of one subject to an organisation, as carried in the internal context token. */
export interface ConsentGrant {
  /** Citizen id of the person who consented. */
  personId: string;
  /** Policy field names or scope names the consent covers. */
  scopes: string[];
  /** ISO timestamp after which the consent no longer applies. */
  expiresAt: string;
}

/**
 * Who is asking, for what, as established by the gateway from the JWT and headers, and passed to
 * every subgraph inside the signed internal context token.
 */
export interface Caller {
  /** User or system id (`sub`). */
  sub: string;
  /** Department code, absent for citizens, organisations and the public. */
  dept?: Department;
  roles: string[];
  clientType: ClientType;
  /** Citizen id, for `citizen` clients only. */
  personId?: string;
  /** Unified social credit code, for `org` clients only. */
  org?: string;
  purpose?: Purpose;
  caseRef?: string;
  /** Active consents of subjects to this organisation (`org` clients with AUTHORIZED_QUERY). */
  consents?: ConsentGrant[];
}

/**
 * Who is asking, as proven by the user's token alone: a Caller before the gateway adds the purpose,
 * case reference and consents of the request.
 */
export type CallerIdentity = Omit<Caller, 'purpose' | 'caseRef' | 'consents'>;
