import { COMMON_DECISION_FIELDS as common, decisionNoField } from './common-decision-fields';
import type { DecisionKind } from './decision-kind';

const market = { dept: 'AMR', subgraph: 'market', importMutation: 'marketImport' } as const;

const LICENCE_KINDS = [
  'FOOD_BUSINESS',
  'FOOD_PRODUCTION',
  'SMALL_FOOD_WORKSHOP',
  'DRUG_RETAIL',
  'MEDICAL_DEVICE_BUSINESS',
  'SPECIAL_EQUIPMENT_OPERATOR',
] as const;

const PENALTY_KINDS = ['WARNING', 'FINE', 'CONFISCATION', 'SUSPENSION', 'REVOCATION'] as const;

const uscc = { name: 'uscc', label: '统一社会信用代码', type: 'uscc', required: true } as const;

/**
 * The legal representative the decision names, optional: when given it must be the one the
 * register holds, and the write is audited under their id too (the listing reaches their profile).
 */
const legalRepId = {
  name: 'legalRepId',
  label: '法定代表人身份证号',
  type: 'citizenId',
  required: false,
} as const;

/**
 * Decisions the market regulation bureau (县市场监管局) records. Licences and penalties carry the
 * 双公示 standard's party, decision and authority fields; the CLI maps the standard's headers.
 */
export const MARKET_DECISION_KINDS: readonly DecisionKind[] = [
  {
    ...market,
    kind: 'licences',
    title: '行政许可',
    action: 'record',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'issuedAt',
    dateOrder: [['issuedAt', 'validUntil']],
    disclosed: 'LICENSING',
    fields: [
      common.personId,
      common.partyName,
      decisionNoField('行政许可决定文书号'),
      {
        name: 'licenceKind',
        label: '许可类别',
        type: 'enum',
        values: LICENCE_KINDS,
        required: true,
      },
      { name: 'licenceNo', label: '许可证书编号', type: 'text', maxLen: 64, required: true },
      { name: 'issuedAt', label: '许可决定日期', type: 'date', required: true },
      { name: 'validUntil', label: '有效期至', type: 'date', future: true, required: false },
      common.authority,
    ],
  },
  {
    ...market,
    kind: 'penalties',
    title: '行政处罚',
    action: 'record',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'decidedAt',
    disclosed: 'PENALTY',
    // A fine (罚款) states its sum in the decision; the other kinds may state none.
    requiredWhen: [{ field: 'amount', whenField: 'penaltyKind', equals: 'FINE' }],
    fields: [
      common.personId,
      common.partyName,
      decisionNoField('行政处罚决定书文号'),
      {
        name: 'penaltyKind',
        label: '处罚类别',
        type: 'enum',
        values: PENALTY_KINDS,
        required: true,
      },
      { name: 'decidedAt', label: '处罚决定日期', type: 'date', required: true },
      { name: 'amount', label: '罚没款金额（元）', type: 'amount', required: false },
      { name: 'reason', label: '违法事实', type: 'text', maxLen: 500, required: true },
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
  {
    ...market,
    kind: 'penalty-revocations',
    title: '撤销行政处罚',
    action: 'end',
    decisionNoField: 'decisionNo',
    personField: 'personId',
    dateField: 'revokedAt',
    ends: { kind: 'penalties', refField: 'penaltyDecisionNo' },
    fields: [
      common.personId,
      decisionNoField('撤销决定书文号'),
      {
        name: 'penaltyDecisionNo',
        label: '行政处罚决定书文号',
        type: 'text',
        maxLen: 64,
        required: true,
      },
      { name: 'revokedAt', label: '撤销日期', type: 'date', required: true },
      common.authority,
    ],
  },
  {
    ...market,
    kind: 'abnormal-operations',
    title: '列入经营异常名录',
    action: 'record',
    decisionNoField: 'decisionNo',
    personField: null,
    usccField: 'uscc',
    legalRepField: 'legalRepId',
    dateField: 'listedAt',
    fields: [
      uscc,
      decisionNoField('列入决定书文号'),
      { name: 'listedAt', label: '列入日期', type: 'date', required: true },
      { name: 'reason', label: '列入原因', type: 'text', maxLen: 200, required: true },
      common.authority,
      legalRepId,
    ],
  },
  {
    ...market,
    kind: 'abnormal-operation-removals',
    title: '移出经营异常名录',
    action: 'end',
    decisionNoField: 'decisionNo',
    personField: null,
    usccField: 'uscc',
    legalRepField: 'legalRepId',
    dateField: 'removedAt',
    ends: { kind: 'abnormal-operations', refField: 'listingDecisionNo' },
    fields: [
      uscc,
      decisionNoField('移出决定书文号'),
      {
        name: 'listingDecisionNo',
        label: '列入决定书文号',
        type: 'text',
        maxLen: 64,
        required: true,
      },
      { name: 'removedAt', label: '移出日期', type: 'date', required: true },
      common.authority,
      legalRepId,
    ],
  },
];
