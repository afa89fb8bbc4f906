import { COMMON_DECISION_FIELDS as common, decisionNoField } from './common-decision-fields';
import type { DecisionKind } from './decision-kind';

/** Changes of household status the public security bureau (县公安局) records (e.g. deceased). */
export const POPULATION_DECISION_KINDS: readonly DecisionKind[] = [
  {
    dept: 'PSB',
    subgraph: 'population',
    importMutation: 'populationImport',
    kind: 'household-changes',
    title: '户籍状态变更',
    action: 'record',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'changedAt',
    fields: [
      common.personId,
      decisionNoField('户口变更文书号'),
      {
        name: 'householdStatus',
        label: '户籍状态',
        type: 'enum',
        values: ['ACTIVE', 'CANCELLED', 'DECEASED', 'MIGRATED_OUT'],
        required: true,
      },
      { name: 'changedAt', label: '变更日期', type: 'date', required: true },
      common.authority,
    ],
  },
];
