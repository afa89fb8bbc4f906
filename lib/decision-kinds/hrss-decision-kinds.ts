import { COMMON_DECISION_FIELDS as common, decisionNoField } from './common-decision-fields';
import type { DecisionKind } from './decision-kind';
import {
  LICENSING_DECISION_FIELDS as licensing,
  endDateField,
  endedDecisionNoField,
} from './licensing-decision-fields';

const hrss = { dept: 'HRSS', subgraph: 'hrss', importMutation: 'hrssImport' } as const;

/** 公务员法 (2018) 第六十二条: the six kinds of sanction of a civil servant. */
const SANCTION_KINDS = [
  'WARNING',
  'DEMERIT',
  'MAJOR_DEMERIT',
  'DEMOTION',
  'REMOVAL_FROM_POST',
  'DISMISSAL',
] as const;

/**
 * Decisions the human resources and social security bureau (县人社局) records: civil servants'
 * disciplinary sanctions (公务员处分, decided by the organ the civil servant serves, recorded in the
 * bureau's register) and their release, wage-arrears listings (拖欠农民工工资失信联合惩戒对象名单)
 * and their removal, and social-insurance fraud (骗取社会保险待遇, an administrative penalty
 * published under 双公示) and the return of what was obtained.
 */
export const HRSS_DECISION_KINDS: readonly DecisionKind[] = [
  {
    ...hrss,
    kind: 'civil-servant-sanctions',
    title: '公务员处分',
    action: 'record',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'decidedAt',
    fields: [
      common.personId,
      decisionNoField('处分决定文号'),
      {
        name: 'sanctionKind',
        label: '处分种类',
        type: 'enum',
        values: SANCTION_KINDS,
        required: true,
      },
      { name: 'decidedAt', label: '处分决定日期', type: 'date', required: true },
      { name: 'organ', label: '处分决定机关', type: 'text', maxLen: 100, required: true },
      { ...licensing.reason, label: '违纪事实' },
      common.authority,
    ],
  },
  {
    ...hrss,
    kind: 'civil-servant-sanction-releases',
    title: '解除公务员处分',
    action: 'end',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'releasedAt',
    ends: { kind: 'civil-servant-sanctions', refField: 'sanctionDecisionNo' },
    fields: [
      common.personId,
      decisionNoField('解除处分决定文号'),
      endedDecisionNoField('sanctionDecisionNo', '处分决定文号'),
      endDateField('releasedAt', '解除日期'),
      common.authority,
    ],
  },
  {
    ...hrss,
    kind: 'wage-arrears-listings',
    title: '拖欠农民工工资失信联合惩戒对象',
    action: 'record',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'listedAt',
    fields: [
      common.personId,
      decisionNoField('列入决定书文号'),
      {
        name: 'amount',
        label: '拖欠工资金额（元）',
        type: 'amount',
        positive: true,
        required: true,
      },
      { name: 'listedAt', label: '列入日期', type: 'date', required: true },
      { ...licensing.reason, label: '失信事实' },
      common.authority,
    ],
  },
  {
    ...hrss,
    kind: 'wage-arrears-removals',
    title: '移出拖欠农民工工资失信联合惩戒对象名单',
    action: 'end',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'removedAt',
    ends: { kind: 'wage-arrears-listings', refField: 'listingDecisionNo' },
    fields: [
      common.personId,
      decisionNoField('移出决定书文号'),
      endedDecisionNoField('listingDecisionNo', '列入决定书文号'),
      endDateField('removedAt', '移出日期'),
      common.authority,
    ],
  },
  {
    ...hrss,
    kind: 'social-insurance-frauds',
    title: '骗取社会保险待遇',
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
        name: 'fraudAmount',
        label: '骗取金额（元）',
        type: 'amount',
        positive: true,
        required: true,
      },
      { name: 'decidedAt', label: '处罚决定日期', type: 'date', required: true },
      licensing.reason,
      common.authority,
    ],
  },
  {
    ...hrss,
    kind: 'social-insurance-fraud-returns',
    title: '退回骗取的社会保险待遇',
    action: 'end',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'returnedAt',
    ends: { kind: 'social-insurance-frauds', refField: 'penaltyDecisionNo' },
    fields: [
      common.personId,
      decisionNoField('退回凭证号'),
      endedDecisionNoField('penaltyDecisionNo', '行政处罚决定书文号'),
      endDateField('returnedAt', '退回日期'),
      common.authority,
    ],
  },
];
