import type { StandardColumn } from './standard-column';

/**
 * The columns of the 双公示 administrative penalty standard (行政处罚信息数据标准, the revision with
 * 行政相对人类别 and amounts in 万元; docs/IMPORT.md names its source) in their published order,
 * with the canonical field of AMR `penalties` each fills. A natural person's id is 证件号码.
 * 处罚类别 takes the Administrative Penalty Law's names (警告, 罚款, ...; see ENUM_VALUE_LABELS);
 * 违法行为类型 fills the tax bureau's violation kind (逾期申报, 重大税收违法) and is read past for AMR.
 */
export const SHUANGGONGSHI_PENALTY_COLUMNS: readonly StandardColumn[] = [
  { header: '行政相对人名称', field: 'partyName' },
  { header: '行政相对人类别', field: null },
  { header: '行政相对人代码_1(统一社会信用代码)', field: null },
  { header: '行政相对人代码_2(工商注册号)', field: null },
  { header: '行政相对人代码_3(组织机构代码)', field: null },
  { header: '行政相对人代码_4(税务登记号)', field: null },
  { header: '行政相对人代码_5(事业单位证书号)', field: null },
  { header: '行政相对人代码_6(社会组织登记证号)', field: null },
  { header: '法定代表人', field: null },
  { header: '法定代表人证件类型', field: null },
  { header: '法定代表人证件号码', field: null },
  { header: '证件类型', field: null },
  { header: '证件号码', field: 'personId' },
  { header: '行政处罚决定书文号', field: 'decisionNo' },
  { header: '违法行为类型', field: 'violationKind' },
  { header: '违法事实', field: 'reason' },
  { header: '处罚依据', field: null },
  { header: '处罚类别', field: 'penaltyKind' },
  { header: '处罚内容', field: null },
  { header: '罚款金额(万元)', field: 'amount', unit: 'wan-yuan', combine: 'sum' },
  {
    header: '没收违法所得、没收非法财物的金额(万元)',
    field: 'amount',
    unit: 'wan-yuan',
    combine: 'sum',
  },
  { header: '暂扣或吊销证照名称及编号', field: null },
  { header: '处罚决定日期', field: 'decidedAt' },
  { header: '处罚有效期', field: null },
  { header: '公示截止期', field: null },
  { header: '处罚机关', field: 'authority' },
  { header: '处罚机关统一社会信用代码', field: null },
  { header: '数据来源单位', field: null },
  { header: '数据来源单位统一社会信用代码', field: null },
  { header: '备注', field: null },
];
