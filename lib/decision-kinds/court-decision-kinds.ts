import { COMMON_DECISION_FIELDS as common, decisionNoField } from './common-decision-fields';
import type { DecisionKind } from './decision-kind';

const court = { dept: 'COURT', subgraph: 'court', importMutation: 'courtImport' } as const;

const caseNo = {
  name: 'caseNo',
  label: '执行案号',
  type: 'text',
  maxLen: 64,
  required: true,
} as const;

const endReason = {
  name: 'endReason',
  type: 'enum',
  values: ['PERFORMED', 'REVOKED'],
  required: true,
} as const;

/** Decisions the people's court (县人民法院) records in enforcement. */
export const COURT_DECISION_KINDS: readonly DecisionKind[] = [
  {
    ...court,
    kind: 'dishonest-debtors',
    title: '失信被执行人',
    action: 'record',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'listedAt',
    fields: [
      common.personId,
      decisionNoField('纳入失信决定书文号'),
      caseNo,
      { name: 'listedAt', label: '发布日期', type: 'date', required: true },
      {
        name: 'obligation',
        label: '生效法律文书确定的义务',
        type: 'text',
        maxLen: 500,
        required: true,
      },
      common.authority,
    ],
  },
  {
    ...court,
    kind: 'dishonest-debtor-ends',
    title: '失信被执行人屏蔽',
    action: 'end',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'endedAt',
    ends: { kind: 'dishonest-debtors', refField: 'listingDecisionNo' },
    fields: [
      common.personId,
      decisionNoField('屏蔽决定书文号'),
      {
        name: 'listingDecisionNo',
        label: '纳入失信决定书文号',
        type: 'text',
        maxLen: 64,
        required: true,
      },
      { name: 'endedAt', label: '屏蔽日期', type: 'date', required: true },
      { ...endReason, label: '屏蔽原因' },
      common.authority,
    ],
  },
  {
    ...court,
    kind: 'consumption-restrictions',
    title: '限制消费令',
    action: 'record',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'decidedAt',
    fields: [
      common.personId,
      decisionNoField('限制消费令文号'),
      caseNo,
      { name: 'decidedAt', label: '发布日期', type: 'date', required: true },
      common.authority,
    ],
  },
  {
    ...court,
    kind: 'consumption-restriction-liftings',
    title: '解除限制消费令',
    action: 'end',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'liftedAt',
    ends: { kind: 'consumption-restrictions', refField: 'restrictionDecisionNo' },
    fields: [
      common.personId,
      decisionNoField('解除限制消费令文号'),
      {
        name: 'restrictionDecisionNo',
        label: '限制消费令文号',
        type: 'text',
        maxLen: 64,
        required: true,
      },
      { name: 'liftedAt', label: '解除日期', type: 'date', required: true },
      { ...endReason, label: '解除原因' },
      common.authority,
    ],
  },
];
