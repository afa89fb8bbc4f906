import type { GraphQLFormattedError } from 'graphql';

// Anything that looks like an address inside the network: URLs, host:port, IPv4/IPv6 literals.
const INTERNAL_ADDRESS =
  /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+|\[[0-9a-f:]+\](?::\d+)?|\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b|\blocalhost(?::\d+)?\b/gi;

// Extension keys that carry stack traces, raw HTTP responses or wrapped exceptions.
const DROPPED_EXTENSIONS = new Set(['stacktrace', 'exception', 'response']);

function scrub(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(INTERNAL_ADDRESS, '[internal]');
  if (Array.isArray(value)) return value.map(scrub);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, scrub(inner)]));
  }
  return value;
}

/**
 * Apollo Server `formatError` for production: no stack traces, no internal URLs or addresses, and
 * no message at all for unexpected errors (`INTERNAL_SERVER_ERROR`, whose text may quote SQL or
 * hosts). Error codes and the names of subgraphs, rules and arguments stay, so clients can act.
 */
export function maskProductionError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = Object.fromEntries(
    Object.entries(formatted.extensions ?? {})
      .filter(([key]) => !DROPPED_EXTENSIONS.has(key))
      .map(([key, value]) => [key, scrub(value)]),
  );
  const internal = extensions.code === 'INTERNAL_SERVER_ERROR';
  return {
    message: internal ? 'Internal server error' : String(scrub(formatted.message)),
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions,
  };
}
