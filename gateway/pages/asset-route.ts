import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Route } from '../../lib/http/apollo-http-server';
import type { StaticAsset } from './static-asset';

function acceptsGzip(req: IncomingMessage): boolean {
  return /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
}

/** Serves one asset, gzipped for browsers that accept it (compressed once, on first use). */
export function assetRoute(asset: StaticAsset): Route {
  let gzipped: Buffer | undefined;
  return (req: IncomingMessage, res: ServerResponse) => {
    const headers: Record<string, string> = {
      'content-type': asset.contentType,
      'cache-control': asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      vary: 'accept-encoding',
    };
    if (acceptsGzip(req)) {
      gzipped ??= gzipSync(asset.body);
      res.writeHead(200, { ...headers, 'content-encoding': 'gzip' });
      res.end(gzipped);
    } else {
      res.writeHead(200, headers);
      res.end(asset.body);
    }
  };
}
