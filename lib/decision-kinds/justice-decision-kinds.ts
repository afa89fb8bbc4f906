import { COMMON_DECISION_FIELDS as common, decisionNoField } from './common-decision-fields';
import type { DecisionKind } from './decision-kind';
import {
  LICENSING_DECISION_FIELDS as licensing,
  endDateField,
  endedDecisionNoField,
} from './licensing-decision-fields';

const justice = { dept: 'JUSTICE', subgraph: 'justice', importMutation: 'justiceImport' } as const;

/**
 * Decisions the justice bureau (县司法局) records about lawyers, notaries and forensic
 * appraisers: practising licences (行政许可, 双公示) and their cancellation, sanctions (执业行政处罚,
 * 双公示: warning, fine, suspension of practice, revocation) and their revocation on review.
 */
export const JUSTICE_DECISION_KINDS: readonly DecisionKind[] = [
  {
    ...justice,
    kind: 'practising-licences',
    title: '法律服务执业许可',
    action: 'record',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'issuedAt',
    dateOrder: [['issuedAt', 'validUntil']],
    disclosed: 'LICENSING',
    fields: [
      common.personId,
      common.partyName,
      decisionNoField('执业许可决定文书号'),
      {
        name: 'licenceKind',
        label: '执业证类别',
        type: 'enum',
        values: ['LAWYER', 'NOTARY', 'FORENSIC_APPRAISER'],
        required: true,
      },
      licensing.licenceNo,
      { name: 'issuedAt', label: '颁证日期', type: 'date', required: true },
      { name: 'validUntil', label: '有效期至', type: 'date', future: true, required: false },
      licensing.organisation,
      common.authority,
    ],
  },
  {
    ...justice,
    kind: 'sanctions',
    title: '法律服务执业处罚',
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
        values: ['WARNING', 'FINE', 'SUSPENSION', 'REVOCATION'],
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
    ...justice,
    kind: 'sanction-revocations',
    title: '撤销法律服务执业处罚',
    action: 'end',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'revokedAt',
    ends: { kind: 'sanctions', refField: 'penaltyDecisionNo' },
    fields: [
      common.personId,
      decisionNoField('撤销决定书文号'),
      endedDecisionNoField('penaltyDecisionNo', '行政处罚决定书文号'),
      endDateField('revokedAt', '撤销日期'),
      common.authority,
    ],
  },
  {
    ...justice,
    kind: 'licence-cancellations',
    title: '注销法律服务执业证',
    action: 'end',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'cancelledAt',
    ends: { kind: 'practising-licences', refField: 'licenceDecisionNo' },
    fields: [
      common.personId,
      decisionNoField('注销决定文书号'),
      endedDecisionNoField('licenceDecisionNo', '执业许可决定文书号'),
      endDateField('cancelledAt', '注销日期'),
      common.authority,
    ],
  },
];
