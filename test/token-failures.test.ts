/**
 * User token failures at the gateway (DESIGN §3): every bad `Authorization` is an HTTP 401 with a
 * GraphQL error body that names the problem and carries no `data`; no token at all is the
 * anonymous `public` client, which the policy refuses person data.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { SignJWT, base64url } from 'jose';
import type { JWTPayload } from 'jose';
import { DEV_USER_TOKEN_ISSUER, USER_TOKEN_AUDIENCE } from '../lib/auth/user-token';
import { postGraphQL } from './support/graphql-client';
import { startSecureSystem } from './support/start-secure-system';
import type { SecureSystem } from './support/start-secure-system';

const PERSON_QUERY = 'query ($id: ID!) { person(id: $id) { id name } }';

/** The claims of a TAX officer, as the county's identity provider would issue them. */
const OFFICER_CLAIMS: JWTPayload = {
  sub: 'officer-tax-1',
  clientType: 'officer',
  dept: 'TAX',
  roles: ['officer'],
};

interface TokenOptions {
  key: KeyObject | Uint8Array;
  alg?: string;
  claims?: JWTPayload;
  issuer?: string;
  audience?: string;
  /** Seconds from now; default one hour. */
  expiresIn?: number | null;
  issuedAgo?: number;
}

/** Signs a user token with jose directly, so each part can be made wrong on purpose. */
async function token(options: TokenOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ ...(options.claims ?? OFFICER_CLAIMS) })
    .setProtectedHeader({ alg: options.alg ?? 'EdDSA', typ: 'JWT' })
    .setIssuer(options.issuer ?? DEV_USER_TOKEN_ISSUER)
    .setAudience(options.audience ?? USER_TOKEN_AUDIENCE)
    .setIssuedAt(now - (options.issuedAgo ?? 0));
  if (options.expiresIn !== null) jwt.setExpirationTime(now + (options.expiresIn ?? 3600));
  return jwt.sign(options.key);
}

