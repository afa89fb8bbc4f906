import type { DecisionField } from './decision-kind';

/** Fields most kinds share, named alike in every department so a mapping file reads the same. */
export const COMMON_DECISION_FIELDS = {
  personId: {
    name: 'personId',
    label: '身份证号',
    type: 'citizenId',
    required: true,
  },
  partyName: {
    name: 'partyName',
    label: '行政相对人名称',
    type: 'text',
    maxLen: 50,
    required: true,
  },
  /**
   * The deciding authority as the decision names it; when given it must be one of the recording
   * department's names (DEPARTMENT_AUTHORITIES), so a row of another department is refused.
   */
  authority: {
    name: 'authority',
    label: '决定机关',
    type: 'text',
    maxLen: 64,
    required: false,
  },
} as const satisfies Record<string, DecisionField>;

/** The decision number field (文书号) under the department's own label. */
export function decisionNoField(label: string): DecisionField {
  return { name: 'decisionNo', label, type: 'text', maxLen: 64, required: true };
}
