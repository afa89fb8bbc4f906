import type { DisclosureFeedEntry } from '../../kit/disclosure-feed-store';
import type { FeedEntryReader } from '../collector/fetch-feed-page';
import { isObject } from '../collector/fetch-feed-page';

/** A disclosure feed entry as the collector reads it. */
export type CollectedDisclosure = DisclosureFeedEntry & { changeSeq: string };

const TEXT_FIELDS = [
  'sourceRecordId',
  'personId',
  'partyName',
  'decisionNo',
  'decidedAt',
  'disclosureItem',
  'authority',
  'changeSeq',
] as const;
const KINDS = ['LICENSING', 'PENALTY'];
const STATUSES = ['ACTIVE', 'REVOKED'];

function optionalText(raw: Record<string, unknown>, field: string, where: string): string | null {
  const value = raw[field];
  if (value !== null && typeof value !== 'string') {
    throw new Error(`${where}.${field}: expected a string or null`);
  }
  return value;
}

/** A catalog code (upper-case letters, digits, underscores, at most 64) or null. */
function catalogCodeOf(value: unknown, where: string): string | null {
  if (value === null) return null;
  if (typeof value !== 'string' || !/^[A-Z][A-Z0-9_]{0,63}$/.test(value)) {
    throw new Error(`${where}.catalogCode: expected a catalog code or null`);
  }
  return value;
}

/** Checks one entry field by field, naming the first wrong one. */
function readDisclosure(raw: unknown, where: string): CollectedDisclosure {
  if (!isObject(raw)) throw new Error(`${where}: not an object`);
  const text: Record<string, string> = {};
  for (const field of TEXT_FIELDS) {
    const value = raw[field];
    if (typeof value !== 'string') throw new Error(`${where}.${field}: expected a string`);
    text[field] = value;
  }
  const { kind, status } = raw;
  if (typeof kind !== 'string' || !KINDS.includes(kind)) {
    throw new Error(`${where}.kind: unknown kind ${JSON.stringify(kind)}`);
  }
  if (typeof status !== 'string' || !STATUSES.includes(status)) {
    throw new Error(`${where}.status: unknown status ${JSON.stringify(status)}`);
  }
  return {
    sourceRecordId: text.sourceRecordId,
    kind: kind === 'LICENSING' ? 'LICENSING' : 'PENALTY',
    personId: text.personId,
    partyName: text.partyName,
    decisionNo: text.decisionNo,
    decidedAt: text.decidedAt,
    disclosureItem: text.disclosureItem,
    authority: text.authority,
    validUntil: optionalText(raw, 'validUntil', where),
    status: status === 'REVOKED' ? 'REVOKED' : 'ACTIVE',
    statusChangedAt: optionalText(raw, 'statusChangedAt', where),
    catalogCode: catalogCodeOf(raw.catalogCode ?? null, where),
    changeSeq: text.changeSeq,
  };
}

/** The disclosure feed (`DisclosureFeedPage`) entries, for the generic feed collector. */
export const DISCLOSURE_ENTRY_READER: FeedEntryReader<CollectedDisclosure> = {
  selection:
    'sourceRecordId kind personId partyName decisionNo decidedAt disclosureItem authority ' +
    'validUntil ' +
    'status statusChangedAt catalogCode changeSeq',
  read: readDisclosure,
};
