import { COMMON_DECISION_FIELDS as common, decisionNoField } from './common-decision-fields';
import type { DecisionKind } from './decision-kind';
import {
  LICENSING_DECISION_FIELDS as licensing,
  endDateField,
  endedDecisionNoField,
} from './licensing-decision-fields';

const health = { dept: 'HEALTH', subgraph: 'health', importMutation: 'healthImport' } as const;

/**
 * Decisions the health bureau (县卫健局) records: practising registrations of doctors and nurses
 * (行政许可, 双公示) and their cancellation, professional violations (医师执业违规, 行政处罚, 双公示)
 * and their revocation on review or appeal.
 */
export const HEALTH_DECISION_KINDS: readonly DecisionKind[] = [
  {
    ...health,
    kind: 'practising-certificates',
    title: '医护执业注册',
    action: 'record',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'issuedAt',
    dateOrder: [['issuedAt', 'validUntil']],
    disclosed: 'LICENSING',
    fields: [
      common.personId,
      common.partyName,
      decisionNoField('执业注册决定文书号'),
      {
        name: 'licenceKind',
        label: '执业证书类别',
        type: 'enum',
        values: ['DOCTOR', 'NURSE'],
        required: true,
      },
      licensing.licenceNo,
      { name: 'issuedAt', label: '注册日期', type: 'date', required: true },
      { name: 'validUntil', label: '有效期至', type: 'date', future: true, required: false },
      licensing.organisation,
      common.authority,
    ],
  },
  {
    ...health,
    kind: 'violations',
    title: '医师执业违规',
    action: 'record',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'decidedAt',
    disclosed: 'PENALTY',
    fields: [
      common.personId,
      common.partyName,
      decisionNoField('行政处罚决定书文号'),
      {
        name: 'penaltyKind',
        label: '处罚类别',
        type: 'enum',
        values: ['WARNING', 'SUSPENSION', 'REVOCATION'],
        required: true,
      },
      licensing.concernedLicenceNo,
      { name: 'decidedAt', label: '处罚决定日期', type: 'date', required: true },
      { name: 'amount', label: '罚没款金额（元）', type: 'amount', required: false },
      licensing.reason,
      common.authority,
    ],
  },
  {
    ...health,
    kind: 'violation-revocations',
    title: '撤销医师执业违规处罚',
    action: 'end',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'revokedAt',
    ends: { kind: 'violations', refField: 'penaltyDecisionNo' },
    fields: [
      common.personId,
      decisionNoField('撤销决定书文号'),
      endedDecisionNoField('penaltyDecisionNo', '行政处罚决定书文号'),
      endDateField('revokedAt', '撤销日期'),
      common.authority,
    ],
  },
  {
    ...health,
    kind: 'certificate-cancellations',
    title: '注销医护执业注册',
    action: 'end',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'cancelledAt',
    ends: { kind: 'practising-certificates', refField: 'licenceDecisionNo' },
    fields: [
      common.personId,
      decisionNoField('注销决定文书号'),
      endedDecisionNoField('licenceDecisionNo', '执业注册决定文书号'),
      endDateField('cancelledAt', '注销日期'),
      common.authority,
    ],
  },
];
