import type { ConsentData } from '../consent-store';

/** A consent as the `Consent` type shows it. */
export interface ConsentView {
  id: string;
  /** Not in the SDL: the person who gave the consent. */
  personId: string;
  org: string;
  scopes: string[];
  grantedAt: string;
  expiresAt: string;
  revokedAt: string | null;
  active: boolean;
}

/** Whether a consent applies at `now`: granted, not revoked, not yet expired. */
export function isConsentActive(consent: ConsentData, now: Date): boolean {
  const at = now.getTime();
  return (
    consent.revokedAt === null &&
    consent.grantedAt.getTime() <= at &&
    consent.expiresAt.getTime() > at
  );
}

/** The GraphQL view of a stored consent at `now` (timestamps as ISO 8601 UTC). */
export function toConsentView(consent: ConsentData, now: Date): ConsentView {
  return {
    id: consent.id,
    personId: consent.personId,
    org: consent.org,
    scopes: consent.scopes,
    grantedAt: consent.grantedAt.toISOString(),
    expiresAt: consent.expiresAt.toISOString(),
    revokedAt: consent.revokedAt?.toISOString() ?? null,
    active: isConsentActive(consent, now),
  };
}
