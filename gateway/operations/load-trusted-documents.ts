import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** One trusted document: a persisted operation an approval system may call by its hash. */
export interface TrustedDocument {
  /** File name without `.graphql`. */
  name: string;
  /** sha256 (hex) of the document text exactly as stored: the APQ `sha256Hash`. */
  sha256: string;
  text: string;
}

/** The default folder of trusted documents. */
export const OPERATIONS_DIR = join(__dirname, '..', '..', 'operations');

/** Reads every `*.graphql` file of `dir` as a trusted document, hashed as Apollo's APQ does. */
export function loadTrustedDocuments(dir: string = OPERATIONS_DIR): TrustedDocument[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      return {
        name: file.replace(/\.graphql$/, ''),
        sha256: createHash('sha256').update(text).digest('hex'),
        text,
      };
    });
}
