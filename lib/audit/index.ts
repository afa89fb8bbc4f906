/**
 * The audit store (DESIGN §5): hash-chained, append-only, one chain per writer, subjects as HMAC +
 * masked id. Wiring, in short:
 *
 *   await migrateAuditStore(auditDb);                       // on start (schema `audit`)
 *   const hmacKey = await loadAuditHmacKey({ dataDir });    // AUDIT_HMAC_KEY in production
 *   const audit = createAuditWriter({ db: auditDb, writer: 'gateway', hmacKey });
 *   await audit.append(record);   // rejects (AuditWriteError) => return no person data
 *   await audit.close();          // on stop, before closing auditDb
 *
 * Audit team: `npm run audit:verify`, `npm run audit -- search|export|prune` (scripts/), and on a
 * running system `checkChainStatus(auditDb)` (Query.auditChainStatus, the audit console).
 */
export type {
  AuditCaller,
  AuditRecord,
  FieldOutcomes,
  FieldRule,
  OperationAuditRecord,
  OperationResult,
  ResolvedSubject,
  ResolverAuditRecord,
  SubgraphOutcome,
} from './audit-record';
export { AuditWriteError, createAuditWriter } from './audit-writer';
export type {
  AppendResult,
  AuditWriter,
  AuditWriterOptions,
  CommitObservation,
} from './audit-writer';
export { checkChainStatus } from './check-chain-status';
export type { ChainState, ChainStatus, CheckChainStatusOptions } from './check-chain-status';
export { loadAuditHmacKey } from './audit-hmac-key';
export { exportAuditEntries } from './export-entries';
export { formatDigestLines, parseKnownDigests } from './known-digests';
export { AUDIT_SCHEMA, migrateAuditStore } from './migrate-audit-store';
export { AuditStoreBusyError, openAuditDatabase } from './open-audit-database';
export { pruneBefore } from './prune';
export { createResolverLog } from './resolver-log';
export type { ResolverLog } from './resolver-log';
export {
  DEFAULT_RETENTION_MONTHS,
  MIN_RETENTION_MONTHS,
  readRetentionMonths,
  retentionCutoff,
} from './retention';
export { searchAuditEntries } from './search';
export type {
  AuditEntryView,
  AuditSearchFilter,
  AuditSearchOptions,
  AuditSearchPage,
} from './search';
export { maskId, subjectHmac, subjectRef } from './subject-hmac';
export type { SubjectRef } from './subject-hmac';
export { verifyChain } from './verify-chain';
export type { ChainBreak, ChainBreakReason, ChainReport, KnownDigest } from './verify-chain';
export { verifyChains } from './verify-chains';
export type { VerifyChainsResult } from './verify-chains';
