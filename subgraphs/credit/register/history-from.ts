import { adultFrom } from '../../../lib/civil-time/adult-from';
import { birthDateOf } from '../../../lib/ids/citizen-id';
import type { RegisterEntry } from './register-entry';

/**
 * The first day of the county's credit history of a person: the later of the day they turned 18
 * (lib/civil-time: no credit records are kept about minors) and the day their household
 * registration in the county began. Null when the register does not know the person (the county
 * has no history of them) or the id carries no real birth date.
 */
export function historyFrom(personId: string, entry: RegisterEntry | null): string | null {
  if (entry === null || !/^\d{14}/.test(personId)) return null;
  const adult = adultFrom(birthDateOf(personId));
  if (adult === null) return null;
  const since = entry.registeredSince;
  return since !== null && since > adult ? since : adult;
}
