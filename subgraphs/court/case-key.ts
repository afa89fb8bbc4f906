import { createHash } from 'node:crypto';

/**
 * The opaque same-case key of an enforcement case on the credit feed: the first 32 hex digits of
 * sha256 over the case number. Records of one case (the dishonest-debtor listing and the
 * consumption restriction) share it, so the credit platform counts the case once; the case
 * number itself stays in the court's own records and is not what the platform compares.
 */
export function caseKeyOf(caseNo: string): string {
  return createHash('sha256').update(`court-case:${caseNo}`).digest('hex').slice(0, 32);
}
