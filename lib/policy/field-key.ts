/**
 * Field keys of the policy: `Type.field`, or `Type.*` for every field of a type.
 */

const KEY = /^([_A-Za-z][_0-9A-Za-z]*)\.([_A-Za-z][_0-9A-Za-z]*|\*)$/;

/** A parsed field key. */
export interface FieldKey {
  typeName: string;
  /** Field name, or `*` for every field of the type. */
  fieldName: string;
}

/** Parses `Type.field` or `Type.*`; null when malformed. */
export function parseFieldKey(key: string): FieldKey | null {
  const match = KEY.exec(key);
  return match ? { typeName: match[1], fieldName: match[2] } : null;
}

/** Whether a key is a wildcard (`Type.*`). */
export function isWildcardKey(key: string): boolean {
  return key.endsWith('.*');
}

/** Type part of a key (`Person` of `Person.name`); empty when `key` has no dot. */
export function typeOfKey(key: string): string {
  const dot = key.indexOf('.');
  return dot < 0 ? '' : key.slice(0, dot);
}
