/**
 * The compiled bundle `npm start` runs (scripts/start.mjs), and the rule that it is never stale:
 * dist/start-all.cjs, a bundle of scripts/start-all.ts built with esbuild, is rebuilt whenever
 * the SHA-256 over everything that decides its content differs from the one it was built from.
 * That is every file esbuild could load from the source folders (TypeScript and JavaScript, JSON),
 * tsconfig.json (esbuild reads its compiler options), the esbuild version and the recipe below.
 * Plain JavaScript, so that starting needs no TypeScript loader.
 *
 *   ensureBundle(root) -> { bundle, built }   (built: whether it had to be (re)built)
 *   bundleIsCurrent(root), sourcesHash(root), sourceFiles(root), bundleInputs(root)
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';

const SOURCE_DIRS = ['gateway', 'lib', 'subgraphs', 'scripts'];
/** What esbuild resolves and loads when it bundles (its default resolveExtensions, and JSON). */
const LOADED = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|json)$/;
/** Changes when the way the bundle is built changes, so that a new way rebuilds. */
const BUILD_RECIPE = 'esbuild cjs node20 packages-external source-dirname v2';

/** Where the bundle and its stamp live under `root`. */
export function bundlePaths(root) {
  return {
    entry: join(root, 'scripts', 'start-all.ts'),
    bundle: join(root, 'dist', 'start-all.cjs'),
    stamp: join(root, 'dist', 'start-all.sources.sha256'),
  };
}

/** Every file under the source folders esbuild could load (tests cannot be in the bundle), sorted. */
export function sourceFiles(root) {
  const files = [];
  for (const dir of SOURCE_DIRS) {
    if (!existsSync(join(root, dir))) continue;
    for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !LOADED.test(entry.name)) continue;
      const path = join(entry.parentPath ?? entry.path, entry.name);
      if (path.includes(`${sep}__tests__${sep}`) || path.includes(`${sep}node_modules${sep}`)) {
        continue;
      }
      files.push(path);
    }
  }
  return files.sort();
}

function esbuildVersion(root) {
  try {
    const require = createRequire(join(root, 'package.json'));
    return JSON.parse(readFileSync(require.resolve('esbuild/package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

/** The SHA-256 the bundle must have been built from to be current. */
export function sourcesHash(root) {
  const hash = createHash('sha256').update(BUILD_RECIPE).update('\0').update(esbuildVersion(root));
  const tsconfig = join(root, 'tsconfig.json');
  const files = existsSync(tsconfig) ? [tsconfig, ...sourceFiles(root)] : sourceFiles(root);
  for (const file of files) {
    hash.update('\0').update(relative(root, file)).update('\0').update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** Whether dist/ holds a bundle built from the sources as they are now. */
export function bundleIsCurrent(root, hash = sourcesHash(root)) {
  const { bundle, stamp } = bundlePaths(root);
  return existsSync(bundle) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash;
}

/** Rewrites `__dirname` in a project module to that module's source folder, seen from dist/. */
function sourceDirname(root) {
  return {
    name: 'source-dirname',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const source = readFileSync(args.path, 'utf8');
        const folder = JSON.stringify(relative(root, dirname(args.path)));
        return {
          contents: source.replace(/\b__dirname\b/g, `__sourceFolder(${folder})`),
          loader: 'ts',
        };
      });
    },
  };
}

function buildOptions(root) {
  const { entry, bundle } = bundlePaths(root);
  return {
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    banner: {
      js: 'const __sourceFolder = (folder) => require("node:path").join(__dirname, "..", folder);',
    },
    plugins: [sourceDirname(root)],
  };
}

async function loadEsbuild(root) {
  const require = createRequire(join(root, 'package.json'));
  return import(require.resolve('esbuild'));
}

/**
 * The project files the bundle is made of (relative to `root`), as esbuild reports them: every one
 * must be among sourceFiles(), or a change to it would not rebuild the bundle.
 */
export async function bundleInputs(root) {
  const esbuild = await loadEsbuild(root);
  const result = await esbuild.build({ ...buildOptions(root), write: false, metafile: true });
  return Object.keys(result.metafile.inputs)
    .filter((input) => !input.split('/').includes('node_modules'))
    .map((input) => relative(root, join(root, input)))
    .sort();
}

/**
 * Builds the bundle unless it is current; the stamp is written after the bundle, with the hash
 * read before building, so a source changed meanwhile makes the next start build again.
 */
export async function ensureBundle(root, options = {}) {
  const log = options.log ?? ((line) => console.log(line));
  const { bundle, stamp } = bundlePaths(root);
  const hash = sourcesHash(root);
  if (bundleIsCurrent(root, hash)) return { bundle, built: false };
  const started = Date.now();
  const esbuild = await loadEsbuild(root);
  mkdirSync(dirname(bundle), { recursive: true });
  await esbuild.build({ ...buildOptions(root), sourcemap: 'linked' });
  writeFileSync(stamp, `${hash}\n`);
  log(`credit-federation: compiled the sources in ${Date.now() - started} ms`);
  return { bundle, built: true };
}
