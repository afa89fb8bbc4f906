/**
 * The gateway is the only door (DESIGN §1): a subgraph reached directly answers only requests
 * carrying a valid internal context token signed by the gateway (or the credit collector's own
 * service identity) for that very subgraph. Everything else is an HTTP 401 without data,
 * introspection and `_service` included; `/health` stays open and carries no data.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { SignJWT, base64url } from 'jose';
import type { Caller } from '../lib/auth/caller';
import {
  COLLECTOR_CALLER,
  COLLECTOR_ISSUER,
  GATEWAY_ISSUER,
  INTERNAL_CONTEXT_HEADER,
} from '../lib/auth/internal-token';
import { makeCitizenId } from '../lib/ids/citizen-id';
import { ALL_SUBGRAPHS } from '../subgraphs/all-subgraphs';
import { postGraphQL } from './support/graphql-client';
import type { GraphQLResponse } from './support/graphql-client';
import { startSecureSystem } from './support/start-secure-system';
import type { SecureSystem } from './support/start-secure-system';
import { officer } from './support/test-security';

/** JOSE `typ` of internal context tokens (lib/auth/internal-token.ts). */
const INTERNAL_TOKEN_TYPE = 'internal-context+jwt';

interface InternalTokenOptions {
  key: KeyObject;
  issuer?: string;
  audience?: string;
  caller?: Caller;
  /** Seconds before now the token was issued; default 0. */
  issuedAgo?: number;
  /** Seconds from now the token expires; default 60. */
  expiresIn?: number;
  typ?: string;
}

/** Signs an internal context token with jose directly, so each part can be made wrong on purpose. */
function internalToken(options: InternalTokenOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const caller = options.caller ?? officer('TAX');
  return new SignJWT({ caller: { ...caller }, requestId: randomUUID() })
    .setProtectedHeader({ alg: 'EdDSA', typ: options.typ ?? INTERNAL_TOKEN_TYPE })
    .setIssuer(options.issuer ?? GATEWAY_ISSUER)
    .setAudience(options.audience ?? 'population')
    .setSubject(caller.sub)
    .setIssuedAt(now - (options.issuedAgo ?? 0))
    .setExpirationTime(now + (options.expiresIn ?? 60))
    .setJti(randomUUID())
    .sign(options.key);
}

/** An unsecured token (`alg: none`) claiming to come from the gateway. */
function unsecuredInternalToken(): string {
  const now = Math.floor(Date.now() / 1000);
  const caller = officer('PSB');
  const encode = (value: object) => base64url.encode(JSON.stringify(value));
  return `${encode({ alg: 'none', typ: INTERNAL_TOKEN_TYPE })}.${encode({
    caller,
    requestId: randomUUID(),
    iss: GATEWAY_ISSUER,
    aud: 'population',
    sub: caller.sub,
    iat: now,
    exp: now + 60,
    jti: randomUUID(),
  })}.`;
}

function unauthenticated(message: string): GraphQLResponse {
  return { status: 401, errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] };
}

/** What a client can ask a subgraph for, each sent with the same (bad) headers. */
type Probe = (url: string, headers: Record<string, string>) => Promise<GraphQLResponse>;

// A valid id, so nothing but the token can be what the subgraph refuses.
const PERSON_ID = makeCitizenId('511921', '19850315', 123);
const PROBES: Record<string, Probe> = {
  'a person query': (url, headers) =>
    postGraphQL(url, `{ person(id: "${PERSON_ID}") { id name } }`, {}, headers),
  'GET /': async (url, headers) => {
    const response = await fetch(url, { headers });
    return { status: response.status, ...((await response.json()) as object) };
  },
  introspection: (url, headers) => postGraphQL(url, '{ __schema { types { name } } }', {}, headers),
  'the federation SDL': (url, headers) => postGraphQL(url, '{ _service { sdl } }', {}, headers),
};

