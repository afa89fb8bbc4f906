/** GraphiQL's call: the operation of the active tab and the headers of its editor. */
export interface FetcherParams {
  query: string;
  variables?: unknown;
  operationName?: string | null;
}

async function sha256Hex(text: string): Promise<string | undefined> {
  // WebCrypto needs a secure context (https, or 127.0.0.1/localhost in development).
  if (!globalThis.crypto?.subtle) return undefined;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * GraphiQL's fetcher: POSTs to the gateway that served the page. A tab holding exactly a trusted
 * document (operations/) is sent as an approval system sends it: the hash only
 * (`extensions.persistedQuery`), no query text.
 */
export function persistedFetcher(trustedHashes: readonly string[]) {
  const trusted = new Set(trustedHashes);
  return async (params: FetcherParams, options?: { headers?: Record<string, string> }) => {
    const hash = await sha256Hex(params.query);
    const body =
      hash !== undefined && trusted.has(hash)
        ? {
            operationName: params.operationName ?? undefined,
            variables: params.variables,
            extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
          }
        : params;
    const response = await fetch('/', {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        ...options?.headers,
      },
      body: JSON.stringify(body),
    });
    return (await response.json()) as unknown;
  };
}
