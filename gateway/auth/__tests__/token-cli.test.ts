import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { openKeyStore } from '../../../lib/auth/key-store';
import { TokenUsageError, identityFromArgs, tokenFromArgs } from '../../../scripts/token';
import { loadUserTokenKey } from '../load-user-token-key';
import { createUserTokenVerifier } from '../verify-user-token';

const PERSON = '11010519491231002X';
const ORG = '91511921MA6ABCDE1T';

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'token-cli-'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function verifyToken(token: string) {
  const { key } = await loadUserTokenKey({ env: {}, dataDir });
  return createUserTokenVerifier({ key })(`Bearer ${token}`);
}

function usageError(argv: string[]): string {
  try {
    identityFromArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(TokenUsageError);
    return (error as Error).message;
  }
  throw new Error(`expected ${argv.join(' ')} to be refused`);
}

describe('npm run token', () => {
  it('prints an officer token (the contract example) that the gateway verifier accepts', async () => {
    const argv = [
      '--dept',
      'COURT',
      '--roles',
      'officer',
      '--client',
      'officer',
      '--data-dir',
      dataDir,
    ];
    const token = await tokenFromArgs(argv);
    expect(await verifyToken(token)).toEqual({
      sub: 'dev-officer-court',
      clientType: 'officer',
      dept: 'COURT',
      roles: ['officer'],
    });
  });

  it('signs with the user-token key in --data-dir and lasts 8 hours by default', async () => {
    const token = await tokenFromArgs(['--dept', 'TAX', '--data-dir', dataDir]);
    const { iat, exp, iss, aud } = decodeJwt(token);
    expect({ iss, aud, lifetime: (exp ?? 0) - (iat ?? 0) }).toEqual({
      iss: 'credit-federation-dev',
      aud: 'credit-federation',
      lifetime: 8 * 3600,
    });
    const { publicKey } = await openKeyStore(dataDir).keyPair('user-token');
    const { key } = await loadUserTokenKey({ env: {}, dataDir });
    expect(key).toEqual(publicKey);
  });

  it('prints a citizen token with --person (client inferred)', async () => {
    const token = await tokenFromArgs(['--person', PERSON.toLowerCase(), '--data-dir', dataDir]);
    expect(await verifyToken(token)).toEqual({
      sub: 'dev-citizen-002X',
      clientType: 'citizen',
      roles: [],
      personId: PERSON,
    });
  });

  it('prints an org token with --org, --sub, several roles and --ttl', async () => {
    const argv = [
      '--client',
      'org',
      '--org',
      ORG,
      '--sub',
      'bank-7',
      '--roles',
      'loan, risk',
      '--ttl',
      '30m',
    ];
    const token = await tokenFromArgs([...argv, '--data-dir', dataDir]);
    expect(await verifyToken(token)).toEqual({
      sub: 'bank-7',
      clientType: 'org',
      roles: ['loan', 'risk'],
      org: ORG,
    });
    const { iat, exp } = decodeJwt(token);
    expect((exp ?? 0) - (iat ?? 0)).toBe(1800);
  });

  it('accepts department and client names in any case', () => {
    expect(identityFromArgs(['--client', 'Auditor', '--dept', 'audit']).identity).toEqual({
      sub: 'dev-auditor-audit',
      clientType: 'auditor',
      dept: 'AUDIT',
      roles: [],
    });
  });

  it.each([
    [
      ['--dept', 'FBI'],
      'unknown --dept FBI (one of PSB, TAX, COURT, AMR, EDU, NDRC, PBOC, CIVIL, HRSS, HEALTH, JUSTICE, AUDIT)',
    ],
    [
      ['--client', 'admin', '--dept', 'TAX'],
      'unknown --client admin (one of officer, system, citizen, org, auditor, developer, public)',
    ],
    [
      ['--client', 'officer'],
      '--client officer needs --dept (one of PSB, TAX, COURT, AMR, EDU, NDRC, PBOC, CIVIL, HRSS, HEALTH, JUSTICE, AUDIT)',
    ],
    [['--client', 'citizen'], '--client citizen needs --person <citizen id>'],
    [
      ['--person', '110105194912310021'],
      '--person 110105194912310021 is not a valid citizen id: check character is 1, expected X',
    ],
    [['--client', 'org'], '--client org needs --org <unified social credit code>'],
    [
      ['--org', '91511921MA6ABCDE1A'],
      '--org 91511921MA6ABCDE1A is not a valid unified social credit code: check character is A, expected T',
    ],
    [
      ['--client', 'citizen', '--person', PERSON, '--dept', 'PSB'],
      '--dept is not used with --client citizen',
    ],
    [
      ['--dept', 'TAX', '--person', PERSON, '--client', 'officer'],
      '--person is only for --client citizen',
    ],
    [['--dept', 'TAX', '--org', ORG, '--client', 'officer'], '--org is only for --client org'],
    [
      ['--dept', 'TAX', '--ttl', '8 hours'],
      '--ttl 8 hours is not a duration like 3600, 90s, 30m, 8h or 2d',
    ],
    [['--dept', 'TAX', '--ttl', '0'], '--ttl 0 is not a duration like 3600, 90s, 30m, 8h or 2d'],
    [['--dept', 'TAX', '--sub', ' '], '--sub must not be empty'],
    [['--dept', 'TAX', '--depts', 'X'], "Unknown option '--depts'"],
  ])('refuses %j', (argv, message) => {
    expect(usageError(argv)).toBe(message);
  });

  it('runs as a script: the token alone on stdout, exit code 2 and a hint on bad input', async () => {
    const run = (args: string[]) =>
      promisify(execFile)(process.execPath, ['--require', 'tsx/cjs', 'scripts/token.ts', ...args], {
        cwd: join(__dirname, '..', '..', '..'),
      });
    const { stdout } = await run(['--dept', 'NDRC', '--roles', 'officer', '--data-dir', dataDir]);
    expect(await verifyToken(stdout.trim())).toEqual({
      sub: 'dev-officer-ndrc',
      clientType: 'officer',
      dept: 'NDRC',
      roles: ['officer'],
    });
    await expect(run(['--client', 'citizen', '--data-dir', dataDir])).rejects.toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        'npm run token: --client citizen needs --person <citizen id>\n(npm run token -- --help for usage)\n',
    });
  });
});
