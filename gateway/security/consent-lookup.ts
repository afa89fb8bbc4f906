/**
 * Reads the active consents of an operation's subjects to an organisation from the credit
 * platform (DESIGN §4: "`org` may read only what an active consent of the subject grants it").
 *
 *   const lookup = createConsentLookup({ keys, url: () => subgraphUrls.get('credit') });
 *   caller.consents = await lookup(caller.org, ['511921198503121234'], requestId);
 *
 * The gateway asks as its own service identity (CONSENT_LOOKUP_CALLER, signed with its internal
 * key like every internal token), never as the user: the credit subgraph's internal query
 * `activeConsentsForOrg` is @inaccessible and granted to that identity only (policy rule
 * `gateway-consent-lookup`). Any failure throws, so the caller can fail closed.
 */
import type { Caller, ConsentGrant } from '../../lib/auth/caller';
import type { KeyStore } from '../../lib/auth/key-store';
import { callServiceQuery } from './service-query';

/** The role that opens the consent lookup; reserved to the gateway (no user token may carry it). */
export const CONSENT_LOOKUP_ROLE = 'consent-lookup';

/** The gateway's own identity when it reads consents from the credit platform. */
export const CONSENT_LOOKUP_CALLER: Readonly<Caller> = Object.freeze({
  sub: 'credit-federation-gateway',
  clientType: 'system',
  dept: 'NDRC',
  roles: [CONSENT_LOOKUP_ROLE],
});

/** Options of {@link createConsentLookup}. */
export interface ConsentLookupOptions {
  /** Holds the gateway's internal signing key (`gateway-internal`); required. */
  keys: KeyStore;
  /**
   * The consent subgraph's GraphQL URL, asked at every lookup (the gateway learns it when its
   * supergraph loads); required. Undefined makes the lookup fail.
   */
  url: () => string | undefined;
  /** Name of the subgraph that keeps consents (the token's audience); default `credit`. */
  subgraph?: string;
  /** Gives up after this many milliseconds; default 5000. */
  timeoutMs?: number;
}

/** Active consents of `personIds` to organisation `org`, for gateway request `requestId`. */
export type ConsentLookup = (
  org: string,
  personIds: readonly string[],
  requestId: string,
) => Promise<ConsentGrant[]>;

const QUERY = `query ActiveConsentsForOrg($org: ID!, $personIds: [ID!]!) {
  activeConsentsForOrg(org: $org, personIds: $personIds) { personId scopes expiresAt }
}`;

/** A lookup that could not tell which consents exist; the message names what went wrong. */
export class ConsentLookupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConsentLookupError';
  }
}

function isConsentGrant(value: unknown): value is ConsentGrant {
  if (typeof value !== 'object' || value === null) return false;
  const { personId, scopes, expiresAt } = value as Record<string, unknown>;
  return (
    typeof personId === 'string' &&
    Array.isArray(scopes) &&
    scopes.every((scope) => typeof scope === 'string') &&
    typeof expiresAt === 'string' &&
    !Number.isNaN(Date.parse(expiresAt))
  );
}

/** Builds the gateway's consent lookup over HTTP; see the file comment. */
export function createConsentLookup(options: ConsentLookupOptions): ConsentLookup {
  const subgraph = options.subgraph ?? 'credit';
  const timeoutMs = options.timeoutMs ?? 5000;
  return async (org, personIds, requestId) => {
    const data = await callServiceQuery(
      {
        keys: options.keys,
        url: options.url(),
        subgraph,
        caller: CONSENT_LOOKUP_CALLER,
        requestId,
        query: QUERY,
        variables: { org, personIds },
        timeoutMs,
      },
      (message) => new ConsentLookupError(message),
    );
    const entries = data.activeConsentsForOrg;
    if (!Array.isArray(entries) || !entries.every(isConsentGrant)) {
      throw new ConsentLookupError(`subgraph ${subgraph} sent a malformed answer`);
    }
    return entries.map(({ personId, scopes, expiresAt }) => ({
      personId,
      scopes: [...scopes],
      expiresAt,
    }));
  };
}
