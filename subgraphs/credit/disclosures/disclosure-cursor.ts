/** A position in the public listing (decidedAt desc, id desc). */
export interface DisclosurePosition {
  decidedAt: string;
  id: string;
}

/** The opaque cursor of a position: base64url of `decidedAt|id`. */
export function encodeDisclosureCursor(position: DisclosurePosition): string {
  return Buffer.from(`${position.decidedAt}|${position.id}`, 'utf8').toString('base64url');
}

/** The position of a cursor from `encodeDisclosureCursor`, or null when it is not one. */
export function decodeDisclosureCursor(cursor: string): DisclosurePosition | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^(\d{4}-\d{2}-\d{2})\|(.+)$/.exec(text);
  return match ? { decidedAt: match[1], id: match[2] } : null;
}
