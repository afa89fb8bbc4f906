/** `<` escaped so the JSON can never close its <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** Options of {@link renderPageHtml}. */
export interface PageHtml {
  title: string;
  /** Stylesheet paths, in order. */
  stylesheets: readonly string[];
  /** Script paths, in order (after the config). */
  scripts: readonly string[];
  /** Read by the page's script as JSON (`#page-config`). */
  config: unknown;
  /** The body: the elements the script fills. */
  body: string;
  bodyClass?: string;
}

/** A page of the gateway: local assets only, config as inert JSON. */
export function renderPageHtml(page: PageHtml): string {
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${page.title}</title>
    <!-- An empty icon, so the browser asks the gateway for no /favicon.ico. -->
    <link rel="icon" href="data:," />
${page.stylesheets.map((path) => `    <link rel="stylesheet" href="${path}" />`).join('\n')}
  </head>
  <body${page.bodyClass ? ` class="${page.bodyClass}"` : ''}>
    ${page.body}
    <script id="page-config" type="application/json">${scriptJson(page.config)}</script>
${page.scripts.map((path) => `    <script src="${path}"></script>`).join('\n')}
  </body>
</html>
`;
}
