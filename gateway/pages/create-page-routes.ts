import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Route } from '../../lib/http/apollo-http-server';
import type { PageConfig } from './browser/page-config';
import type { PlaygroundTab } from './browser/playground/playground-page-config';
import { loadGraphiqlAssets } from '../playground/playground-assets';
import { assetRoute } from './asset-route';
import { buildPageScripts } from './build-page-scripts';
import { pageSecurityHeaders } from './page-security-headers';
import { renderPageHtml } from './render-page-html';
import { hashedAsset } from './static-asset';
import type { StaticAsset } from './static-asset';

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** Options of {@link createPageRoutes}. */
export interface PageRoutesOptions {
  /** The pages offer the gateway's dev sign-in (development mode). */
  devSignIn: boolean;
  /** The playground at `GET /` for browsers, with these sample tabs; absent: no playground. */
  playground?: { tabs: PlaygroundTab[]; trustedHashes: string[] };
  /** Serve the audit console (`/audit/`) and the citizen page (`/me/`). */
  pages: boolean;
}

function htmlRoute(html: string, inlineStyles = false): Route {
  const headers = pageSecurityHeaders({ inlineStyles });
  return (_req, res) => {
    res.writeHead(200, headers);
    res.end(html);
  };
}

function redirect(to: string): Route {
  return (_req, res) => {
    res.writeHead(301, { location: to });
    res.end();
  };
}

/**
 * The gateway's pages, bundled offline (no CDN): the GraphiQL playground at `/` (for requests
 * accepting HTML; GraphQL GETs pass on), the audit console at `/audit/`, the citizen page at
 * `/me/`, and every file they load under `/pages/` and `/playground/`.
 */
export async function createPageRoutes(options: PageRoutesOptions): Promise<Record<string, Route>> {
  const scripts = await buildPageScripts();
  const stylesheet = hashedAsset('pages', 'css', CSS, readFileSync(join(__dirname, 'pages.css')));
  const script = (name: keyof typeof scripts) => hashedAsset(name, 'js', JS, scripts[name]);
  const assets: StaticAsset[] = [stylesheet];
  const routes: Record<string, Route> = {};
  const base: PageConfig = { devSignIn: options.devSignIn };

  if (options.pages) {
    for (const [path, name, title] of [
      ['/audit/', 'audit', '审计控制台 · credit-federation'],
      ['/me/', 'me', '我的信用记录 · credit-federation'],
    ] as const) {
      const page = script(name);
      assets.push(page);
      routes[path] = htmlRoute(
        renderPageHtml({
          title,
          stylesheets: [stylesheet.path],
          scripts: [page.path],
          config: base,
          body: '<main id="app" class="app">加载中… Loading…</main>',
        }),
      );
      routes[path.slice(0, -1)] = redirect(path);
    }
  }

  if (options.playground) {
    const graphiql = loadGraphiqlAssets();
    const start = script('playground');
    assets.push(graphiql.stylesheet, ...graphiql.scripts, start);
    const html = renderPageHtml({
      title: 'credit-federation · GraphiQL',
      stylesheets: [graphiql.stylesheet.path, stylesheet.path],
      scripts: [...graphiql.scripts.map((asset) => asset.path), start.path],
      config: { ...base, ...options.playground },
      body: '<div id="sign-in-bar"></div>\n    <div id="graphiql">Loading GraphiQL…</div>',
      bodyClass: 'playground',
    });
    const page = htmlRoute(html, true);
    routes['/'] = (req, res) => {
      if (!String(req.headers.accept ?? '').includes('text/html')) return false;
      return page(req, res);
    };
  }

  for (const asset of assets) routes[asset.path] = assetRoute(asset);
  return routes;
}
