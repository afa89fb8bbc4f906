import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Route } from '../../lib/http/apollo-http-server';
import type { PlaygroundAsset } from './playground-assets';
import { loadPlaygroundAssets } from './playground-assets';
import type { PlaygroundConfig } from './playground-config';
import { renderPlaygroundHtml } from './render-playground-html';

// Only this origin: the page must work offline and leak nothing to third parties.
// GraphiQL sets inline styles, and its fonts are data: URLs inside its stylesheet.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function acceptsGzip(req: IncomingMessage): boolean {
  return /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
}

function assetRoute(asset: PlaygroundAsset): Route {
  let gzipped: Buffer | undefined;
  return (req: IncomingMessage, res: ServerResponse) => {
    const headers: Record<string, string> = {
      'content-type': asset.contentType,
      'cache-control': asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      vary: 'accept-encoding',
    };
    if (acceptsGzip(req)) {
      // Compressed on first use: GraphiQL's bundle is 3.5 MB, about 1 MB gzipped.
      gzipped ??= gzipSync(asset.body);
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip' });
      res.end(gzipped);
    } else {
      res.writeHead(200, headers);
      res.end(asset.body);
    }
  };
}

/**
 * Routes of the GraphiQL playground: `GET /` for a browser (a request accepting `text/html`) and
 * every asset it loads under `/playground/`. Other `GET /` requests pass on to GraphQL.
 */
export function createPlaygroundRoutes(config: PlaygroundConfig): Record<string, Route> {
  const assets = loadPlaygroundAssets();
  const html = renderPlaygroundHtml(assets, config);
  const routes: Record<string, Route> = {
    '/': (req, res) => {
      if (!String(req.headers.accept ?? '').includes('text/html')) return false;
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-cache',
      });
      res.end(html);
    },
  };
  for (const asset of [assets.stylesheet, ...assets.scripts])
    routes[asset.path] = assetRoute(asset);
  return routes;
}
