import { COMMON_DECISION_FIELDS as common, decisionNoField } from './common-decision-fields';
import type { DecisionKind } from './decision-kind';

const education = {
  dept: 'EDU',
  subgraph: 'education',
  importMutation: 'educationImport',
} as const;

const RECORD_KINDS = [
  'EXAM_CHEATING',
  'ACADEMIC_FRAUD',
  'STUDENT_LOAN_DEFAULT',
  'FORGED_EMPLOYMENT_PAPERS',
] as const;

/** Decisions the education bureau (县教科体局) records in adult students' integrity files. */
export const EDUCATION_DECISION_KINDS: readonly DecisionKind[] = [
  {
    ...education,
    kind: 'integrity-records',
    title: '学生诚信档案记录',
    action: 'record',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'decidedAt',
    fields: [
      common.personId,
      decisionNoField('认定文书号'),
      { name: 'recordKind', label: '失信类别', type: 'enum', values: RECORD_KINDS, required: true },
      { name: 'institution', label: '报送单位', type: 'text', maxLen: 100, required: true },
      { name: 'decidedAt', label: '认定日期', type: 'date', required: true },
      { name: 'description', label: '失信事实', type: 'text', maxLen: 500, required: true },
      common.authority,
    ],
  },
  {
    ...education,
    kind: 'integrity-corrections',
    title: '学生诚信档案更正',
    action: 'end',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'correctedAt',
    ends: { kind: 'integrity-records', refField: 'recordDecisionNo' },
    fields: [
      common.personId,
      decisionNoField('更正文书号'),
      { name: 'recordDecisionNo', label: '认定文书号', type: 'text', maxLen: 64, required: true },
      { name: 'correctedAt', label: '更正日期', type: 'date', required: true },
      {
        name: 'correction',
        label: '更正方式',
        type: 'enum',
        values: ['CORRECTED', 'REVOKED'],
        required: true,
      },
      common.authority,
    ],
  },
];
