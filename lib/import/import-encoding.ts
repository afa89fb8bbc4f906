/** Text encodings an import file may be in: UTF-8 (with or without BOM) and GB18030 (covers GBK). */
export const IMPORT_ENCODINGS = ['utf8', 'gb18030'] as const;

/** One of {@link IMPORT_ENCODINGS}. */
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];
