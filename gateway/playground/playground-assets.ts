import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One file the playground page loads, served by the gateway itself. */
export interface PlaygroundAsset {
  /** URL path, e.g. `/playground/graphiql-3.8.2/graphiql.min.js`. */
  path: string;
  contentType: string;
  /** Versioned npm files never change under their path; the page's own script may. */
  immutable: boolean;
  body: Buffer;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

function fromPackage(name: string, file: string, contentType: string): PlaygroundAsset {
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
 * The playground's files, in the order the page loads them: React and ReactDOM UMD production
 * builds and GraphiQL's own bundle from node_modules (so the page works with no internet and no
 * CDN sees who uses it), then the page's start script. Read once at gateway start.
 */
export function loadPlaygroundAssets(): {
  stylesheet: PlaygroundAsset;
  scripts: PlaygroundAsset[];
} {
  return {
    stylesheet: fromPackage('graphiql', 'graphiql.min.css', CSS),
    scripts: [
      fromPackage('react', 'umd/react.production.min.js', JS),
      fromPackage('react-dom', 'umd/react-dom.production.min.js', JS),
      fromPackage('graphiql', 'graphiql.min.js', JS),
      {
        path: '/playground/start-playground.js',
        contentType: JS,
        immutable: false,
        body: readFileSync(join(__dirname, 'start-playground.js')),
      },
    ],
  };
}
