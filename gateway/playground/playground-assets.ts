import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { StaticAsset } from '../pages/static-asset';

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

function fromPackage(name: string, file: string, contentType: string): StaticAsset {
  const packageJson = require.resolve(`${name}/package.json`);
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
  const base = file.split('/').pop() ?? file;
  return {
    path: `/playground/${name}-${version}/${base}`,
    contentType,
    immutable: true,
    body: readFileSync(join(dirname(packageJson), file)),
  };
}

/**
 * GraphiQL's files, in the order the playground loads them: React and ReactDOM UMD production
 * builds and GraphiQL's own bundle from node_modules (so the page works with no internet and no
 * CDN sees who uses it). Read once at gateway start.
 */
export function loadGraphiqlAssets(): { stylesheet: StaticAsset; scripts: StaticAsset[] } {
  return {
    stylesheet: fromPackage('graphiql', 'graphiql.min.css', CSS),
    scripts: [
      fromPackage('react', 'umd/react.production.min.js', JS),
      fromPackage('react-dom', 'umd/react-dom.production.min.js', JS),
      fromPackage('graphiql', 'graphiql.min.js', JS),
    ],
  };
}
