import type { CreditFeedEntry } from '../kit/credit-feed-store';
import { licensingFeedHistory } from '../kit/licensing/licensing-feed-history';
import type { LicensingRecords } from '../kit/licensing/licensing-records';

/** The catalog item of each kind of decision: the kinds and the items correspond one to one. */
export function hrssCatalogCode(kind: string): string {
  return `HRSS_${kind}`;
}

/** The feed history of the bureau's records: its decisions only (the register is not a record). */
export function hrssFeedHistory(records: LicensingRecords): CreditFeedEntry[] {
  return licensingFeedHistory(records, hrssCatalogCode);
}
