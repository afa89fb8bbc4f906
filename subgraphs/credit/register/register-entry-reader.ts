import type { FeedEntryReader } from '../collector/fetch-feed-page';
import { isObject } from '../collector/fetch-feed-page';
import type { RegisterEntry } from './register-entry';

/** A register feed entry as the collector reads it. */
export type CollectedRegisterEntry = RegisterEntry & { changeSeq: string };

const STATUSES = ['ACTIVE', 'CANCELLED', 'DECEASED', 'MIGRATED_OUT'];
const ISSUES = ['DUPLICATE', 'ERRONEOUS', 'FALSIFIED', 'UNREGISTERED', 'DECEASED_NOT_CANCELLED'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks one entry field by field, naming the first wrong one. */
function readRegisterEntry(raw: unknown, where: string): CollectedRegisterEntry {
  if (!isObject(raw)) throw new Error(`${where}: not an object`);
  const { personId, householdStatus, registrationIssues, registeredSince, changeSeq } = raw;
  if (typeof personId !== 'string' || personId.length !== 18) {
    throw new Error(`${where}.personId: expected an 18-character citizen id`);
  }
  if (typeof householdStatus !== 'string' || !STATUSES.includes(householdStatus)) {
    throw new Error(`${where}.householdStatus: unknown status ${JSON.stringify(householdStatus)}`);
  }
  if (
    !Array.isArray(registrationIssues) ||
    registrationIssues.length > ISSUES.length ||
    !registrationIssues.every((issue) => typeof issue === 'string' && ISSUES.includes(issue))
  ) {
    throw new Error(`${where}.registrationIssues: expected a list of known issues`);
  }
  if (
    registeredSince !== null &&
    (typeof registeredSince !== 'string' || !ISO_DATE.test(registeredSince))
  ) {
    throw new Error(`${where}.registeredSince: expected an ISO date or null`);
  }
  if (typeof changeSeq !== 'string') throw new Error(`${where}.changeSeq: expected a string`);
  return {
    personId,
    householdStatus,
    registrationIssues: registrationIssues as string[],
    registeredSince,
    changeSeq,
  };
}

/** The population register feed (`RegisterFeedPage`) entries, for the generic feed collector. */
export const REGISTER_ENTRY_READER: FeedEntryReader<CollectedRegisterEntry> = {
  selection: 'personId householdStatus registrationIssues registeredSince changeSeq',
  read: readRegisterEntry,
};
