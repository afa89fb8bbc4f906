/** Subgraph URLs from `SUBGRAPH_URL_<NAME>` variables (e.g. SUBGRAPH_URL_TAX), for production. */
export function subgraphUrlsFromEnv(
  names: readonly string[],
  env: NodeJS.ProcessEnv,
): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const name of names) {
    const url = env[`SUBGRAPH_URL_${name.toUpperCase()}`];
    if (url) urls[name] = url;
  }
  return urls;
}
