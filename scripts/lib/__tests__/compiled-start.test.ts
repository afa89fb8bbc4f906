/**
 * `npm start` never runs a stale bundle (scripts/lib/compiled-start.mjs): a changed source
 * rebuilds it, an unchanged one does not, and the hash covers every project file the real bundle
 * is made of. The module is plain ESM (start needs no TypeScript loader), so it runs in a child
 * Node process here.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..', '..');
const MODULE = join(REPO, 'scripts', 'lib', 'compiled-start.mjs');

/** Runs `body` (an async function of the module and `root`) in a child Node; returns its JSON. */
function run<T>(root: string, body: string): T {
  const code =
    `import * as start from ${JSON.stringify(MODULE)};\n` +
    `const result = await (${body})(start, ${JSON.stringify(root)});\n` +
    'process.stdout.write(JSON.stringify(result ?? null));';
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as T;
}

const ensure = (root: string) =>
  run<{ built: boolean }>(root, '(start, root) => start.ensureBundle(root, { log: () => {} })');
const current = (root: string) =>
  run<boolean>(root, '(start, root) => start.bundleIsCurrent(root)');

describe('the compiled start', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cf-start-'));
    symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
    mkdirSync(join(root, 'scripts'));
    mkdirSync(join(root, 'lib'));
    writeFileSync(join(root, 'package.json'), '{ "private": true }\n');
    writeFileSync(join(root, 'tsconfig.json'), '{ "compilerOptions": { "strict": true } }\n');
    writeFileSync(
      join(root, 'scripts', 'start-all.ts'),
      "import { answer } from '../lib/answer';\nimport unit from '../lib/unit.json';\n" +
        'console.log(answer, unit.name);\n',
    );
    writeFileSync(
      join(root, 'lib', 'answer.ts'),
      "export const answer: string = 'first-answer';\n",
    );
    writeFileSync(join(root, 'lib', 'unit.json'), '{ "name": "first-unit" }\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const bundleText = () => readFileSync(join(root, 'dist', 'start-all.cjs'), 'utf8');

  it('builds on first start, then runs the same bundle while nothing changed', () => {
    expect(current(root)).toBe(false);
    expect(ensure(root)).toMatchObject({ built: true });
    expect(bundleText()).toContain('first-answer');
    expect(current(root)).toBe(true);
    expect(ensure(root)).toMatchObject({ built: false });
  });

  it('rebuilds when a TypeScript source changes', () => {
    ensure(root);
    writeFileSync(
      join(root, 'lib', 'answer.ts'),
      "export const answer: string = 'second-answer';\n",
    );
    expect(current(root)).toBe(false);
    expect(ensure(root)).toMatchObject({ built: true });
    expect(bundleText()).toContain('second-answer');
    expect(bundleText()).not.toContain('first-answer');
  });

  it('rebuilds when a JSON file the bundle contains changes, or tsconfig.json', () => {
    ensure(root);
    writeFileSync(join(root, 'lib', 'unit.json'), '{ "name": "second-unit" }\n');
    expect(current(root)).toBe(false);
    ensure(root);
    expect(bundleText()).toContain('second-unit');
    writeFileSync(join(root, 'tsconfig.json'), '{ "compilerOptions": { "strict": false } }\n');
    expect(current(root)).toBe(false);
  });

  it('rebuilds when the bundle or its stamp is missing or the stamp is not the sources', () => {
    ensure(root);
    writeFileSync(join(root, 'dist', 'start-all.sources.sha256'), `${'0'.repeat(64)}\n`);
    expect(current(root)).toBe(false);
    expect(ensure(root)).toMatchObject({ built: true });
    rmSync(join(root, 'dist', 'start-all.cjs'));
    expect(current(root)).toBe(false);
  });

  it('hashes every project file the real bundle is made of', () => {
    const { inputs, hashed } = run<{ inputs: string[]; hashed: string[] }>(
      REPO,
      `async (start, root) => ({
        inputs: await start.bundleInputs(root),
        hashed: start.sourceFiles(root).map((file) => file.slice(root.length + 1)),
      })`,
    );
    // Not vacuous: the bundle holds the gateway, the subgraphs and the shared code.
    expect(inputs.length).toBeGreaterThan(200);
    expect(inputs.filter((input) => !hashed.includes(input))).toEqual([]);
  });
});
