/**
 * `npm start` without loading TypeScript at run time: runs dist/start-all.cjs, a bundle of
 * scripts/start-all.ts compiled with esbuild. The bundle is rebuilt (about a second) whenever the
 * SHA-256 over every TypeScript source it could contain differs from the one it was built from,
 * so it is never stale against the sources. Dependencies stay in node_modules (external), and
 * each module's `__dirname` still points at its source folder, where its SQL, SDL and YAML live.
 *
 *   node scripts/start.mjs            (npm start)
 *   node scripts/start.mjs --build    (build only; npm run build)
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIRS = ['gateway', 'lib', 'subgraphs', 'scripts'];
const BUNDLE = join(ROOT, 'dist', 'start-all.cjs');
const STAMP = join(ROOT, 'dist', 'start-all.sources.sha256');
/** Changes when the way the bundle is built changes, so that a new way rebuilds. */
const BUILD_RECIPE = 'esbuild cjs node20 packages-external source-dirname v1';

/** Every .ts file under the source folders (tests and browser pages cannot be in the bundle). */
function sourceFiles() {
  const files = [];
  for (const dir of SOURCE_DIRS) {
    for (const entry of readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const path = join(entry.parentPath ?? entry.path, entry.name);
      if (path.includes(`${'/'}__tests__${'/'}`)) continue;
      files.push(path);
    }
  }
  return files.sort();
}

function sourcesHash() {
  const hash = createHash('sha256').update(BUILD_RECIPE);
  for (const file of sourceFiles()) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Rewrites `__dirname` in a project module to that module's source folder, seen from dist/. */
const sourceDirname = {
  name: 'source-dirname',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${'/'}node_modules${'/'}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      const folder = JSON.stringify(relative(ROOT, dirname(args.path)));
      return {
        contents: source.replace(/\b__dirname\b/g, `__sourceFolder(${folder})`),
        loader: 'ts',
      };
    });
  },
};

async function build(hash) {
  const started = Date.now();
  const { build: esbuild } = await import('esbuild');
  await esbuild({
    entryPoints: [join(ROOT, 'scripts', 'start-all.ts')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    banner: {
      js: 'const __sourceFolder = (folder) => require("node:path").join(__dirname, "..", folder);',
    },
    plugins: [sourceDirname],
  });
  writeFileSync(STAMP, `${hash}\n`);
  console.log(`credit-federation: compiled the sources in ${Date.now() - started} ms`);
}

const hash = sourcesHash();
const current =
  existsSync(BUNDLE) && existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === hash;
if (!current) await build(hash);
if (!process.argv.includes('--build')) {
  createRequire(import.meta.url)(BUNDLE);
}
