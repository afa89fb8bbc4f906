import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GATEWAY_ISSUER, createInternalTokenVerifier } from '../../../lib/auth/internal-token';
import { createMemoryKeyStore } from '../../../lib/auth/key-store';
import { makeCitizenId } from '../../../lib/ids/citizen-id';
import { SUBJECT_LOOKUP_CALLER, createSubjectLookup } from '../subject-lookup';

const A = makeCitizenId('511921', '19850315', 101);

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

const OBJECTION = { kind: 'OBJECTION' as const, id: 'o-1' };
const ITEM = { kind: 'CATALOG_ITEM' as const, id: 'CIVIL_VOLUNTEER_SERVICE' };
const MISSING = { kind: 'CREDIT_RECORD' as const, id: 'AMR:none' };

describe('createSubjectLookup', () => {
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
    return createSubjectLookup({ keys, url: () => url, timeoutMs: 2000 });
  }

  it("asks the credit platform as the gateway's own identity and reads each answer in order", async () => {
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
              subjectsOf: [
                { ...OBJECTION, personId: A.toLowerCase(), dept: 'AMR', unresolved: null },
                { ...ITEM, personId: null, dept: 'CIVIL', unresolved: null },
                { ...MISSING, personId: null, dept: null, unresolved: 'no credit record AMR:none' },
              ],
            },
          });
        },
        (error: unknown) => json(res, 401, { errors: [{ message: String(error) }] }),
      );
    });
    expect(await lookup([OBJECTION, ITEM, MISSING], 'req-9')).toEqual([
      { personId: A, dept: 'AMR' },
      { dept: 'CIVIL' },
      { unresolved: 'no credit record AMR:none' },
    ]);
    expect(seen).toEqual([
      {
        caller: SUBJECT_LOOKUP_CALLER,
        requestId: 'req-9',
        body: {
          query: expect.stringContaining('subjectsOf(references: $references)'),
          variables: { references: [OBJECTION, ITEM, MISSING] },
        },
      },
    ]);
  });

  it('asks nothing for no references', async () => {
    const lookup = createSubjectLookup({ keys, url: () => undefined });
    expect(await lookup([], 'req-0')).toEqual([]);
  });

  it('throws naming what went wrong, so the gateway can fail closed', async () => {
    const answer = (subjectsOf: unknown) => (_b: unknown, _r: unknown, res: ServerResponse) =>
      json(res, 200, { data: { subjectsOf } });
    const failing = await Promise.all([
      lookupAgainst((_body, _req, res) => json(res, 502, {})),
      lookupAgainst(answer([])),
      lookupAgainst(answer([{ ...ITEM, personId: null, dept: 'MARS', unresolved: null }])),
      lookupAgainst(answer([{ kind: 'OBJECTION', id: 'other', personId: null, dept: 'AMR' }])),
      lookupAgainst(answer([{ ...ITEM, personId: 'not-an-id', dept: 'CIVIL', unresolved: null }])),
    ]);
    const messages = await Promise.all(
      failing.map((lookup) =>
        lookup([ITEM], 'req-8').then(
          () => 'resolved',
          (error: Error) => `${error.name}: ${error.message}`,
        ),
      ),
    );
    expect(messages).toEqual([
      'SubjectLookupError: subgraph credit answered HTTP 502',
      'SubjectLookupError: subgraph credit sent a malformed answer',
      'SubjectLookupError: subgraph credit sent a malformed answer',
      'SubjectLookupError: subgraph credit sent a malformed answer',
      'SubjectLookupError: subgraph credit sent a malformed answer',
    ]);
  });
});
