/**
 * Development signing keys (DESIGN §3): Ed25519 key pairs generated on first use into
 * `<dataDir>/keys/` (mode 0600, under the git-ignored `.data/`), never committed.
 *
 * API:
 *   const keys = openKeyStore('.data');            // files under .data/keys/
 *   const { privateKey, publicKey } = await keys.keyPair('gateway-internal');
 *   const verifyKey = await keys.publicKey('user-token');
 *   const testKeys = createMemoryKeyStore();        // same interface, nothing on disk
 *
 * Key names: `user-token` (dev user JWTs, `npm run token`), `gateway-internal` (the gateway's
 * internal context tokens), `collector-internal` (the credit collector's service identity).
 * Files: `<name>.private.pem` (PKCS#8) and `<name>.public.pem` (SPKI).
 *
 * Concurrent first starts are safe: each process writes its new private key to a temporary file
 * and links it into place, which fails if another process got there first; the loser then reads
 * the winner's key. The public key is always derived from the private key on disk, so the pair
 * can never mismatch.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { chmod, link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The development key pairs the system uses. */
export const DEV_KEY_NAMES = ['user-token', 'gateway-internal', 'collector-internal'] as const;
export type DevKeyName = (typeof DEV_KEY_NAMES)[number];

/** An Ed25519 key pair (node KeyObjects, usable wherever jose wants a KeyLike). */
export interface DevKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** Where the signing keys come from. */
export interface KeyStore {
  /** The named key pair, generated on first use. */
  keyPair(name: DevKeyName): Promise<DevKeyPair>;
  /**
   * The named public key (what a verifier needs). Read from `<name>.public.pem` when only the
   * public half is on disk (a host that verifies but never signs), otherwise from the pair.
   */
  publicKey(name: DevKeyName): Promise<KeyObject>;
}

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

/** Checks a node:fs error code (no `instanceof Error`: fs errors may come from another realm). */
function isErrno(error: unknown, ...codes: string[]): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    codes.includes(error.code)
  );
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  }
}

function parsePrivateKey(pem: string, path: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`${path} holds a ${key.asymmetricKeyType} key, expected Ed25519`);
  }
  return key;
}

function parsePublicKey(pem: string, path: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`${path} holds a ${key.asymmetricKeyType} key, expected Ed25519`);
  }
  return key;
}

function temporaryPath(path: string): string {
  return `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

/** Creates `path` with `content` unless it exists; returns the content that is on disk after. */
async function createExclusive(path: string, content: string): Promise<string> {
  const temporary = temporaryPath(path);
  await writeFile(temporary, content, { mode: FILE_MODE });
  try {
    // link() refuses to replace an existing file, unlike rename(): the first process wins.
    await link(temporary, path);
    return content;
  } catch (error) {
    if (isErrno(error, 'EEXIST')) {
      const existing = await readIfExists(path);
      if (existing !== undefined) return existing;
    }
    if (!isErrno(error, 'EPERM', 'ENOTSUP', 'ENOSYS', 'EXDEV')) throw error;
    // File systems without hard links: a plain rename (last writer wins; still never partial).
    await rename(temporary, path);
    return (await readIfExists(path)) ?? content;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/** Writes `path` atomically (temp + rename) unless it already holds exactly `content`. */
async function writeIfDifferent(path: string, content: string): Promise<void> {
  if ((await readIfExists(path)) === content) return;
  const temporary = temporaryPath(path);
  await writeFile(temporary, content, { mode: FILE_MODE });
  try {
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

function newPrivateKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({
    type: 'pkcs8',
    format: 'pem',
  }) as string;
}

function publicPemOf(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }) as string;
}

async function loadOrCreatePair(directory: string, name: DevKeyName): Promise<DevKeyPair> {
  await mkdir(directory, { recursive: true, mode: DIR_MODE });
  const privatePath = join(directory, `${name}.private.pem`);
  let privatePem = await readIfExists(privatePath);
  if (privatePem === undefined) {
    privatePem = await createExclusive(privatePath, newPrivateKeyPem());
    await chmod(privatePath, FILE_MODE);
  }
  const privateKey = parsePrivateKey(privatePem, privatePath);
  const publicPem = publicPemOf(privateKey);
  await writeIfDifferent(join(directory, `${name}.public.pem`), publicPem);
  return { privateKey, publicKey: createPublicKey(publicPem) };
}

/** A key store over files in `<dataDir>/keys/`; each pair is read (or generated) once. */
export function openKeyStore(dataDir: string): KeyStore {
  const directory = join(dataDir, 'keys');
  const pairs = new Map<DevKeyName, Promise<DevKeyPair>>();
  const keyPair = (name: DevKeyName): Promise<DevKeyPair> => {
    let pair = pairs.get(name);
    if (!pair) {
      pair = loadOrCreatePair(directory, name);
      // A failed load (e.g. a permission error) is retried on the next call, not cached.
      pair.catch(() => pairs.delete(name));
      pairs.set(name, pair);
    }
    return pair;
  };
  return {
    keyPair,
    async publicKey(name) {
      const privateExists =
        (await readIfExists(join(directory, `${name}.private.pem`))) !== undefined;
      if (!privateExists) {
        const publicPath = join(directory, `${name}.public.pem`);
        const publicPem = await readIfExists(publicPath);
        if (publicPem !== undefined) return parsePublicKey(publicPem, publicPath);
      }
      return (await keyPair(name)).publicKey;
    },
  };
}

/** A key store that keeps freshly generated pairs in memory (tests). */
export function createMemoryKeyStore(): KeyStore {
  const pairs = new Map<DevKeyName, DevKeyPair>();
  const keyPair = async (name: DevKeyName): Promise<DevKeyPair> => {
    let pair = pairs.get(name);
    if (!pair) {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      pair = { privateKey, publicKey };
      pairs.set(name, pair);
    }
    return pair;
  };
  return { keyPair, publicKey: async (name) => (await keyPair(name)).publicKey };
}
