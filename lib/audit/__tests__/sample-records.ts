/** Test helper: audit records with realistic values (ids are valid synthetic citizen ids). */
import { makeCitizenId } from '../../ids/citizen-id';
import type { OperationAuditRecord, ResolverAuditRecord } from '../audit-record';

/** The n-th synthetic person id of region 511921 (born 1985-03-12). */
export function personId(n: number): string {
  return makeCitizenId('511921', '19850312', 100 + n);
}

/** A gateway record; `overrides` replace top-level fields. */
export function operationRecord(
  requestId: string,
  overrides: Partial<OperationAuditRecord> = {},
): OperationAuditRecord {
  return {
    kind: 'operation',
    requestId,
    caller: {
      sub: 'officer-7',
      dept: 'TAX',
      clientType: 'officer',
      roles: ['officer'],
      purpose: 'ADMIN_LICENSING',
      caseRef: 'XK-2025-0001',
    },
    operationName: 'PersonCredit',
    documentHash: 'a'.repeat(64),
    subjects: [personId(1)],
    fields: { returned: ['Person.name'], masked: ['Person.idNumber'], denied: ['Person.address'] },
    subgraphs: [{ subgraph: 'population', outcome: 'ok', latencyMs: 4 }],
    policyVersion: 'p1',
    latencyMs: 12,
    result: 'partial',
    ...overrides,
  };
}

/** A subgraph resolver log. */
export function resolverRecord(
  requestId: string,
  overrides: Partial<ResolverAuditRecord> = {},
): ResolverAuditRecord {
  return {
    kind: 'resolver',
    requestId,
    caller: { sub: 'officer-7', dept: 'TAX', clientType: 'officer', purpose: 'ADMIN_LICENSING' },
    resolved: [{ subject: personId(1), fields: ['Person.name', 'Person.birthDate'] }],
    policyVersion: 'p1',
    ...overrides,
  };
}
