/**
 * Headers of every page the gateway serves: scripts, styles and requests from this origin only
 * (the pages work offline and tell no third party who uses them), no framing, no referrer.
 * GraphiQL sets inline styles and ships its fonts as data: URLs, so the playground allows those.
 */
export function pageSecurityHeaders(
  options: { inlineStyles?: boolean } = {},
): Record<string, string> {
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    options.inlineStyles ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': policy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  };
}
