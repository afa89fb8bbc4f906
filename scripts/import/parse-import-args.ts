import { parseArgs } from 'node:util';
import { DEPARTMENTS, PURPOSES } from '../../lib/auth/caller';
import { chinaToday } from '../../lib/civil-time/china-today';
import { ALL_DECISION_KINDS, findDecisionKind } from '../../lib/decision-kinds';
import type { ImportEncoding } from '../../lib/import/import-encoding';
import { IMPORT_LIMITS } from '../../lib/import/import-limits';
import type { ImportCommand } from './import-command';
import { ImportUsageError } from './import-usage-error';

const OPTIONS = {
  dept: { type: 'string' },
  kind: { type: 'string' },
  encoding: { type: 'string' },
  mapping: { type: 'string' },
  'dry-run': { type: 'boolean' },
  gateway: { type: 'string' },
  'token-file': { type: 'string' },
  'case-ref': { type: 'string' },
  purpose: { type: 'string' },
  'batch-size': { type: 'string' },
  rejects: { type: 'string' },
  'data-dir': { type: 'string' },
  quiet: { type: 'boolean' },
  'list-kinds': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const ENCODING_NAMES: Readonly<Record<string, ImportEncoding>> = {
  utf8: 'utf8',
  'utf-8': 'utf8',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
};

const CASE_REF = /^[A-Za-z0-9\-_/]{1,64}$/;

/** What the command line asks for: help, the kinds list, or an import. */
export type ImportRequest =
  | { action: 'help' }
  | { action: 'list-kinds' }
  | { action: 'import'; command: ImportCommand };

/** Parses `npm run import` arguments; throws ImportUsageError naming the option to change. */
export function parseImportArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  now: Date = new Date(),
): ImportRequest {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    throw new ImportUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { action: 'help' };
  if (values['list-kinds']) return { action: 'list-kinds' };
  const dept = values.dept?.trim().toUpperCase();
  if (!dept || !DEPARTMENTS.some((code) => code === dept)) {
    const recording = [...new Set(ALL_DECISION_KINDS.map((kind) => kind.dept))];
    throw new ImportUsageError(`--dept is required: one of ${recording.join(', ')}`);
  }
  const kinds = ALL_DECISION_KINDS.filter((kind) => kind.dept === dept);
  const kind = values.kind === undefined ? undefined : findDecisionKind(dept, values.kind.trim());
  if (!kind) {
    throw new ImportUsageError(
      kinds.length === 0
        ? `${dept} records no decisions`
        : `--kind ${values.kind ?? '(missing)'}: ${dept} imports ${kinds.map((k) => k.kind).join(', ')}`,
    );
  }
  if (positionals.length !== 1) {
    throw new ImportUsageError(`give exactly one file to import (got ${positionals.length})`);
  }
  let encoding: ImportEncoding | undefined;
  if (values.encoding !== undefined) {
    encoding = ENCODING_NAMES[values.encoding.trim().toLowerCase()];
    if (!encoding)
      throw new ImportUsageError(`--encoding ${values.encoding}: utf8 or gb18030 (gbk)`);
  }
  const batchRows =
    values['batch-size'] === undefined
      ? IMPORT_LIMITS.defaultBatchRows
      : Number(values['batch-size']);
  if (!Number.isInteger(batchRows) || batchRows < 1 || batchRows > IMPORT_LIMITS.maxBatchRows) {
    throw new ImportUsageError(
      `--batch-size must be a whole number from 1 to ${IMPORT_LIMITS.maxBatchRows}`,
    );
  }
  const caseRef = values['case-ref'] ?? `IMPORT-${dept}-${chinaToday(now).replace(/-/g, '')}`;
  if (!CASE_REF.test(caseRef)) {
    throw new ImportUsageError(`--case-ref ${caseRef}: 1 to 64 of A-Z a-z 0-9 - _ /`);
  }
  const purpose = values.purpose ?? 'DATA_ENTRY';
  if (!(purpose in PURPOSES)) {
    throw new ImportUsageError(`--purpose ${purpose}: one of ${Object.keys(PURPOSES).join(', ')}`);
  }
  const gatewayUrl = values.gateway ?? env.GATEWAY_URL ?? 'http://127.0.0.1:4000';
  try {
    new URL(gatewayUrl);
  } catch {
    throw new ImportUsageError(`--gateway ${gatewayUrl} is not a URL`);
  }
  return {
    action: 'import',
    command: {
      kind,
      file: positionals[0],
      encoding,
      mappingPath: values.mapping,
      dryRun: values['dry-run'] ?? false,
      gatewayUrl,
      tokenFile: values['token-file'],
      caseRef,
      purpose,
      batchRows,
      rejectsPath: values.rejects,
      dataDir: values['data-dir'] ?? env.DATA_DIR ?? '.data',
      quiet: values.quiet ?? false,
    },
  };
}
