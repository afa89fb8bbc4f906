import { createHash } from 'node:crypto';

/** A file a page loads, served by the gateway itself. */
export interface StaticAsset {
  /** URL path, e.g. `/pages/audit.3f2a9c1b.js`. */
  path: string;
  contentType: string;
  /** Served with a year-long cache: the path changes whenever the content does. */
  immutable: boolean;
  body: Buffer;
}

/** An asset under `/pages/` named after its content, so browsers may cache it for good. */
export function hashedAsset(
  name: string,
  extension: string,
  contentType: string,
  body: Buffer,
): StaticAsset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  return { path: `/pages/${name}.${hash}.${extension}`, contentType, immutable: true, body };
}
