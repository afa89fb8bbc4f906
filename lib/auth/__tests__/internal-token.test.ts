import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { HttpError } from '../../http/http-error';
import type { Caller } from '../caller';
import {
  COLLECTOR_CALLER,
  COLLECTOR_ISSUER,
  GATEWAY_ISSUER,
  INTERNAL_CONTEXT_HEADER,
  createInternalTokenVerifier,
  signInternalToken,
} from '../internal-token';

const gateway = generateKeyPairSync('ed25519');
const collector = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');
const NOW = () => Math.floor(Date.now() / 1000);

const officer: Caller = {
  sub: 'officer-1',
  clientType: 'officer',
  dept: 'TAX',
  roles: ['officer'],
  purpose: 'ADMIN_LICENSING',
  caseRef: 'XK-2025-0001',
};

const verifyForTax = createInternalTokenVerifier({
  subgraphName: 'tax',
  trustedIssuers: { [GATEWAY_ISSUER]: gateway.publicKey, [COLLECTOR_ISSUER]: collector.publicKey },
});

function gatewayToken(caller: Caller, audience = 'tax', ttlSeconds?: number): Promise<string> {
  return signInternalToken(caller, {
    audience,
    requestId: 'req-1',
    issuer: GATEWAY_ISSUER,
    key: gateway.privateKey,
    ttlSeconds,
  });
}

/** Signs raw claims the way signInternalToken would, for tokens it cannot produce. */
function rawToken(
  claims: Record<string, unknown>,
  typ = 'internal-context+jwt',
  key = gateway.privateKey,
) {
  return new SignJWT({
    iss: GATEWAY_ISSUER,
    aud: 'tax',
    sub: officer.sub,
    iat: NOW(),
    exp: NOW() + 60,
    caller: officer,
    requestId: 'req-1',
    jti: `jti-${Math.random()}`,
    ...claims,
  })
    .setProtectedHeader({ alg: 'EdDSA', typ })
    .sign(key);
}

async function expectUnauthenticated(
  header: string | string[] | undefined,
  message: string,
  verify = verifyForTax,
) {
  const failure = await verify(header).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(HttpError);
  expect(failure).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', message });
}

