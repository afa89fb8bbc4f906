import { generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { makeCitizenId } from '../../../lib/ids/citizen-id';
import { makeUscc } from '../../../lib/ids/uscc';
import { HttpError } from '../../../lib/http/http-error';
import { signUserToken } from '../../../lib/auth/user-token';
import { ANONYMOUS_PUBLIC_CALLER, createUserTokenVerifier } from '../verify-user-token';

const ed = generateKeyPairSync('ed25519');
const otherEd = generateKeyPairSync('ed25519');
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });

const PERSON = makeCitizenId('511921', '19800101', 123);
const ORG = makeUscc('91511921MA6ABCDE1');
const NOW = () => Math.floor(Date.now() / 1000);

const officerClaims = {
  sub: 'officer-1',
  clientType: 'officer',
  dept: 'COURT',
  roles: ['officer'],
};

type Claims = Record<string, unknown>;

/** Signs arbitrary claims; iss/aud/exp are valid unless overridden. */
function sign(
  claims: Claims,
  { key = ed.privateKey, alg = 'EdDSA' }: { key?: KeyObject | Uint8Array; alg?: string } = {},
): Promise<string> {
  return new SignJWT({
    iss: 'credit-federation-dev',
    aud: 'credit-federation',
    exp: NOW() + 600,
    ...claims,
  })
    .setProtectedHeader({ alg })
    .sign(key);
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

const verify = createUserTokenVerifier({ key: ed.publicKey });

async function expectUnauthenticated(header: string | undefined, message: string) {
  const failure = await verify(header).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(HttpError);
  expect(failure).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', message });
}

async function expectRefused(claims: Claims, message: string) {
  await expectUnauthenticated(`Bearer ${await sign(claims)}`, message);
}

describe('createUserTokenVerifier: accepted tokens', () => {
  it('returns the identity of a valid officer token', async () => {
    expect(await verify(`Bearer ${await sign(officerClaims)}`)).toEqual(officerClaims);
  });

  it('accepts the scheme in any case and surrounding spaces', async () => {
    expect(await verify(`  bearer ${await sign(officerClaims)} `)).toEqual(officerClaims);
  });

  it('returns a citizen with a normalized personId', async () => {
    const claims = { sub: 'c-1', clientType: 'citizen', roles: [], personId: '11010519491231002x' };
    expect(await verify(`Bearer ${await sign(claims)}`)).toEqual({
      sub: 'c-1',
      clientType: 'citizen',
      roles: [],
      personId: '11010519491231002X',
    });
  });

  it('returns an org client with its USCC', async () => {
    const claims = { sub: 'bank-1', clientType: 'org', roles: ['loan-officer'], org: ORG };
    expect(await verify(`Bearer ${await sign(claims)}`)).toEqual(claims);
  });

  it('accepts RS256 tokens when the key is RSA', async () => {
    const verifyRsa = createUserTokenVerifier({ key: rsa.publicKey });
    const token = await sign(officerClaims, { key: rsa.privateKey, alg: 'RS256' });
    expect(await verifyRsa(`Bearer ${token}`)).toEqual(officerClaims);
  });

  it('accepts tokens from signUserToken (the dev token path)', async () => {
    const token = await signUserToken(
      { sub: 'a-1', clientType: 'auditor', dept: 'AUDIT', roles: ['auditor'] },
      { key: ed.privateKey },
    );
    expect(await verify(`Bearer ${token}`)).toEqual({
      sub: 'a-1',
      clientType: 'auditor',
      dept: 'AUDIT',
      roles: ['auditor'],
    });
  });

  it('tolerates a small clock skew on exp', async () => {
    expect(await verify(`Bearer ${await sign({ ...officerClaims, exp: NOW() - 10 })}`)).toEqual(
      officerClaims,
    );
  });

  it('uses the configured issuer and audience', async () => {
    const custom = createUserTokenVerifier({ key: ed.publicKey, issuer: 'idp', audience: 'app' });
    const token = await sign({ ...officerClaims, iss: 'idp', aud: 'app' });
    expect(await custom(`Bearer ${token}`)).toEqual(officerClaims);
  });
});

describe('createUserTokenVerifier: requests without a token', () => {
  it('treats a missing header as the anonymous public client by default', async () => {
    expect(await verify(undefined)).toEqual({ sub: 'anonymous', clientType: 'public', roles: [] });
    expect(await verify('  ')).toEqual(ANONYMOUS_PUBLIC_CALLER);
  });

  it('refuses a missing header when allowAnonymousPublic is false', async () => {
    const strict = createUserTokenVerifier({ key: ed.publicKey, allowAnonymousPublic: false });
    await expect(strict(undefined)).rejects.toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      message: 'missing Authorization header (expected "Bearer <token>")',
    });
  });
});

