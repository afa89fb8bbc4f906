import { InvalidClaimsError, callerFromClaims, callerIdentityFromClaims } from '../caller-claims';

const officer = { sub: 'o-1', clientType: 'officer', dept: 'TAX', roles: ['officer'] };

function refusal(validate: (value: unknown) => unknown, value: unknown): string {
  try {
    validate(value);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidClaimsError);
    return (error as Error).message;
  }
  throw new Error('expected the claims to be refused');
}

describe('callerIdentityFromClaims', () => {
  it('keeps only identity claims', () => {
    expect(
      callerIdentityFromClaims({ ...officer, iss: 'x', exp: 1, purpose: 'JUDICIAL', extra: true }),
    ).toEqual(officer);
  });

  it('accepts a public client without dept', () => {
    expect(callerIdentityFromClaims({ sub: 'kiosk', clientType: 'public', roles: [] })).toEqual({
      sub: 'kiosk',
      clientType: 'public',
      roles: [],
    });
  });

  it('requires dept for developers and auditors', () => {
    expect(
      refusal(callerIdentityFromClaims, { ...officer, clientType: 'developer', dept: undefined }),
    ).toBe('claim dept is required for developer clients');
    expect(
      refusal(callerIdentityFromClaims, { ...officer, clientType: 'auditor', dept: undefined }),
    ).toBe('claim dept is required for auditor clients');
  });

  it('refuses things that are not objects', () => {
    expect(refusal(callerIdentityFromClaims, null)).toBe('claims must be a JSON object');
    expect(refusal(callerIdentityFromClaims, [officer])).toBe('claims must be a JSON object');
  });

  it('refuses an over-long sub and too many roles', () => {
    expect(refusal(callerIdentityFromClaims, { ...officer, sub: 'x'.repeat(257) })).toBe(
      'claim sub is longer than 256 characters',
    );
    expect(
      refusal(callerIdentityFromClaims, {
        ...officer,
        roles: Array.from({ length: 65 }, () => 'r'),
      }),
    ).toBe('claim roles has more than 64 entries');
  });
});

describe('callerFromClaims', () => {
  const consent = {
    personId: '11010519491231002x',
    scopes: ['creditProfile'],
    expiresAt: '2030-01-01T00:00:00Z',
  };

  it('returns the identity with purpose, caseRef and normalized consents', () => {
    expect(
      callerFromClaims({
        ...officer,
        purpose: 'JUDICIAL',
        caseRef: 'ZX/2025-1',
        consents: [consent],
      }),
    ).toEqual({
      ...officer,
      purpose: 'JUDICIAL',
      caseRef: 'ZX/2025-1',
      consents: [{ ...consent, personId: '11010519491231002X' }],
    });
  });

  it.each([
    [{ purpose: 'NOSY' }, 'purpose "NOSY" is not a known purpose'],
    [{ caseRef: 'has space' }, 'caseRef must be 1-64 characters of A-Z a-z 0-9 - _ /'],
    [{ caseRef: '' }, 'caseRef must be 1-64 characters of A-Z a-z 0-9 - _ /'],
    [{ consents: {} }, 'consents must be an array'],
    [{ consents: ['x'] }, 'consents[0] must be an object'],
    [
      { consents: [{ ...consent, personId: '1' }] },
      'consents[0].personId is not a valid citizen id: must be 18 characters, got 1',
    ],
    [{ consents: [{ ...consent, scopes: [1] }] }, 'consents[0].scopes must be an array of strings'],
    [
      { consents: [{ ...consent, expiresAt: 'soon' }] },
      'consents[0].expiresAt must be an ISO timestamp',
    ],
  ])('refuses %j', (extra, message) => {
    expect(refusal(callerFromClaims, { ...officer, ...extra })).toBe(message);
  });
});