describe('subgraphs trust only the gateway and the collector', () => {
  let system: SecureSystem;
  let gatewayKey: KeyObject;
  let collectorKey: KeyObject;
  let populationUrl: string;

  beforeAll(async () => {
    system = await startSecureSystem({ persons: 24 });
    gatewayKey = (await system.security.keys.keyPair('gateway-internal')).privateKey;
    collectorKey = (await system.security.keys.keyPair('collector-internal')).privateKey;
    populationUrl = system.subgraphs.population.url;
  });
  afterAll(async () => {
    await system?.stop();
  });

  /** Headers that must not open the population subgraph, and the 401 message each gets. */
  const BAD_HEADERS: {
    title: string;
    headers: () => Promise<Record<string, string>>;
    message: string;
  }[] = [
    {
      title: 'no token',
      headers: async () => ({}),
      message: 'missing x-internal-context header: subgraphs answer only requests from the gateway',
    },
    {
      title: "a user's token sent as Authorization, as to the gateway",
      headers: () => system.security.userHeaders(officer('PSB'), 'ADMIN_ENFORCEMENT', 'TJ-1'),
      message: 'missing x-internal-context header: subgraphs answer only requests from the gateway',
    },
    {
      title: "a user's token in place of an internal one",
      headers: async () => {
        const user = await system.security.userHeaders(officer('PSB'));
        return { [INTERNAL_CONTEXT_HEADER]: user.authorization.replace(/^Bearer /, '') };
      },
      message: 'internal context token issuer "credit-federation-dev" is not trusted by population',
    },
    {
      title: 'an expired internal token',
      headers: async () => ({
        [INTERNAL_CONTEXT_HEADER]: await internalToken({
          key: gatewayKey,
          issuedAgo: 120,
          expiresIn: -60,
        }),
      }),
      message: 'internal context token expired',
    },
    {
      title: 'an internal token issued too long ago (replay)',
      headers: async () => ({
        [INTERNAL_CONTEXT_HEADER]: await internalToken({
          key: gatewayKey,
          issuedAgo: 600,
          expiresIn: 600,
        }),
      }),
      message: 'internal context token is too old (iat)',
    },
    {
      title: 'a forged internal token (signed with another key)',
      headers: async () => ({
        [INTERNAL_CONTEXT_HEADER]: await internalToken({
          key: generateKeyPairSync('ed25519').privateKey,
        }),
      }),
      message: 'internal context token signature invalid',
    },
    {
      title: "a gateway token signed with the collector's key",
      headers: async () => ({
        [INTERNAL_CONTEXT_HEADER]: await internalToken({ key: collectorKey }),
      }),
      message: 'internal context token signature invalid',
    },
    {
      title: 'an internal token for another subgraph',
      headers: () => system.security.gatewayHeaders('tax', officer('PSB')),
      message: 'internal context token is for "tax", not subgraph population',
    },
    {
      title: 'a token of the right key but not of the internal type',
      headers: async () => ({
        [INTERNAL_CONTEXT_HEADER]: await internalToken({ key: gatewayKey, typ: 'JWT' }),
      }),
      message: 'internal context token has the wrong type (not an internal token)',
    },
    {
      title: 'an unsecured internal token (alg: none)',
      headers: async () => ({ [INTERNAL_CONTEXT_HEADER]: unsecuredInternalToken() }),
      message: 'internal context token algorithm is not allowed',
    },
    {
      title: 'a collector token carrying an officer (impersonation)',
      headers: async () => ({
        [INTERNAL_CONTEXT_HEADER]: await internalToken({
          key: collectorKey,
          issuer: COLLECTOR_ISSUER,
          caller: officer('PSB'),
        }),
      }),
      message:
        'internal context token of the credit collector may only carry the collector identity',
    },
    {
      title: 'a collector token carrying the collector with a purpose (an officer in disguise)',
      headers: async () => ({
        [INTERNAL_CONTEXT_HEADER]: await internalToken({
          key: collectorKey,
          issuer: COLLECTOR_ISSUER,
          caller: { ...COLLECTOR_CALLER, purpose: 'ADMIN_ENFORCEMENT', caseRef: 'TJ-1' },
        }),
      }),
      message:
        'internal context token of the credit collector may only carry the collector identity',
    },
  ];

  const cases = BAD_HEADERS.flatMap((bad) =>
    Object.keys(PROBES).map((probe) => [bad.title, probe, bad] as const),
  );

  it.each(cases)('%s, %s: HTTP 401, no data', async (_title, probe, bad) => {
    const response = await PROBES[probe](populationUrl, await bad.headers());
    expect(response).toEqual(unauthenticated(bad.message));
  });

  it.each(ALL_SUBGRAPHS.map((module) => module.name))(
    '%s refuses GET /, introspection and _service without a token',
    async (name) => {
      const url = system.subgraphs[name].url;
      const expected = unauthenticated(
        'missing x-internal-context header: subgraphs answer only requests from the gateway',
      );
      expect(await PROBES['GET /'](url, {})).toEqual(expected);
      expect(await PROBES.introspection(url, {})).toEqual(expected);
      expect(await PROBES['the federation SDL'](url, {})).toEqual(expected);
    },
  );

  it.each(ALL_SUBGRAPHS.map((module) => module.name))(
    '%s answers /health without a token, and without data',
    async (name) => {
      const response = await fetch(new URL('/health', system.subgraphs[name].url));
      expect(response.status).toBe(200);
      // Its own dependencies: the database (this secure system runs its subgraphs unaudited).
      expect(await response.json()).toEqual({ status: 'ok', subgraph: name, database: 'ok' });
    },
  );

  it('accepts a valid internal token once: the same token sent again is a replay, refused', async () => {
    const headers = await system.security.gatewayHeaders('population', officer('PSB'));
    const query = `{ person(id: "${system.persons[0].id}") { id } }`;
    const first = await postGraphQL(populationUrl, query, {}, headers);
    expect(first).toEqual({ status: 200, data: { person: { id: system.persons[0].id } } });
    const again = await postGraphQL(populationUrl, query, {}, headers);
    expect(again).toEqual(
      unauthenticated('internal context token was already used: each token is accepted once'),
    );
    // A token without an id cannot be remembered, so it is refused outright.
    const withoutId = await new SignJWT({ caller: officer('PSB'), requestId: randomUUID() })
      .setProtectedHeader({ alg: 'EdDSA', typ: INTERNAL_TOKEN_TYPE })
      .setIssuer(GATEWAY_ISSUER)
      .setAudience('population')
      .setSubject(officer('PSB').sub)
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(gatewayKey);
    const refused = await postGraphQL(
      populationUrl,
      query,
      {},
      {
        [INTERNAL_CONTEXT_HEADER]: withoutId,
      },
    );
    expect(refused).toEqual(unauthenticated('internal context token claim jti is missing'));
  });

  it('answers a valid gateway token for itself (the refusals above are the token)', async () => {
    const person = system.persons[0];
    const response = await postGraphQL(
      populationUrl,
      `{ person(id: "${person.id}") { id name } }`,
      {},
      await system.security.gatewayHeaders('population', officer('PSB')),
    );
    expect(response).toEqual({
      status: 200,
      data: { person: { id: person.id, name: person.name } },
    });
  });

  describe("the collector's token", () => {
    it("reads a department's credit feed", async () => {
      const tax = system.collection.find((report) => report.dept === 'TAX');
      const response = await postGraphQL(
        system.subgraphs.tax.url,
        '{ taxCreditFeed(first: 500) { endCursor hasMore } }',
        {},
        await system.security.serviceHeaders('tax'),
      );
      expect(response).toEqual({
        status: 200,
        data: { taxCreditFeed: { endCursor: tax?.cursor, hasMore: false } },
      });
    });

    it('reads no person data: the policy gives it the feeds only', async () => {
      const person = system.persons[0];
      const response = await postGraphQL(
        populationUrl,
        `{ person(id: "${person.id}") { name } }`,
        {},
        await system.security.serviceHeaders('population'),
      );
      const reason = 'no rule grants Query.person to system of NDRC without a purpose';
      expect(response.status).toBe(200);
      expect(response.data).toEqual({ person: null });
      expect(response.errors?.map(({ message, extensions }) => ({ message, extensions }))).toEqual([
        {
          message: `Access to Query.person denied: ${reason}`,
          extensions: expect.objectContaining({
            code: 'FORBIDDEN',
            ruleId: 'default-deny',
            field: 'Query.person',
            reason,
          }),
        },
      ]);
    });

    it('is refused by any subgraph but the one it was signed for', async () => {
      const response = await postGraphQL(
        system.subgraphs.court.url,
        '{ courtCreditFeed(first: 1) { endCursor } }',
        {},
        await system.security.serviceHeaders('tax'),
      );
      expect(response).toEqual(
        unauthenticated('internal context token is for "tax", not subgraph court'),
      );
    });
  });
});
