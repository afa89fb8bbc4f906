import type { OccupationFeedEntry } from '../occupation-feed-store';
import type { LicenceRecord } from './licensing-records';

/** The occupation-feed version of a licence: no number and no workplace leave the department. */
export function occupationFeedEntry(licence: LicenceRecord): OccupationFeedEntry {
  return {
    licenceId: licence.id,
    personId: licence.personId,
    occupation: licence.occupation,
    status: licence.status,
    since: licence.issuedAt,
    statusChangedAt: licence.statusChangedAt,
  };
}
