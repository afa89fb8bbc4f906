import { adultFrom } from '../../../lib/civil-time/adult-from';
import { birthDateOf } from '../../../lib/ids/citizen-id';

/**
 * The first day a decision about the person `personId` may be published: the day they are 18
 * (lib/civil-time adultFrom, the one age rule) by the birth date in their id; null when the id
 * carries no real birth date, and such a decision is never published (unknown is not adult).
 */
export function publishableFrom(personId: string): string | null {
  return /^\d{14}/.test(personId) ? adultFrom(birthDateOf(personId)) : null;
}

/** Whether a decision dated `decidedAt` about `personId` may be published (see publishableFrom). */
export function publishableAbout(personId: string, decidedAt: string): boolean {
  const from = publishableFrom(personId);
  return from !== null && decidedAt >= from;
}
