/**
 * Every recording department's write mutations refused through the REAL gateway to a department
 * writing another's domain, an officer without the role `recorder` and a recorder without purpose
 * DATA_ENTRY: FORBIDDEN with the rule that decided (`default-deny`: no rule grants them), and
 * nothing written. Registered as cases of a system another test file started.
 */
import type { CallerIdentity, Department, Purpose } from '../../lib/auth/caller';
import { ALL_DECISION_KINDS } from '../../lib/decision-kinds';
import type { DecisionKind } from '../../lib/decision-kinds';
import { DEPARTMENT_REGISTRY } from '../../lib/departments/department-registry';
import { sampleDecisionValues } from '../../scripts/import/sample-decision-rows';
import type { DecisionWriteSystem } from './decision-write-cases';
import { postGraphQL } from './graphql-client';
import type { GraphQLResponse } from './graphql-client';

/** A recording department, its subgraph and the first of its record kinds. */
interface Recording {
  dept: Department;
  subgraph: string;
  kind: DecisionKind;
}

const RECORDING: readonly Recording[] = DEPARTMENT_REGISTRY.flatMap((entry) => {
  const kind = ALL_DECISION_KINDS.find((k) => k.dept === entry.code && k.action === 'record');
  return entry.recordsDecisions && entry.subgraph !== null && kind
    ? [{ dept: entry.code, subgraph: entry.subgraph, kind }]
    : [];
});

/** The mutation `field` of a subgraph with the arguments of one decision. */
function writeOperation(
  subgraph: string,
  mutation: 'Import' | 'RecordDecision' | 'CorrectDecision' | 'RevokeDecision',
): string {
  const field = `${subgraph}${mutation}`;
  switch (mutation) {
    case 'Import':
      return `mutation Deny($kind: String!, $values: [ImportValueInput!]!) {
        ${field}(kind: $kind, rows: [{ rowNumber: 2, values: $values }]) { inserted }
      }`;
    case 'RevokeDecision':
      return `mutation Deny($kind: String!, $decisionNo: String!, $on: String!) {
        ${field}(kind: $kind, decisionNo: $decisionNo, revokedAt: $on) { outcome }
      }`;
    default:
      return `mutation Deny($kind: String!, $values: [ImportValueInput!]!) {
        ${field}(kind: $kind, values: $values) { outcome }
      }`;
  }
}

const MUTATIONS = ['Import', 'RecordDecision', 'CorrectDecision', 'RevokeDecision'] as const;

/** Registers the cases; `system()` is read inside each case (after the caller's beforeAll). */
export function describeDecisionWriteDenials(system: () => DecisionWriteSystem): void {
  const ask = async (
    identity: CallerIdentity,
    query: string,
    variables: Record<string, unknown>,
    purpose: Purpose,
  ): Promise<GraphQLResponse> =>
    postGraphQL(
      system().gatewayUrl,
      query,
      variables,
      await system().security.userHeaders(identity, purpose, 'CASE-DENY-0001'),
    );
  const officer = (dept: Department, roles: string[]): CallerIdentity => ({
    sub: `${dept.toLowerCase()}-${roles.join('-')}`,
    dept,
    roles,
    clientType: 'officer',
  });

  describe('every department write is refused to anyone its rules do not name', () => {
    it.each(RECORDING.map((recording) => [recording.dept, recording] as const))(
      '%s: another department, an officer without recorder and a write without DATA_ENTRY are each FORBIDDEN by default-deny; nothing is written',
      async (dept, { subgraph, kind }) => {
        const other: Department = dept === 'TAX' ? 'AMR' : 'TAX';
        const values = sampleDecisionValues(kind, 0, { series: `DENY${dept}` });
        const decisionNo = values[kind.decisionNoField];
        const variables = {
          kind: kind.kind,
          values: Object.entries(values).map(([field, value]) => ({ field, value })),
          decisionNo,
          on: values[kind.dateField],
        };
        const callers: [string, CallerIdentity, Purpose][] = [
          [`a ${other} recorder`, officer(other, ['officer', 'recorder']), 'DATA_ENTRY'],
          [`a ${dept} officer without recorder`, officer(dept, ['officer']), 'DATA_ENTRY'],
          [`a ${dept} recorder`, officer(dept, ['officer', 'recorder']), 'ADMIN_ENFORCEMENT'],
        ];
        const outcomes: string[] = [];
        for (const mutation of MUTATIONS) {
          for (const [who, identity, purpose] of callers) {
            const result = await ask(
              identity,
              writeOperation(subgraph, mutation),
              variables,
              purpose,
            );
            const errors = (result.errors ?? []).map(
              (error) =>
                `${String(error.extensions?.code)} ${String(error.extensions?.ruleId)} ${String(error.path?.join('.'))}`,
            );
            outcomes.push(
              `${who} ${purpose} ${mutation}: ${JSON.stringify(result.data?.[`${subgraph}${mutation}`] ?? null)} ${errors.join(', ')}`,
            );
          }
        }
        expect(outcomes).toEqual(
          MUTATIONS.flatMap((mutation) =>
            callers.map(
              ([who, , purpose]) =>
                `${who} ${purpose} ${mutation}: null FORBIDDEN default-deny ${subgraph}${mutation}`,
            ),
          ),
        );
        const written = await system().departmentDb(subgraph).query<{
          n: string;
        }>(`SELECT count(*)::text AS n FROM ${subgraph}.decisions WHERE decision_no = $1`, [decisionNo]);
        expect(written).toEqual([{ n: '0' }]);
      },
    );
  });
}
