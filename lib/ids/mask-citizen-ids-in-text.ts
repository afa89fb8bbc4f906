import { maskIdNumber } from '../policy/maskers';
import { validateCitizenId } from './citizen-id';

/** An 18-character citizen id standing alone (not inside a longer token such as a hex hash). */
const CITIZEN_ID_IN_TEXT = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;

/**
 * `text` with every valid citizen id in it masked (511921********1234): the safety net of the
 * audit store and of the logs, which must never hold an id in clear whatever message carried it.
 */
export function maskCitizenIdsInText(text: string): string {
  return text.replace(CITIZEN_ID_IN_TEXT, (match) => {
    const id = validateCitizenId(match);
    return id.ok ? maskIdNumber(id.value) : match;
  });
}
