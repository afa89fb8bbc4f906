import type { ConsentData } from '../../consent-store';
import { isConsentActive, toConsentView } from '../consent-view';

const CONSENT: ConsentData = {
  id: '5f1c2f64-8f0e-4a57-9a38-0c7c2d7f1e01',
  personId: '511921198503121234',
  org: '91511921MA6BANK01X',
  scopes: ['CREDIT_SUMMARY'],
  purpose: 'AUTHORIZED_QUERY',
  grantedAt: new Date('2025-06-01T00:00:00Z'),
  expiresAt: new Date('2025-07-01T00:00:00Z'),
  revokedAt: null,
};

describe('consent view', () => {
  it('is active from its grant until just before it expires, unless revoked', () => {
    const at = (iso: string) => new Date(iso);
    expect([
      isConsentActive(CONSENT, at('2025-05-31T23:59:59Z')),
      isConsentActive(CONSENT, at('2025-06-01T00:00:00Z')),
      isConsentActive(CONSENT, at('2025-06-30T23:59:59Z')),
      isConsentActive(CONSENT, at('2025-07-01T00:00:00Z')),
      isConsentActive(
        { ...CONSENT, revokedAt: at('2025-06-10T00:00:00Z') },
        at('2025-06-05T00:00:00Z'),
      ),
    ]).toEqual([false, true, true, false, false]);
  });

  it('shows timestamps as ISO 8601 UTC and keeps the person for the policy shield', () => {
    expect(
      toConsentView(
        { ...CONSENT, revokedAt: new Date('2025-06-10T00:00:00Z') },
        new Date('2025-06-20T00:00:00Z'),
      ),
    ).toEqual({
      id: CONSENT.id,
      personId: CONSENT.personId,
      org: CONSENT.org,
      scopes: ['CREDIT_SUMMARY'],
      grantedAt: '2025-06-01T00:00:00.000Z',
      expiresAt: '2025-07-01T00:00:00.000Z',
      revokedAt: '2025-06-10T00:00:00.000Z',
      active: false,
    });
  });
});
