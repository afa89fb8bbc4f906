import { isAdultOn } from '../../lib/civil-time/is-adult-on';
import { birthDateOf } from '../../lib/ids/citizen-id';

/**
 * Seed task 23: the education integrity file (诚信档案) keeps a record only if the person was 18
 * or older on its decision date (lib/civil-time: adult from the day after the 18th birthday, the
 * one age rule of the system). Minors' conduct is left to their schools, never to the credit
 * system. Applied when recording (the store refuses, the seed skips) and when reading (the file and
 * the credit feed never show such a record), so rows from before the rule stay invisible.
 */
export function mayKeepIntegrityRecord(record: { personId: string; decidedAt: string }): boolean {
  return isAdultOn(birthDateOf(record.personId), record.decidedAt);
}