/** An unsecured JWT (`alg: none`, empty signature), which jose refuses to sign. */
function unsecuredToken(claims: JWTPayload): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: object) => base64url.encode(JSON.stringify(value));
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({
    ...claims,
    iss: DEV_USER_TOKEN_ISSUER,
    aud: USER_TOKEN_AUDIENCE,
    iat: now,
    exp: now + 3600,
  })}.`;
}

describe('user token failures at the gateway', () => {
  let system: SecureSystem;
  let personId: string;
  let userKey: { privateKey: KeyObject; publicKey: KeyObject };

  beforeAll(async () => {
    system = await startSecureSystem({ persons: 24 });
    personId = system.fixtures.scenarios.tax_arrears[0];
    userKey = await system.security.keys.keyPair('user-token');
  });
  afterAll(async () => {
    await system?.stop();
  });

  /** Each way an Authorization header can be wrong, and what the gateway says about it. */
  const FAILURES: { title: string; header: () => Promise<string>; message: string }[] = [
    {
      title: 'a malformed token',
      header: async () => 'Bearer not-a-jwt',
      message: 'token is malformed',
    },
    {
      title: 'a token with a tampered payload',
      header: async () => {
        const [head, , signature] = (await token({ key: userKey.privateKey })).split('.');
        const payload = base64url.encode(JSON.stringify({ ...OFFICER_CLAIMS, dept: 'COURT' }));
        return `Bearer ${head}.${payload}.${signature}`;
      },
      message: 'token signature invalid',
    },
    {
      title: 'another scheme than Bearer',
      header: async () => `Basic ${Buffer.from('officer:secret').toString('base64')}`,
      message: 'Authorization scheme must be Bearer, not Basic',
    },
    {
      title: 'a Bearer header without a token',
      header: async () => 'Bearer',
      message: 'Authorization header must be "Bearer <token>"',
    },
    {
      title: 'an expired token',
      header: async () =>
        `Bearer ${await token({ key: userKey.privateKey, expiresIn: -120, issuedAgo: 3720 })}`,
      message: 'token expired',
    },
    {
      title: 'a token without exp',
      header: async () => `Bearer ${await token({ key: userKey.privateKey, expiresIn: null })}`,
      message: 'token has no exp claim',
    },
    {
      title: 'a token signed with another key',
      header: async () =>
        `Bearer ${await token({ key: generateKeyPairSync('ed25519').privateKey })}`,
      message: 'token signature invalid',
    },
    {
      title: 'an RS256 token signed with an RSA key the gateway does not know',
      header: async () =>
        `Bearer ${await token({
          key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
          alg: 'RS256',
        })}`,
      message: 'token algorithm does not match the signing key',
    },
    {
      title: 'an unsecured token (alg: none)',
      header: async () => `Bearer ${unsecuredToken(OFFICER_CLAIMS)}`,
      message: 'token algorithm is not allowed (use EdDSA or RS256)',
    },
    {
      title: "an HS256 token keyed with the gateway's public key",
      header: async () => {
        const publicPem = userKey.publicKey.export({ type: 'spki', format: 'pem' });
        return `Bearer ${await token({ key: new Uint8Array(Buffer.from(publicPem)), alg: 'HS256' })}`;
      },
      message: 'token algorithm is not allowed (use EdDSA or RS256)',
    },
    {
      title: 'a token for another audience',
      header: async () =>
        `Bearer ${await token({ key: userKey.privateKey, audience: 'another-system' })}`,
      message: 'token audience is wrong',
    },
    {
      title: 'a token of another issuer',
      header: async () =>
        `Bearer ${await token({ key: userKey.privateKey, issuer: 'https://idp.elsewhere.example' })}`,
      message: 'token issuer is wrong',
    },
    {
      title: 'a token whose claims do not describe a caller (officer without dept)',
      header: async () =>
        `Bearer ${await token({
          key: userKey.privateKey,
          claims: { sub: 'officer-x', clientType: 'officer', roles: ['officer'] },
        })}`,
      message: 'token claim dept is required for officer clients',
    },
    {
      title: 'a citizen token with an invalid citizen id',
      header: async () =>
        `Bearer ${await token({
          key: userKey.privateKey,
          claims: { sub: 'c-1', clientType: 'citizen', personId: '511921198503151230', roles: [] },
        })}`,
      message: expect.stringMatching(/^token claim personId is not a valid citizen id: /),
    },
  ];

  it.each(FAILURES.map((row) => [row.title, row] as const))(
    '%s: HTTP 401 naming the problem, no data',
    async (_title, row) => {
      const response = await postGraphQL(
        system.gatewayUrl,
        PERSON_QUERY,
        { id: personId },
        {
          authorization: await row.header(),
          'x-purpose': 'ADMIN_ENFORCEMENT',
          'x-case-ref': 'TJ-2025-0001',
        },
      );
      expect(response).toEqual({
        status: 401,
        errors: [{ message: row.message, extensions: { code: 'UNAUTHENTICATED' } }],
      });
    },
  );

  it('refuses a bad token on GET as on POST', async () => {
    const url = new URL(system.gatewayUrl);
    url.searchParams.set('query', '{ creditCatalog { code } }');
    const response = await fetch(url, {
      headers: { authorization: 'Bearer not-a-jwt', 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: [{ message: 'token is malformed', extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });

  it('refuses a bad token even for public data', async () => {
    const response = await postGraphQL(
      system.gatewayUrl,
      '{ creditCatalog { code } }',
      {},
      { authorization: `Bearer ${await token({ key: userKey.privateKey, expiresIn: -120 })}` },
    );
    expect(response).toEqual({
      status: 401,
      errors: [{ message: 'token expired', extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });

  it('treats a request without a token as the public client: person data denied', async () => {
    const response = await postGraphQL(system.gatewayUrl, PERSON_QUERY, { id: personId });
    const reason = 'no rule grants Query.person to public without a purpose';
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ person: null });
    expect(
      response.errors?.map(({ message, path, extensions }) => ({
        message,
        path,
        code: extensions?.code,
        ruleId: extensions?.ruleId,
        field: extensions?.field,
        reason: extensions?.reason,
      })),
    ).toEqual([
      {
        message: `Access to Query.person denied: ${reason}`,
        path: ['person'],
        code: 'FORBIDDEN',
        ruleId: 'default-deny',
        field: 'Query.person',
        reason,
      },
    ]);
  });

  it('accepts the same officer with a valid token (the failures above are the token, not the query)', async () => {
    const person = system.persons.find((candidate) => candidate.id === personId);
    const response = await postGraphQL(
      system.gatewayUrl,
      PERSON_QUERY,
      { id: personId },
      {
        authorization: `Bearer ${await token({ key: userKey.privateKey })}`,
        'x-purpose': 'ADMIN_ENFORCEMENT',
        'x-case-ref': 'TJ-2025-0001',
      },
    );
    const name = Array.from(person?.name ?? '');
    expect(response).toEqual({
      status: 200,
      data: { person: { id: personId, name: `${name[0]}${'*'.repeat(name.length - 1)}` } },
    });
  });

  it('never echoes the token in the error', async () => {
    const bad = await token({ key: generateKeyPairSync('ed25519').privateKey });
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bad}` },
      body: JSON.stringify({ query: '{ creditCatalog { code } }' }),
    });
    const text = await response.text();
    expect(response.status).toBe(401);
    expect(text).not.toContain(bad.split('.')[1]);
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: 'token signature invalid', extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });
});
