import { COMMON_DECISION_FIELDS as common, decisionNoField } from './common-decision-fields';
import type { DecisionKind } from './decision-kind';

/** Good conduct the development and reform bureau (县发改局) decides and keeps on the platform. */
export const CREDIT_DECISION_KINDS: readonly DecisionKind[] = [
  {
    dept: 'NDRC',
    subgraph: 'credit',
    importMutation: 'creditImport',
    kind: 'good-conduct',
    title: '守信信息',
    action: 'record',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'decidedAt',
    fields: [
      common.personId,
      decisionNoField('表彰决定文号'),
      {
        name: 'catalogCode',
        label: '守信类别',
        type: 'enum',
        values: ['HONOUR_MODEL_WORKER'],
        required: true,
      },
      { name: 'decidedAt', label: '决定日期', type: 'date', required: true },
      common.authority,
    ],
  },
];
