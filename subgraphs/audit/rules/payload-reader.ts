/**
 * Typed reads of a stored audit payload (lib/audit/stored-record.ts), which is plain JSON: a
 * field of an unexpected type reads as absent instead of breaking the response.
 */
import type { JsonValue } from '../../../lib/audit/canonical';

/** A JSON object, or an empty one for anything else. */
export function objectOf(value: JsonValue | undefined): { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

/** A JSON array, or an empty one for anything else. */
export function arrayOf(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

/** A string, or null for anything else. */
export function stringOf(value: JsonValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

/** A finite number, or null for anything else. */
export function numberOf(value: JsonValue | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The strings of an array (other items skipped). */
export function stringsOf(value: JsonValue | undefined): string[] {
  return arrayOf(value).filter((item): item is string => typeof item === 'string');
}

/** The `masked` ids of a list of subject refs `{ hmac, masked }`: never the HMAC. */
export function maskedSubjectsOf(value: JsonValue | undefined): string[] {
  return arrayOf(value)
    .map((ref) => stringOf(objectOf(ref).masked))
    .filter((masked): masked is string => masked !== null);
}

/** Sorted distinct union of string lists. */
export function unionOf(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())].sort();
}
