import type { OccupationFeedEntry } from '../../kit/occupation-feed-store';
import type { FeedEntryReader } from '../collector/fetch-feed-page';
import { isObject } from '../collector/fetch-feed-page';

/** An occupation feed entry as the collector reads it. */
export type CollectedOccupation = OccupationFeedEntry & { changeSeq: string };

const TEXT_FIELDS = ['licenceId', 'personId', 'occupation', 'since', 'changeSeq'] as const;
const STATUSES = ['ACTIVE', 'SUSPENDED', 'REVOKED', 'CANCELLED'] as const;

function statusOf(value: unknown, where: string): CollectedOccupation['status'] {
  const status = STATUSES.find((candidate) => candidate === value);
  if (!status) throw new Error(`${where}.status: unknown status ${JSON.stringify(value)}`);
  return status;
}

/** Checks one entry field by field, naming the first wrong one. */
function readOccupation(raw: unknown, where: string): CollectedOccupation {
  if (!isObject(raw)) throw new Error(`${where}: not an object`);
  const text: Record<string, string> = {};
  for (const field of TEXT_FIELDS) {
    const value = raw[field];
    if (typeof value !== 'string') throw new Error(`${where}.${field}: expected a string`);
    text[field] = value;
  }
  const changed = raw.statusChangedAt;
  if (changed !== null && typeof changed !== 'string') {
    throw new Error(`${where}.statusChangedAt: expected a string or null`);
  }
  return {
    licenceId: text.licenceId,
    personId: text.personId,
    occupation: text.occupation,
    status: statusOf(raw.status, where),
    since: text.since,
    statusChangedAt: changed,
    changeSeq: text.changeSeq,
  };
}

/** The occupation feed (`OccupationFeedPage`) entries, for the generic feed collector. */
export const OCCUPATION_ENTRY_READER: FeedEntryReader<CollectedOccupation> = {
  selection: 'licenceId personId occupation status since statusChangedAt changeSeq',
  read: readOccupation,
};
