import { validateCitizenId } from './citizen-id';

/** A run of 17 or more digits, with a check character after it: where citizen ids can hide. */
const DIGIT_RUN = /\d{17,}[Xx]?/g;
const ID_LENGTH = 18;

/**
 * Masks every valid citizen id inside a run of digits: each 18-character window of the run is
 * tried, and a valid id's birth date and sequence become `********` (511921********1234).
 */
function maskRun(run: string): string {
  const chars = [...run];
  for (let start = 0; start + ID_LENGTH <= run.length; start += 1) {
    if (validateCitizenId(run.slice(start, start + ID_LENGTH)).ok) {
      for (let at = start + 6; at < start + 14; at += 1) chars[at] = '*';
    }
  }
  return chars.join('');
}

/**
 * `text` with every valid citizen id in it masked (511921********1234), wherever it stands: alone,
 * glued to letters (`CASE511921198503150012`), inside a longer run of digits or a made-up hash.
 * The safety net of the audit store and of the logs, which must never hold an id in clear
 * whatever message carried it. A real sha256 digest almost never holds 18 decimal digits in a
 * row that also pass the id's date and check-digit rules.
 */
export function maskCitizenIdsInText(text: string): string {
  return text.replace(DIGIT_RUN, maskRun);
}