describe('createUserTokenVerifier: refused tokens', () => {
  it('refuses other schemes and malformed headers', async () => {
    await expectUnauthenticated(
      'Basic dXNlcjpwYXNz',
      'Authorization scheme must be Bearer, not Basic',
    );
    await expectUnauthenticated('Bearer', 'Authorization header must be "Bearer <token>"');
    await expectUnauthenticated('Bearer a b', 'Authorization header must be "Bearer <token>"');
  });

  it('refuses malformed tokens', async () => {
    await expectUnauthenticated('Bearer not-a-jwt', 'token is malformed');
    await expectUnauthenticated('Bearer a.b.c', 'token is malformed');
    const header = base64url({ alg: 'EdDSA' });
    await expectUnauthenticated(
      `Bearer ${header}.${base64url({ sub: 'x' })}`,
      'token is malformed',
    );
  });

  it('refuses an expired token', async () => {
    await expectRefused({ ...officerClaims, exp: NOW() - 120 }, 'token expired');
  });

  it('refuses a token that is not yet valid', async () => {
    await expectRefused({ ...officerClaims, nbf: NOW() + 300 }, 'token is not yet valid');
  });

  it('refuses a token without exp', async () => {
    const token = await new SignJWT({
      ...officerClaims,
      iss: 'credit-federation-dev',
      aud: 'credit-federation',
    })
      .setProtectedHeader({ alg: 'EdDSA' })
      .sign(ed.privateKey);
    await expectUnauthenticated(`Bearer ${token}`, 'token has no exp claim');
  });

  it('refuses a token signed with another key', async () => {
    const token = await sign(officerClaims, { key: otherEd.privateKey });
    await expectUnauthenticated(`Bearer ${token}`, 'token signature invalid');
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await sign(officerClaims)).split('.');
    const forged = base64url({ ...officerClaims, dept: 'NDRC', exp: NOW() + 600 });
    await expectUnauthenticated(
      `Bearer ${header}.${forged}.${signature}`,
      'token signature invalid',
    );
  });

  it('refuses an RS256 token when the key is Ed25519', async () => {
    const token = await sign(officerClaims, { key: rsa.privateKey, alg: 'RS256' });
    await expectUnauthenticated(
      `Bearer ${token}`,
      'token algorithm does not match the signing key',
    );
  });

  it('refuses an unsigned alg:none token crafted by hand', async () => {
    const claims = {
      ...officerClaims,
      iss: 'credit-federation-dev',
      aud: 'credit-federation',
      exp: NOW() + 600,
    };
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
    await expectUnauthenticated(
      `Bearer ${token}`,
      'token algorithm is not allowed (use EdDSA or RS256)',
    );
  });

  it('refuses HS256 signed with the public key bytes (algorithm confusion)', async () => {
    const publicPem = ed.publicKey.export({ type: 'spki', format: 'pem' });
    const token = await sign(officerClaims, { key: Buffer.from(publicPem), alg: 'HS256' });
    await expectUnauthenticated(
      `Bearer ${token}`,
      'token algorithm is not allowed (use EdDSA or RS256)',
    );
  });

  it('refuses a wrong or missing issuer', async () => {
    await expectRefused({ ...officerClaims, iss: 'someone-else' }, 'token issuer is wrong');
    await expectRefused({ ...officerClaims, iss: undefined }, 'token has no iss claim');
  });

  it('refuses a wrong or missing audience', async () => {
    await expectRefused({ ...officerClaims, aud: 'other-app' }, 'token audience is wrong');
    await expectRefused({ ...officerClaims, aud: undefined }, 'token has no aud claim');
  });

  it('refuses a non-numeric exp', async () => {
    await expectRefused({ ...officerClaims, exp: 'tomorrow' }, 'token claim exp is invalid');
  });
});

