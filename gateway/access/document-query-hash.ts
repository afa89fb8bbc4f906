import { createHash } from 'node:crypto';
import type { DocumentNode } from 'graphql';
import { print } from 'graphql';

/**
 * The sha256 (hex) of a document's printed text: the query plan cache key of a document the
 * gateway built itself (filter-operation.ts). Printing walks the whole document, so callers
 * remember the result (filtered-hashes.ts).
 */
export function documentQueryHash(document: DocumentNode): string {
  return createHash('sha256').update(print(document)).digest('hex');
}
