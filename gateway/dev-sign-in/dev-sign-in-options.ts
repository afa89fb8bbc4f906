import type { KeyStore } from '../../lib/auth/key-store';

/** A seeded citizen offered in the pages' dev sign-in. */
export interface DevCitizen {
  /** The seed scenario (`clean`, `serious_dishonest`, ...), shown to tell them apart. */
  scenario: string;
  /** Citizen id (synthetic). */
  id: string;
}

/** Development sign-in of the pages and the playground (never in production). */
export interface DevSignInOptions {
  /** Holds the dev `user-token` key the gateway verifies user tokens with. */
  keys: KeyStore;
  /** Seeded citizens to pick from (fixtures.json); default none. */
  citizens?: readonly DevCitizen[];
  /** Seeded organisations (unified social credit codes) to pick from; default none. */
  orgs?: readonly string[];
  /** Lifetime of a minted token in seconds; default 1800 (half an hour). */
  ttlSeconds?: number;
}
