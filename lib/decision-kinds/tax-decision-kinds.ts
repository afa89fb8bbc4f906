import { COMMON_DECISION_FIELDS as common, decisionNoField } from './common-decision-fields';
import type { DecisionKind } from './decision-kind';

const TAX_TYPES = [
  'INDIVIDUAL_INCOME',
  'VALUE_ADDED',
  'PROPERTY',
  'URBAN_LAND_USE',
  'DEED',
  'VEHICLE_VESSEL',
] as const;

const tax = { dept: 'TAX', subgraph: 'tax', importMutation: 'taxImport' } as const;

/** Decisions the tax bureau (县税务局) records: arrears, their settlement, violations. */
export const TAX_DECISION_KINDS: readonly DecisionKind[] = [
  {
    ...tax,
    kind: 'arrears',
    title: '欠缴税款',
    action: 'record',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'since',
    fields: [
      common.personId,
      decisionNoField('税务事项通知书文号'),
      { name: 'taxType', label: '税种', type: 'enum', values: TAX_TYPES, required: true },
      { name: 'amount', label: '欠税金额', type: 'amount', positive: true, required: true },
      { name: 'since', label: '欠税发生日期', type: 'date', required: true },
      common.authority,
    ],
  },
  {
    ...tax,
    kind: 'arrear-settlements',
    title: '欠税缴清',
    action: 'end',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'paidAt',
    ends: { kind: 'arrears', refField: 'arrearDecisionNo' },
    fields: [
      common.personId,
      decisionNoField('完税凭证号'),
      {
        name: 'arrearDecisionNo',
        label: '欠税通知书文号',
        type: 'text',
        maxLen: 64,
        required: true,
      },
      { name: 'paidAt', label: '缴清日期', type: 'date', required: true },
      common.authority,
    ],
  },
  {
    ...tax,
    kind: 'violations',
    title: '税收违法行为',
    action: 'record',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'decidedAt',
    disclosed: 'PENALTY',
    fields: [
      common.personId,
      common.partyName,
      decisionNoField('税务行政处罚决定书文号'),
      {
        name: 'violationKind',
        label: '违法类型',
        type: 'enum',
        values: ['LATE_FILING', 'MAJOR_VIOLATION'],
        required: true,
      },
      { name: 'decidedAt', label: '处罚决定日期', type: 'date', required: true },
      { name: 'description', label: '违法事实', type: 'text', maxLen: 500, required: true },
      { name: 'penaltyAmount', label: '罚款金额', type: 'amount', required: false },
      // Absent: the general procedure, the law's default (行政处罚法 第五十一条 makes the simple one
      // the exception); a simple-procedure penalty is a minor record and is not published.
      {
        name: 'procedure',
        label: '程序类型',
        type: 'enum',
        values: ['GENERAL', 'SIMPLE'],
        required: false,
      },
      common.authority,
    ],
  },
];
