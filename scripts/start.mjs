/**
 * `npm start` without loading TypeScript at run time: runs dist/start-all.cjs, a bundle of
 * scripts/start-all.ts compiled with esbuild, rebuilt (about a second) whenever the sources differ
 * from the ones it was built from, so it is never stale against them (scripts/lib/compiled-start.mjs
 * says what counts). Dependencies stay in node_modules (external), and each module's `__dirname`
 * still points at its source folder, where its SQL, SDL and YAML live.
 *
 *   node scripts/start.mjs            (npm start)
 *   node scripts/start.mjs --build    (build only; npm run build)
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBundle } from './lib/compiled-start.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const { bundle } = await ensureBundle(ROOT);
if (!process.argv.includes('--build')) {
  createRequire(import.meta.url)(bundle);
}
