import { createHash } from 'node:crypto';
import type { CallerIdentity } from '../../lib/auth/caller';

/** What a verified user token yielded, remembered until `validUntilMs`. */
interface Entry {
  identity: CallerIdentity;
  validUntilMs: number;
}

/** Remembers verified user tokens; see {@link createVerifiedTokenCache}. */
export interface VerifiedTokenCache {
  /** The identity of `token` if it was verified before and is still valid now. */
  get(token: string): CallerIdentity | undefined;
  /** Remembers a verified token's identity until `validUntilMs` (epoch ms). */
  set(token: string, identity: CallerIdentity, validUntilMs: number): void;
  /** Tokens remembered (expired ones included until evicted). */
  readonly size: number;
}

/** The key of a token: its SHA-256, so the cache never holds a usable credential. */
function keyOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function copyOf(identity: CallerIdentity): CallerIdentity {
  return { ...identity, roles: [...identity.roles] };
}

/**
 * A bounded least-recently-used cache of verified user tokens, so a client sending the same
 * token again costs a hash instead of a signature check. At most `maxEntries` tokens; each is
 * forgotten once invalid (the verifier passes its expiry) or when least recently used. Every hit
 * returns a fresh copy: what one request does to its caller cannot reach the next.
 */
export function createVerifiedTokenCache(maxEntries: number): VerifiedTokenCache {
  const entries = new Map<string, Entry>();
  return {
    get(token) {
      if (maxEntries === 0) return undefined;
      const key = keyOf(token);
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      if (Date.now() >= entry.validUntilMs) return undefined;
      entries.set(key, entry); // most recently used last
      return copyOf(entry.identity);
    },
    set(token, identity, validUntilMs) {
      if (maxEntries === 0 || Date.now() >= validUntilMs) return;
      const key = keyOf(token);
      entries.delete(key);
      entries.set(key, { identity: copyOf(identity), validUntilMs });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    get size() {
      return entries.size;
    },
  };
}