describe('internal context token', () => {
  it('names its header', () => {
    expect(INTERNAL_CONTEXT_HEADER).toBe('x-internal-context');
  });

  it('round-trips the caller, request id and issuer, with a fresh token id each time', async () => {
    const before = Date.now();
    const first = await verifyForTax(await gatewayToken(officer));
    expect(first).toEqual({
      caller: officer,
      requestId: 'req-1',
      issuer: GATEWAY_ISSUER,
      tokenId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      expiresAtMs: expect.any(Number),
    });
    // Remembered until exp (60 s) plus the 10 s clock tolerance, in whole seconds.
    expect(first.expiresAtMs).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 70_000);
    expect(first.expiresAtMs).toBeLessThanOrEqual(before + 71_000);
    const second = await verifyForTax(await gatewayToken(officer));
    expect(second.tokenId).not.toBe(first.tokenId);
  });

  it('is remembered only until iat + maxTokenAgeSeconds when exp is later', async () => {
    const iat = NOW();
    const verified = await verifyForTax(await rawToken({ iat, exp: iat + 3600 }));
    expect(verified.expiresAtMs).toBe((iat + 300 + 10) * 1000);
  });

  it('round-trips a citizen with consents', async () => {
    const org: Caller = {
      sub: 'bank-1',
      clientType: 'org',
      roles: [],
      org: '91511921MA6ABCDE1T',
      purpose: 'AUTHORIZED_QUERY',
      caseRef: 'LOAN-9',
      consents: [
        {
          personId: '11010519491231002X',
          scopes: ['creditProfile'],
          expiresAt: '2030-01-01T00:00:00Z',
        },
      ],
    };
    expect((await verifyForTax(await gatewayToken(org))).caller).toEqual(org);
  });

  it('carries the collector identity signed with the collector key', async () => {
    const token = await signInternalToken(COLLECTOR_CALLER, {
      audience: 'tax',
      requestId: 'collect-7',
      issuer: COLLECTOR_ISSUER,
      key: collector.privateKey,
    });
    expect(await verifyForTax(token)).toEqual({
      caller: {
        sub: 'credit-collector',
        clientType: 'system',
        dept: 'NDRC',
        roles: ['credit-collector'],
      },
      requestId: 'collect-7',
      issuer: COLLECTOR_ISSUER,
      tokenId: expect.any(String),
      expiresAtMs: expect.any(Number),
    });
  });

  it('is refused without the header', async () => {
    await expectUnauthenticated(
      undefined,
      'missing x-internal-context header: subgraphs answer only requests from the gateway',
    );
    await expectUnauthenticated(
      '',
      'missing x-internal-context header: subgraphs answer only requests from the gateway',
    );
  });

  it('is refused when sent twice', async () => {
    const token = await gatewayToken(officer);
    await expectUnauthenticated(
      [token, token],
      'internal context token must be sent in one x-internal-context header',
    );
  });

  it('is refused when malformed', async () => {
    await expectUnauthenticated('garbage', 'internal context token is malformed');
  });

  it('is refused by another subgraph (audience)', async () => {
    const verifyForCourt = createInternalTokenVerifier({
      subgraphName: 'court',
      trustedIssuers: { [GATEWAY_ISSUER]: gateway.publicKey },
    });
    await expectUnauthenticated(
      await gatewayToken(officer, 'tax'),
      'internal context token is for "tax", not subgraph court',
      verifyForCourt,
    );
  });

  it('is refused when expired', async () => {
    const token = await rawToken({ iat: NOW() - 100, exp: NOW() - 30 });
    await expectUnauthenticated(token, 'internal context token expired');
  });

  it('is refused when older than maxTokenAgeSeconds, whatever exp says', async () => {
    const token = await rawToken({ iat: NOW() - 400, exp: NOW() + 600 });
    await expectUnauthenticated(token, 'internal context token is too old (iat)');
  });

  it('is refused when issued in the future', async () => {
    const token = await rawToken({ iat: NOW() + 120, exp: NOW() + 180 });
    await expectUnauthenticated(
      token,
      'internal context token is not yet valid (iat in the future)',
    );
  });

  it('is refused without a token id (jti), which the replay guard needs', async () => {
    await expectUnauthenticated(
      await rawToken({ jti: undefined }),
      'internal context token claim jti is missing',
    );
    await expectUnauthenticated(
      await rawToken({ jti: 'x'.repeat(65) }),
      'internal context token claim jti is missing or invalid',
    );
  });

  it('is refused without iat or exp', async () => {
    await expectUnauthenticated(
      await rawToken({ iat: undefined }),
      'internal context token claim iat is missing',
    );
    await expectUnauthenticated(
      await rawToken({ exp: undefined }),
      'internal context token claim exp is missing',
    );
  });

  it('is refused when forged with another key', async () => {
    const token = await rawToken({}, undefined, stranger.privateKey);
    await expectUnauthenticated(token, 'internal context token signature invalid');
  });

  it('is refused when the issuer is not trusted', async () => {
    const token = await rawToken({ iss: 'someone' }, undefined, stranger.privateKey);
    await expectUnauthenticated(
      token,
      'internal context token issuer "someone" is not trusted by tax',
    );
    const onlyGateway = createInternalTokenVerifier({
      subgraphName: 'tax',
      trustedIssuers: { [GATEWAY_ISSUER]: gateway.publicKey },
    });
    const collectorToken = await signInternalToken(COLLECTOR_CALLER, {
      audience: 'tax',
      requestId: 'collect-7',
      issuer: COLLECTOR_ISSUER,
      key: collector.privateKey,
    });
    await expectUnauthenticated(
      collectorToken,
      'internal context token issuer "credit-collector" is not trusted by tax',
      onlyGateway,
    );
  });

  it('is refused when a trusted issuer signs with the other issuer key', async () => {
    const token = await signInternalToken(officer, {
      audience: 'tax',
      requestId: 'req-1',
      issuer: GATEWAY_ISSUER,
      key: collector.privateKey,
    });
    await expectUnauthenticated(token, 'internal context token signature invalid');
  });

  it('is refused when the collector key carries anyone but the collector', async () => {
    const token = await signInternalToken(officer, {
      audience: 'tax',
      requestId: 'req-1',
      issuer: COLLECTOR_ISSUER,
      key: collector.privateKey,
    });
    await expectUnauthenticated(
      token,
      'internal context token of the credit collector may only carry the collector identity',
    );
  });

  it('is refused when it is a user JWT (wrong typ)', async () => {
    await expectUnauthenticated(
      await rawToken({}, 'JWT'),
      'internal context token has the wrong type (not an internal token)',
    );
  });

  it('is refused when the caller or request id is invalid', async () => {
    await expectUnauthenticated(
      await rawToken({ requestId: '' }),
      'internal context token claim requestId is missing or invalid',
    );
    await expectUnauthenticated(
      await rawToken({ caller: { ...officer, dept: 'FBI' } }),
      'internal context token caller: claim dept "FBI" is not one of PSB, TAX, COURT, AMR, EDU, NDRC, PBOC, CIVIL, HRSS, HEALTH, JUSTICE, AUDIT',
    );
    await expectUnauthenticated(
      await rawToken({ caller: { ...officer, purpose: 'CURIOSITY' } }),
      'internal context token caller: purpose "CURIOSITY" is not a known purpose',
    );
    await expectUnauthenticated(
      await rawToken({ sub: 'someone-else' }),
      'internal context token sub does not match the caller',
    );
  });
});
