import type { ImportEncoding } from './import-encoding';

/** What {@link detectEncoding} found, and why (the CLI prints the reason). */
export interface DetectedEncoding {
  encoding: ImportEncoding;
  reason: 'utf8-bom' | 'valid-utf8' | 'not-utf8';
}

/** A file in an encoding the import does not read; the message says what to do. */
export class UnsupportedEncodingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedEncodingError';
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(sample: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => sample[index] === byte);
}

/**
 * Guesses the encoding of a CSV file from its first bytes: a UTF-8 BOM, else text that is valid
 * UTF-8 (an incomplete character cut at the end of the sample is allowed), else GB18030, which
 * Chinese office software writes by default ("ANSI" on a Chinese Windows) and which decodes GBK
 * and GB2312 as well. Valid UTF-8 is rarely valid-looking GBK by chance, so the order matters.
 * UTF-16 (Excel's "Unicode text") is refused with advice rather than misread.
 */
export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  if (startsWith(sample, UTF8_BOM)) return { encoding: 'utf8', reason: 'utf8-bom' };
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) {
    throw new UnsupportedEncodingError(
      'the file is UTF-16 (Excel "Unicode text"): save it as "CSV UTF-8" or as .xlsx',
    );
  }
  try {
    // stream: true keeps a character cut at the end of the sample pending instead of failing.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return { encoding: 'utf8', reason: 'valid-utf8' };
  } catch {
    return { encoding: 'gb18030', reason: 'not-utf8' };
  }
}
