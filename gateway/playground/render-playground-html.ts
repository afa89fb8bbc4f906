import type { PlaygroundAsset } from './playground-assets';
import type { PlaygroundConfig } from './playground-config';

// `<` escaped so the JSON can never close its <script> element.
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The GraphiQL page: local assets only, config as inert JSON read by the start script. */
export function renderPlaygroundHtml(
  assets: { stylesheet: PlaygroundAsset; scripts: readonly PlaygroundAsset[] },
  config: PlaygroundConfig,
): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>credit-federation · GraphiQL</title>
    <!-- An empty icon, so the browser asks the gateway for no /favicon.ico. -->
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${assets.stylesheet.path}" />
    <style>
      body { margin: 0; }
      #graphiql { height: 100vh; }
    </style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script id="playground-config" type="application/json">${scriptJson(config)}</script>
${assets.scripts.map((script) => `    <script src="${script.path}"></script>`).join('\n')}
  </body>
</html>
`;
}
