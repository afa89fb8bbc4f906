import type { TrustedDocument } from '../operations/load-trusted-documents';

/** The trusted documents of operations/ by sha256, by id (file name) and by exact text. */
export interface TrustedDocumentIndex {
  bySha256(hash: string): TrustedDocument | undefined;
  byId(id: string): TrustedDocument | undefined;
  byText(text: string): TrustedDocument | undefined;
}

/** Indexes `documents` for the safelist (request-gate.ts). */
export function trustedDocumentIndex(documents: readonly TrustedDocument[]): TrustedDocumentIndex {
  const hashes = new Map(documents.map((doc) => [doc.sha256, doc]));
  const ids = new Map(documents.map((doc) => [doc.name, doc]));
  const texts = new Map(documents.map((doc) => [doc.text, doc]));
  return {
    bySha256: (hash) => hashes.get(hash),
    byId: (id) => ids.get(id),
    byText: (text) => texts.get(text),
  };
}
