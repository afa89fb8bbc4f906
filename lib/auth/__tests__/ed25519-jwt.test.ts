import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { ed25519Jwt } from '../ed25519-jwt';
import { Ed25519JwtRefusal } from '../ed25519-jwt-refusal';

const keys = generateKeyPairSync('ed25519');
const NOW = () => Math.floor(Date.now() / 1000);
const CHECKS = {
  typ: 'internal-context+jwt',
  issuer: 'credit-federation-gateway',
  audience: 'tax',
  requiredClaims: ['exp', 'iat', 'jti'],
  clockToleranceSeconds: 10,
  maxTokenAgeSeconds: 300,
};

function claims(extra: Record<string, unknown> = {}) {
  return {
    iss: CHECKS.issuer,
    aud: 'tax',
    sub: 's',
    iat: NOW(),
    exp: NOW() + 60,
    jti: 'j-1',
    ...extra,
  };
}

function refusal(token: string): Ed25519JwtRefusal | undefined {
  try {
    ed25519Jwt.verify(ed25519Jwt.decode(token), keys.publicKey, CHECKS);
    return undefined;
  } catch (error) {
    if (error instanceof Ed25519JwtRefusal) return error;
    throw error;
  }
}

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('ed25519Jwt', () => {
  it('signs what jose verifies, and verifies what jose signs', async () => {
    const ours = ed25519Jwt.sign({ typ: CHECKS.typ }, claims(), keys.privateKey);
    const { payload, protectedHeader } = await jwtVerify(ours, keys.publicKey, {
      algorithms: ['EdDSA'],
      typ: CHECKS.typ,
      issuer: CHECKS.issuer,
      audience: 'tax',
    });
    expect(protectedHeader).toEqual({ alg: 'EdDSA', typ: CHECKS.typ });
    expect(payload).toEqual(claims({ iat: payload.iat, exp: payload.exp }));
    const theirs = await new SignJWT(claims())
      .setProtectedHeader({ alg: 'EdDSA', typ: CHECKS.typ })
      .sign(keys.privateKey);
    expect(ed25519Jwt.verify(ed25519Jwt.decode(theirs), keys.publicKey, CHECKS)).toMatchObject({
      jti: 'j-1',
    });
  });

  it('refuses what is not a compact JWS of JSON objects', () => {
    for (const token of ['', 'a.b', 'a.b.c.d', `${part({})}.${part([])}.`, `${part({})}.%%.x`]) {
      expect(() => ed25519Jwt.decode(token)).toThrow(new Ed25519JwtRefusal('malformed'));
    }
  });

  it('refuses another algorithm, critical extensions and a signature of the wrong size', () => {
    const good = ed25519Jwt.sign({ typ: CHECKS.typ }, claims(), keys.privateKey);
    const [, payload, signature] = good.split('.');
    expect(refusal(`${part({ alg: 'none', typ: CHECKS.typ })}.${payload}.`)).toEqual(
      new Ed25519JwtRefusal('algorithm'),
    );
    expect(refusal(`${part({ alg: 'HS256', typ: CHECKS.typ })}.${payload}.${signature}`)).toEqual(
      new Ed25519JwtRefusal('algorithm'),
    );
    const critical = part({ alg: 'EdDSA', typ: CHECKS.typ, crit: ['exp'], exp: 1 });
    expect(refusal(`${critical}.${payload}.${signature}`)).toEqual(
      new Ed25519JwtRefusal('malformed'),
    );
    expect(refusal(`${good.split('.').slice(0, 2).join('.')}.${signature.slice(0, 40)}`)).toEqual(
      new Ed25519JwtRefusal('signature'),
    );
  });

  it('refuses a changed payload and a token signed with another key', () => {
    const good = ed25519Jwt.sign({ typ: CHECKS.typ }, claims(), keys.privateKey);
    const [header, , signature] = good.split('.');
    expect(refusal(`${header}.${part(claims({ sub: 'other' }))}.${signature}`)).toEqual(
      new Ed25519JwtRefusal('signature'),
    );
    const stranger = generateKeyPairSync('ed25519').privateKey;
    expect(refusal(ed25519Jwt.sign({ typ: CHECKS.typ }, claims(), stranger))).toEqual(
      new Ed25519JwtRefusal('signature'),
    );
  });

  it('checks type, claims and times the way jose does', () => {
    const token = (extra: Record<string, unknown>, typ = CHECKS.typ) =>
      ed25519Jwt.sign({ typ }, claims(extra), keys.privateKey);
    expect(refusal(token({}, 'JWT'))).toEqual(new Ed25519JwtRefusal('check', 'typ'));
    expect(refusal(token({ jti: undefined }))).toEqual(new Ed25519JwtRefusal('missing', 'jti'));
    expect(refusal(token({ iss: 'x' }))).toEqual(new Ed25519JwtRefusal('check', 'iss'));
    expect(refusal(token({ aud: ['court'] }))).toEqual(new Ed25519JwtRefusal('check', 'aud'));
    expect(refusal(token({ aud: ['court', 'tax'] }))).toBeUndefined();
    expect(refusal(token({ iat: '1' }))).toEqual(new Ed25519JwtRefusal('invalid', 'iat'));
    expect(refusal(token({ exp: NOW() - 11 }))).toEqual(new Ed25519JwtRefusal('check', 'exp'));
    expect(refusal(token({ nbf: NOW() + 60 }))).toEqual(new Ed25519JwtRefusal('check', 'nbf'));
    expect(refusal(token({ iat: NOW() - 400 }))).toEqual(new Ed25519JwtRefusal('check', 'age'));
    expect(refusal(token({ iat: NOW() + 60 }))).toEqual(new Ed25519JwtRefusal('check', 'iat'));
  });
});
