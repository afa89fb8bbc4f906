import type { StandardColumn } from './standard-column';

/**
 * The columns of the 双公示 administrative licensing standard (行政许可信息数据标准, same revision as
 * the penalty standard; docs/IMPORT.md names its source) in their published order, with the
 * canonical field of AMR `licences` each fills. The standard's 许可类别 (普通, 特许, 认可, 核准,
 * 登记, 其他) is not this system's licence kind: that comes from 许可证书名称 (食品经营许可证, ...).
 */
export const SHUANGGONGSHI_LICENCE_COLUMNS: readonly StandardColumn[] = [
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
  { header: '行政许可决定文书名称', field: null },
  { header: '行政许可决定文书号', field: 'decisionNo' },
  { header: '许可类别', field: null },
  { header: '许可证书名称', field: 'licenceKind' },
  { header: '许可编号', field: 'licenceNo' },
  { header: '许可内容', field: null },
  { header: '许可决定日期', field: 'issuedAt' },
  { header: '有效期自', field: null },
  { header: '有效期至', field: 'validUntil' },
  { header: '许可机关', field: 'authority' },
  { header: '许可机关统一社会信用代码', field: null },
  { header: '当前状态', field: null },
  { header: '数据来源单位', field: null },
  { header: '数据来源单位统一社会信用代码', field: null },
  { header: '备注', field: null },
];