describe('createUserTokenVerifier: identity claims', () => {
  const cases: [string, Claims, string][] = [
    ['missing sub', { ...officerClaims, sub: undefined }, 'token claim sub is missing or empty'],
    ['empty sub', { ...officerClaims, sub: ' ' }, 'token claim sub is missing or empty'],
    [
      'missing clientType',
      { ...officerClaims, clientType: undefined },
      'token claim clientType is missing',
    ],
    [
      'unknown clientType',
      { ...officerClaims, clientType: 'admin' },
      'token claim clientType "admin" is not one of officer, system, citizen, org, auditor, developer, public',
    ],
    [
      'officer without dept',
      { ...officerClaims, dept: undefined },
      'token claim dept is required for officer clients',
    ],
    [
      'system without dept',
      { ...officerClaims, clientType: 'system', dept: undefined },
      'token claim dept is required for system clients',
    ],
    [
      'unknown dept',
      { ...officerClaims, dept: 'FBI' },
      'token claim dept "FBI" is not one of PSB, TAX, COURT, AMR, EDU, NDRC, PBOC, CIVIL, HRSS, HEALTH, JUSTICE, AUDIT',
    ],
    [
      'missing roles',
      { ...officerClaims, roles: undefined },
      'token claim roles must be an array of strings',
    ],
    [
      'roles as a string',
      { ...officerClaims, roles: 'officer' },
      'token claim roles must be an array of strings',
    ],
    [
      'a non-string role',
      { ...officerClaims, roles: ['officer', 7] },
      'token claim roles must hold non-empty strings of at most 64 characters, got 7',
    ],
    [
      'citizen without personId',
      { sub: 'c', clientType: 'citizen', roles: [] },
      'token claim personId is required for citizen clients',
    ],
    [
      'citizen with an invalid personId',
      { sub: 'c', clientType: 'citizen', roles: [], personId: '511921198001011238' },
      'token claim personId is not a valid citizen id: check character is 8, expected 7',
    ],
    [
      'personId on an officer',
      { ...officerClaims, personId: PERSON },
      'token claim personId is only for citizen clients, not officer',
    ],
    [
      'citizen with a dept',
      { sub: 'c', clientType: 'citizen', roles: [], personId: PERSON, dept: 'PSB' },
      'token claim dept is not allowed for citizen clients',
    ],
    [
      'org without org',
      { sub: 'o', clientType: 'org', roles: [] },
      'token claim org is required for org clients',
    ],
    [
      'org with a bad USCC',
      { sub: 'o', clientType: 'org', roles: [], org: '91511921MA6ABCDE1A' },
      'token claim org is not a valid unified social credit code: check character is A, expected T',
    ],
    [
      'org on a citizen',
      { sub: 'c', clientType: 'citizen', roles: [], personId: PERSON, org: ORG },
      'token claim org is only for org clients, not citizen',
    ],
  ];

  it.each(cases)('refuses %s', async (_name, claims, message) => {
    await expectRefused(claims, message);
  });
});

describe('createUserTokenVerifier: verified tokens are remembered', () => {
  /** A verifier whose key lookups are counted: one lookup per signature check. */
  function countingVerifier(options: { cacheSize?: number; clockToleranceSeconds?: number } = {}) {
    const lookups = { count: 0 };
    const verifier = createUserTokenVerifier({
      key: async () => {
        lookups.count += 1;
        return ed.publicKey;
      },
      ...options,
    });
    return { verifier, lookups };
  }

  it('checks the signature of a token once, and hands out a fresh identity each time', async () => {
    const { verifier, lookups } = countingVerifier();
    const header = `Bearer ${await sign(officerClaims)}`;
    const first = await verifier(header);
    first.roles.push('auditor');
    expect(await verifier(header)).toEqual(officerClaims);
    expect(await verifier(header)).toEqual(officerClaims);
    expect(lookups.count).toBe(1);
  });

  it('forgets a token once it expires, and then refuses it', async () => {
    const { verifier, lookups } = countingVerifier({ clockToleranceSeconds: 0 });
    const header = `Bearer ${await sign({ ...officerClaims, exp: NOW() + 1 })}`;
    expect(await verifier(header)).toEqual(officerClaims);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    await expect(verifier(header)).rejects.toMatchObject({ status: 401, message: 'token expired' });
    expect(lookups.count).toBe(2);
  });

  it('remembers at most cacheSize tokens, the least recently used forgotten first', async () => {
    const { verifier, lookups } = countingVerifier({ cacheSize: 1 });
    const a = `Bearer ${await sign({ ...officerClaims, sub: 'a' })}`;
    const b = `Bearer ${await sign({ ...officerClaims, sub: 'b' })}`;
    await verifier(a);
    await verifier(a);
    await verifier(b);
    await verifier(a);
    expect(lookups.count).toBe(3);
  });

  it('never remembers a refused token', async () => {
    const { verifier, lookups } = countingVerifier();
    const header = `Bearer ${await sign({ ...officerClaims, dept: 'FBI' })}`;
    await expect(verifier(header)).rejects.toMatchObject({ status: 401 });
    await expect(verifier(header)).rejects.toMatchObject({ status: 401 });
    expect(lookups.count).toBe(2);
  });
});
