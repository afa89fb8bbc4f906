import type { CreditFeedEntry } from '../kit/credit-feed-store';
import { licensingFeedHistory } from '../kit/licensing/licensing-feed-history';
import type { LicensingRecords } from '../kit/licensing/licensing-records';

/**
 * The catalog item of a violation decision: a revocation is serious dishonesty (吊销医护执业证书),
 * a warning or a suspension a professional violation (医师执业违规).
 */
export function healthCatalogCode(kind: string): string {
  return kind === 'REVOCATION' ? 'HEALTH_LICENCE_REVOKED' : 'HEALTH_PRACTICE_VIOLATION';
}

/** The feed history of the health bureau's records: its violation decisions only. */
export function healthFeedHistory(records: LicensingRecords): CreditFeedEntry[] {
  return licensingFeedHistory(records, healthCatalogCode);
}
