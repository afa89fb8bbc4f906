import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GATEWAY_ISSUER, createInternalTokenVerifier } from '../../../lib/auth/internal-token';
import { createMemoryKeyStore } from '../../../lib/auth/key-store';
import { makeCitizenId } from '../../../lib/ids/citizen-id';
import { CONSENT_LOOKUP_CALLER, createConsentLookup } from '../consent-lookup';

const A = makeCitizenId('511921', '19850315', 101);
const BANK = '91511921MA6BANK01X';

type Handler = (body: Record<string, unknown>, req: IncomingMessage, res: ServerResponse) => void;

/** A stand-in credit subgraph answering with `handler`. */
async function serve(handler: Handler): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => handler(JSON.parse(text) as Record<string, unknown>, req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

describe('createConsentLookup', () => {
  const keys = createMemoryKeyStore();
  const servers: Server[] = [];

  afterAll(async () => {
    await Promise.all(
      servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
    );
  });

  async function lookupAgainst(handler: Handler) {
    const { server, url } = await serve(handler);
    servers.push(server);
    return createConsentLookup({ keys, url: () => url, timeoutMs: 2000 });
  }

  it("asks the credit subgraph as the gateway's own identity, with the org and the subjects", async () => {
    const verify = createInternalTokenVerifier({
      subgraphName: 'credit',
      trustedIssuers: { [GATEWAY_ISSUER]: await keys.publicKey('gateway-internal') },
    });
    const seen: unknown[] = [];
    const lookup = await lookupAgainst((body, req, res) => {
      verify(req.headers['x-internal-context']).then(
        (internal) => {
          seen.push({ caller: internal.caller, requestId: internal.requestId, body });
          json(res, 200, {
            data: {
              activeConsentsForOrg: [
                { personId: A, scopes: ['CREDIT_SUMMARY'], expiresAt: '2026-01-01T00:00:00.000Z' },
              ],
            },
          });
        },
        (error: unknown) => json(res, 401, { errors: [{ message: String(error) }] }),
      );
    });
    expect(await lookup(BANK, [A], 'req-7')).toEqual([
      { personId: A, scopes: ['CREDIT_SUMMARY'], expiresAt: '2026-01-01T00:00:00.000Z' },
    ]);
    expect(seen).toEqual([
      {
        caller: CONSENT_LOOKUP_CALLER,
        requestId: 'req-7',
        body: {
          query: expect.stringContaining('activeConsentsForOrg(org: $org, personIds: $personIds)'),
          variables: { org: BANK, personIds: [A] },
        },
      },
    ]);
  });

  it('throws naming what went wrong, so the gateway can fail closed', async () => {
    const failing = await Promise.all([
      lookupAgainst((_body, _req, res) => json(res, 503, {})),
      lookupAgainst((_body, _req, res) =>
        json(res, 200, { data: null, errors: [{ message: 'Access denied' }] }),
      ),
      lookupAgainst((_body, _req, res) =>
        json(res, 200, { data: { activeConsentsForOrg: [{ personId: A }] } }),
      ),
    ]);
    const noUrl = createConsentLookup({ keys, url: () => undefined });
    const messages = await Promise.all(
      [...failing, noUrl].map((lookup) =>
        lookup(BANK, [A], 'req-8').then(
          () => 'resolved',
          (error: Error) => `${error.name}: ${error.message}`,
        ),
      ),
    );
    expect(messages).toEqual([
      'ConsentLookupError: subgraph credit answered HTTP 503',
      'ConsentLookupError: subgraph credit refused the lookup: Access denied',
      'ConsentLookupError: subgraph credit sent a malformed answer',
      'ConsentLookupError: subgraph credit has no URL',
    ]);
  });
});
