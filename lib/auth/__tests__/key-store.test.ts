import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEV_KEY_NAMES, createMemoryKeyStore, openKeyStore } from '../key-store';

const pem = (key: KeyObject) =>
  key.type === 'private'
    ? key.export({ type: 'pkcs8', format: 'pem' })
    : key.export({ type: 'spki', format: 'pem' });

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'key-store-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('openKeyStore', () => {
  it('generates each key pair on first use into <dataDir>/keys with mode 0600', async () => {
    const store = openKeyStore(dataDir);
    for (const name of DEV_KEY_NAMES) await store.keyPair(name);
    const keysDir = join(dataDir, 'keys');
    expect((await readdir(keysDir)).sort()).toEqual([
      'collector-internal.private.pem',
      'collector-internal.public.pem',
      'gateway-internal.private.pem',
      'gateway-internal.public.pem',
      'user-token.private.pem',
      'user-token.public.pem',
    ]);
    for (const file of await readdir(keysDir)) {
      expect({ file, mode: (await stat(join(keysDir, file))).mode & 0o777 }).toEqual({
        file,
        mode: 0o600,
      });
    }
    expect((await stat(keysDir)).mode & 0o777).toBe(0o700);
  });

  it('writes Ed25519 PEM files that match the returned keys', async () => {
    const { privateKey, publicKey } = await openKeyStore(dataDir).keyPair('user-token');
    expect(privateKey.asymmetricKeyType).toBe('ed25519');
    const keysDir = join(dataDir, 'keys');
    expect(await readFile(join(keysDir, 'user-token.private.pem'), 'utf8')).toBe(pem(privateKey));
    expect(await readFile(join(keysDir, 'user-token.public.pem'), 'utf8')).toBe(pem(publicKey));
  });

  it('reuses the keys on disk in a later start', async () => {
    const first = await openKeyStore(dataDir).keyPair('gateway-internal');
    const second = await openKeyStore(dataDir).keyPair('gateway-internal');
    expect(pem(second.privateKey)).toBe(pem(first.privateKey));
    expect(pem(second.publicKey)).toBe(pem(first.publicKey));
  });

  it('keeps distinct pairs per name', async () => {
    const store = openKeyStore(dataDir);
    const user = await store.keyPair('user-token');
    const gateway = await store.keyPair('gateway-internal');
    expect(pem(user.publicKey)).not.toBe(pem(gateway.publicKey));
  });

  it('gives concurrent first starts the same key and leaves no temporary files', async () => {
    const pairs = await Promise.all(
      Array.from({ length: 12 }, () => openKeyStore(dataDir).keyPair('collector-internal')),
    );
    const privatePems = new Set(pairs.map((pair) => pem(pair.privateKey)));
    const publicPems = new Set(pairs.map((pair) => pem(pair.publicKey)));
    expect(privatePems.size).toBe(1);
    expect(publicPems.size).toBe(1);
    expect(await readFile(join(dataDir, 'keys', 'collector-internal.private.pem'), 'utf8')).toBe(
      [...privatePems][0],
    );
    expect((await readdir(join(dataDir, 'keys'))).sort()).toEqual([
      'collector-internal.private.pem',
      'collector-internal.public.pem',
    ]);
  });

  it('gives concurrent first starts in separate processes the same key', async () => {
    const script = `require(${JSON.stringify(join(__dirname, '..', 'key-store'))})
      .openKeyStore(${JSON.stringify(dataDir)}).keyPair('user-token')
      .then((pair) => process.stdout.write(pair.publicKey.export({ type: 'spki', format: 'pem' })))`;
    const runs = await Promise.all(
      Array.from({ length: 4 }, () =>
        promisify(execFile)(process.execPath, ['--require', 'tsx/cjs', '-e', script]),
      ),
    );
    const onDisk = await readFile(join(dataDir, 'keys', 'user-token.public.pem'), 'utf8');
    expect(runs.map((run) => run.stdout)).toEqual([onDisk, onDisk, onDisk, onDisk]);
  });

  it('returns the public key of the pair', async () => {
    const store = openKeyStore(dataDir);
    const { publicKey } = await store.keyPair('user-token');
    expect(pem(await store.publicKey('user-token'))).toBe(pem(publicKey));
  });

  it('reads a lone public key file (a host that only verifies)', async () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    await mkdir(join(dataDir, 'keys'));
    await writeFile(join(dataDir, 'keys', 'gateway-internal.public.pem'), pem(publicKey));
    expect(pem(await openKeyStore(dataDir).publicKey('gateway-internal'))).toBe(pem(publicKey));
    expect(await readdir(join(dataDir, 'keys'))).toEqual(['gateway-internal.public.pem']);
  });

  it('rewrites a public key file that does not match the private key', async () => {
    const store = openKeyStore(dataDir);
    const { publicKey } = await store.keyPair('user-token');
    const publicPath = join(dataDir, 'keys', 'user-token.public.pem');
    await writeFile(publicPath, pem(generateKeyPairSync('ed25519').publicKey));
    expect(pem((await openKeyStore(dataDir).keyPair('user-token')).publicKey)).toBe(pem(publicKey));
    expect(await readFile(publicPath, 'utf8')).toBe(pem(publicKey));
  });

  it('refuses a key file that is not Ed25519', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    await mkdir(join(dataDir, 'keys'));
    const path = join(dataDir, 'keys', 'user-token.private.pem');
    await writeFile(path, pem(rsa.privateKey));
    await expect(openKeyStore(dataDir).keyPair('user-token')).rejects.toThrow(
      `${path} holds a rsa key, expected Ed25519`,
    );
  });
});

describe('createMemoryKeyStore', () => {
  it('keeps one Ed25519 pair per name in memory and writes nothing', async () => {
    const store = createMemoryKeyStore();
    const first = await store.keyPair('user-token');
    const again = await store.keyPair('user-token');
    const other = await store.keyPair('gateway-internal');
    expect(again).toBe(first);
    expect(first.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(pem(other.publicKey)).not.toBe(pem(first.publicKey));
    expect(await store.publicKey('user-token')).toBe(first.publicKey);
    expect(await readdir(dataDir)).toEqual([]);
  });
});
