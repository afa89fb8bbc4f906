/**
 * Micro-benchmark of the per-request token work (docs/BENCHMARKS.md): signing an internal context
 * token (once per subgraph fetch, gateway), verifying one (once per request, every subgraph), and,
 * for comparison, the same through jose. Interleaved rounds; prints CPU µs per operation as
 * min/median/max over the rounds, and the load average.
 *
 *   npm run bench:tokens [-- --rounds 7 --count 2000]
 */
import { generateKeyPairSync } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { SignJWT, jwtVerify } from 'jose';
import type { Caller } from '../lib/auth/caller';
import {
  GATEWAY_ISSUER,
  createInternalTokenVerifier,
  signInternalToken,
} from '../lib/auth/internal-token';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '7' }, count: { type: 'string', default: '2000' } },
});
const rounds = Number(values.rounds);
const count = Number(values.count);
if (!(rounds >= 1 && rounds <= 100 && count >= 1 && count <= 100_000)) {
  throw new Error('--rounds must be 1-100 and --count 1-100,000');
}

const keys = generateKeyPairSync('ed25519');
const caller: Caller = {
  sub: 'officer-1',
  clientType: 'officer',
  dept: 'NDRC',
  roles: ['officer'],
  purpose: 'ADMIN_LICENSING',
  caseRef: 'XK-2025-0001',
  consents: [],
};
const verify = createInternalTokenVerifier({
  subgraphName: 'population',
  trustedIssuers: { [GATEWAY_ISSUER]: keys.publicKey },
});
const sign = (requestId: string) =>
  signInternalToken(caller, {
    audience: 'population',
    requestId,
    issuer: GATEWAY_ISSUER,
    key: keys.privateKey,
  });
const joseSign = (requestId: string) =>
  new SignJWT({ caller: { ...caller }, requestId })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'internal-context+jwt' })
    .setIssuer(GATEWAY_ISSUER)
    .setAudience('population')
    .setSubject(caller.sub)
    .setIssuedAt()
    .setExpirationTime('60s')
    .setJti(requestId)
    .sign(keys.privateKey);

/**
 * CPU µs (user + system, every thread of the process: jose signs on libuv's pool) per call of
 * `work` over `count` calls, each with its own input. CPU time, not wall time, so that other load
 * on the machine inflates the figures less.
 */
async function time(work: (i: number) => Promise<unknown>): Promise<number> {
  const started = process.cpuUsage();
  for (let i = 0; i < count; i++) await work(i);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / count;
}

const cases: Record<string, () => Promise<number>> = {
  'internal token, sign (node:crypto Ed25519)': () => time((i) => sign(`r-${i}`)),
  'internal token, verify (node:crypto Ed25519)': async () => {
    const tokens = await Promise.all(Array.from({ length: count }, (_, i) => sign(`v-${i}`)));
    return time((i) => verify(tokens[i]));
  },
  'internal token, sign (jose, before)': () => time((i) => joseSign(`j-${i}`)),
  'internal token, verify (jose, before)': async () => {
    const tokens = await Promise.all(Array.from({ length: count }, (_, i) => joseSign(`k-${i}`)));
    return time((i) =>
      jwtVerify(tokens[i], keys.publicKey, {
        algorithms: ['EdDSA'],
        issuer: GATEWAY_ISSUER,
        audience: 'population',
        typ: 'internal-context+jwt',
        clockTolerance: 10,
        maxTokenAge: 300,
        requiredClaims: ['exp', 'iat', 'jti'],
      }),
    );
  },
};

async function main(): Promise<void> {
  const results = new Map<string, number[]>(Object.keys(cases).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(cases)) results.get(name)?.push(await run());
  }
  const load = loadavg().map((value) => value.toFixed(2));
  console.log(`${rounds} interleaved rounds of ${count} calls; load average ${load.join(' ')}`);
  console.log('| operation | CPU µs per call, min / median / max |');
  console.log('|---|---|');
  for (const [name, samples] of results) {
    const sorted = [...samples].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    const figures = [sorted[0], median, sorted[sorted.length - 1]].map((v) => v.toFixed(1));
    console.log(`| ${name} | ${figures.join(' / ')} |`);
  }
}

void main();
