import type { TrustedDocument } from './load-trusted-documents';

/**
 * Apollo Server's persisted-query cache, read-only over the trusted documents: an approval system
 * sends only `extensions.persistedQuery.sha256Hash` and the gateway runs the reviewed document.
 * Clients cannot register documents of their own (`set` is ignored), so a hash either names a
 * document in `operations/` or is PERSISTED_QUERY_NOT_FOUND. Full query text still works for
 * interactive clients; the policy applies to both alike.
 */
export class TrustedDocumentsCache {
  private readonly byKey: Map<string, string>;

  /** `prefix` is the key prefix Apollo Server adds (`apq:`). */
  constructor(documents: readonly TrustedDocument[], prefix = 'apq:') {
    this.byKey = new Map(documents.map((doc) => [`${prefix}${doc.sha256}`, doc.text]));
  }

  async get(key: string): Promise<string | undefined> {
    return this.byKey.get(key);
  }

  async set(): Promise<void> {
    // Registration by clients is refused silently: only reviewed documents are persisted.
  }

  async delete(): Promise<boolean> {
    return false;
  }
}
