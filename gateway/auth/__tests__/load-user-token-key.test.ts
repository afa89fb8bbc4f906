import { generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, exportJWK } from 'jose';
import { openKeyStore } from '../../../lib/auth/key-store';
import { signUserToken } from '../../../lib/auth/user-token';
import { loadUserTokenKey } from '../load-user-token-key';
import { createUserTokenVerifier } from '../verify-user-token';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const identity = {
  sub: 'officer-1',
  clientType: 'officer' as const,
  dept: 'TAX' as const,
  roles: [],
};

let dataDir: string;
let jwks: Server;
let jwksUrl: string;

function rsaToken(kid: string, key: KeyObject = rsa.privateKey): Promise<string> {
  return new SignJWT({ ...identity })
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuer('credit-federation-dev')
    .setAudience('credit-federation')
    .setExpirationTime('5m')
    .sign(key);
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'user-token-key-'));
  const body = JSON.stringify({
    keys: [{ ...(await exportJWK(rsa.publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' }],
  });
  jwks = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => jwks.close(() => resolve()));
  await rm(dataDir, { recursive: true, force: true });
});

describe('loadUserTokenKey', () => {
  it('uses the dev user-token key from <dataDir>/keys by default', async () => {
    const loaded = await loadUserTokenKey({ env: {}, dataDir });
    expect(loaded.source).toBe(`dev key ${dataDir}/keys/user-token.public.pem`);
    const { privateKey } = await openKeyStore(dataDir).keyPair('user-token');
    const token = await signUserToken(identity, { key: privateKey });
    expect(await createUserTokenVerifier({ key: loaded.key })(`Bearer ${token}`)).toEqual(identity);
  });

  it('reads JWT_PUBLIC_KEY_FILE (SPKI PEM)', async () => {
    const path = join(dataDir, 'idp.pem');
    await writeFile(path, rsa.publicKey.export({ type: 'spki', format: 'pem' }));
    const loaded = await loadUserTokenKey({ env: { JWT_PUBLIC_KEY_FILE: path }, dataDir });
    expect(loaded.source).toBe(`public key file ${path}`);
    const verify = createUserTokenVerifier({ key: loaded.key });
    expect(await verify(`Bearer ${await rsaToken('any')}`)).toEqual(identity);
  });

  it('refuses a key file that is neither RSA nor Ed25519', async () => {
    const path = join(dataDir, 'ec.pem');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await writeFile(path, ec.publicKey.export({ type: 'spki', format: 'pem' }));
    await expect(loadUserTokenKey({ env: { JWT_PUBLIC_KEY_FILE: path } })).rejects.toThrow(
      `JWT_PUBLIC_KEY_FILE ${path} holds a ec key; use RSA (RS256) or Ed25519 (EdDSA)`,
    );
  });

  it('verifies tokens against the JWKS_URL key set', async () => {
    const loaded = await loadUserTokenKey({ env: { JWKS_URL: jwksUrl } });
    expect(loaded.source).toBe(`JWKS ${jwksUrl}`);
    const verify = createUserTokenVerifier({ key: loaded.key });
    expect(await verify(`Bearer ${await rsaToken('idp-1')}`)).toEqual(identity);
    await expect(verify(`Bearer ${await rsaToken('idp-2')}`)).rejects.toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      message: 'token signing key is unknown (no matching key in the JWKS)',
    });
  });

  it('answers 503 when the JWKS endpoint cannot be reached', async () => {
    const loaded = await loadUserTokenKey({ env: { JWKS_URL: 'http://127.0.0.1:1/jwks.json' } });
    const verify = createUserTokenVerifier({ key: loaded.key });
    await expect(verify(`Bearer ${await rsaToken('idp-1')}`)).rejects.toMatchObject({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      message: expect.stringMatching(
        /^cannot load token signing keys from JWKS_URL: .*ECONNREFUSED/,
      ),
    });
  });

  it('refuses ambiguous or unsafe production settings', async () => {
    await expect(
      loadUserTokenKey({ env: { JWKS_URL: jwksUrl, JWT_PUBLIC_KEY_FILE: '/x.pem' } }),
    ).rejects.toThrow('set either JWKS_URL or JWT_PUBLIC_KEY_FILE, not both');
    await expect(loadUserTokenKey({ env: { NODE_ENV: 'production' }, dataDir })).rejects.toThrow(
      'JWKS_URL or JWT_PUBLIC_KEY_FILE is required in production (dev keys are refused)',
    );
    await expect(
      loadUserTokenKey({ env: { NODE_ENV: 'production', JWKS_URL: jwksUrl } }),
    ).rejects.toThrow('JWKS_URL must use https in production, got http:');
  });

  it('treats empty variables as unset', async () => {
    const loaded = await loadUserTokenKey({
      env: { JWKS_URL: '', JWT_PUBLIC_KEY_FILE: ' ' },
      dataDir,
    });
    expect(loaded.source).toBe(`dev key ${dataDir}/keys/user-token.public.pem`);
  });
});
