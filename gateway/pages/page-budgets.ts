/**
 * Largest size, in bytes as served (minified, before gzip), of each page's own files: a page that
 * grows past its budget fails the test suite instead of slowing every county office's browser.
 * GraphiQL's vendored bundle (playground) is not counted: it is the npm package's own file.
 */
export const PAGE_BUDGETS = {
  audit: 40 * 1024,
  me: 32 * 1024,
  playground: 16 * 1024,
  stylesheet: 12 * 1024,
} as const;
