import type { CreditFeedEntry } from '../kit/credit-feed-store';
import { licensingFeedHistory } from '../kit/licensing/licensing-feed-history';
import type { LicensingRecords } from '../kit/licensing/licensing-records';

/**
 * The catalog item of a sanction: a suspension of practice (停止执业), a revocation (吊销法律服务
 * 执业证书), or a warning or fine (法律服务执业处罚).
 */
export function justiceCatalogCode(kind: string): string {
  if (kind === 'SUSPENSION') return 'JUSTICE_PRACTICE_SUSPENDED';
  if (kind === 'REVOCATION') return 'JUSTICE_LICENCE_REVOKED';
  return 'JUSTICE_DISCIPLINARY_SANCTION';
}

/** The feed history of the justice bureau's records: its sanctions only. */
export function justiceFeedHistory(records: LicensingRecords): CreditFeedEntry[] {
  return licensingFeedHistory(records, justiceCatalogCode);
}
