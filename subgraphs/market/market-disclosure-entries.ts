import type { DisclosureFeedEntry } from '../kit/disclosure-feed-store';
import { PENALTY_KIND_NAMES, penaltyFeedEntry } from './market-feed-entries';
import type { LicenseRecord, MarketRecords, PenaltyRecord } from './records';

/** Chinese names of licence kinds (许可事项), as the `LicenseKind` SDL enum describes them. */
const LICENSE_KIND_NAMES: Record<LicenseRecord['kind'], string> = {
  FOOD_BUSINESS: '食品经营许可',
  FOOD_PRODUCTION: '食品生产许可',
  SMALL_FOOD_WORKSHOP: '食品小作坊登记',
  DRUG_RETAIL: '药品经营许可（零售）',
  MEDICAL_DEVICE_BUSINESS: '医疗器械经营许可',
  SPECIAL_EQUIPMENT_OPERATOR: '特种设备安全管理和作业人员证',
};

/** The county bureau decides every penalty of the synthetic county. */
const PENALTY_AUTHORITY = '通江县市场监督管理局';

/**
 * The disclosure of a licensing decision. A licence revoked (吊销/撤销) withdraws it; the credit
 * platform publishes it while valid (through `validUntil`).
 */
export function licenseDisclosureEntry(
  license: LicenseRecord,
  partyName: string,
): DisclosureFeedEntry {
  return {
    sourceRecordId: license.id,
    kind: 'LICENSING',
    personId: license.personId,
    partyName,
    decisionNo: license.decisionNo,
    decidedAt: license.issuedAt,
    title: `${LICENSE_KIND_NAMES[license.kind]}（许可证编号 ${license.licenseNo}）`,
    authority: license.issuer,
    validUntil: license.validUntil,
    status: license.status === 'REVOKED' ? 'REVOKED' : 'ACTIVE',
    // The seed knows no revocation date: the licence's own history is not kept.
    statusChangedAt: null,
    catalogCode: null,
  };
}

/** The disclosure of a penalty decision; a penalty revoked on review or appeal withdraws it. */
export function penaltyDisclosureEntry(
  penalty: PenaltyRecord,
  partyName: string,
): DisclosureFeedEntry {
  const content =
    penalty.amount === null
      ? PENALTY_KIND_NAMES[penalty.kind]
      : `${PENALTY_KIND_NAMES[penalty.kind]}${penalty.amount}元`;
  return {
    sourceRecordId: penalty.id,
    kind: 'PENALTY',
    personId: penalty.personId,
    partyName,
    decisionNo: penalty.decisionNo,
    decidedAt: penalty.decidedAt,
    title: `${penalty.reason}；处罚：${content}`,
    authority: PENALTY_AUTHORITY,
    validUntil: null,
    status: penalty.status === 'REVOKED' ? 'REVOKED' : 'ACTIVE',
    statusChangedAt: penalty.status === 'REVOKED' ? penalty.statusChangedAt : null,
    // The same classification as on the credit feed (simple procedure: AMR_PENALTY_MINOR).
    catalogCode: penaltyFeedEntry(penalty).catalogCode,
  };
}

/**
 * The disclosure feed history of `records` as the outbox would have recorded it: each decision
 * published on its date and, if since revoked, withdrawn by a later version; in date order.
 * `names` gives each party's name as written in the decisions.
 */
export function marketDisclosureHistory(
  records: Pick<MarketRecords, 'licenses' | 'penalties'>,
  names: ReadonlyMap<string, string>,
): DisclosureFeedEntry[] {
  const latest = [
    ...records.licenses.map((l) => licenseDisclosureEntry(l, names.get(l.personId) ?? '')),
    ...records.penalties.map((p) => penaltyDisclosureEntry(p, names.get(p.personId) ?? '')),
  ];
  const events: { on: string; entry: DisclosureFeedEntry }[] = [];
  for (const entry of latest) {
    events.push({
      on: entry.decidedAt,
      entry: { ...entry, status: 'ACTIVE', statusChangedAt: null },
    });
    if (entry.status === 'REVOKED') {
      events.push({ on: entry.statusChangedAt ?? entry.decidedAt, entry });
    }
  }
  events.sort(
    (a, b) =>
      a.on.localeCompare(b.on) ||
      a.entry.sourceRecordId.localeCompare(b.entry.sourceRecordId) ||
      Number(a.entry.status === 'REVOKED') - Number(b.entry.status === 'REVOKED'),
  );
  return events.map((event) => event.entry);
}
