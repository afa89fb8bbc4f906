import { findDecisionKind } from '../../decision-kinds';
import type { DecisionKind } from '../../decision-kinds';
import type { HeaderMapping } from '../header-mapping';
import { normalizeHeader } from '../normalize-header';
import { planColumns } from '../plan-columns';
import { SHUANGGONGSHI_LICENCE_COLUMNS } from '../shuanggongshi-licence-columns';
import { SHUANGGONGSHI_PENALTY_COLUMNS } from '../shuanggongshi-penalty-columns';

function kindOf(dept: string, kind: string): DecisionKind {
  const found = findDecisionKind(dept, kind);
  if (!found) throw new Error(`no kind ${dept} ${kind}`);
  return found;
}

const fieldsOf = (headers: string[], kind: DecisionKind, mapping?: HeaderMapping) =>
  planColumns(headers, kind, mapping).columns.map((column) => [
    column.header,
    column.field?.name ?? null,
  ]);

describe('planColumns', () => {
  const penalties = kindOf('AMR', 'penalties');

  it('maps every 双公示 penalty header, reading past the ones this system does not keep', () => {
    const headers = SHUANGGONGSHI_PENALTY_COLUMNS.map((column) => column.header);
    const plan = planColumns(headers, penalties);
    expect(plan.unknownHeaders).toEqual([]);
    expect(
      plan.columns
        .filter((column) => column.field)
        .map((column) => [column.header, column.field?.name, column.unit]),
    ).toEqual([
      ['行政相对人名称', 'partyName', undefined],
      ['证件号码', 'personId', undefined],
      ['行政处罚决定书文号', 'decisionNo', undefined],
      ['违法事实', 'reason', undefined],
      ['处罚类别', 'penaltyKind', undefined],
      ['罚款金额(万元)', 'amount', 'wan-yuan'],
      ['没收违法所得、没收非法财物的金额(万元)', 'amount', 'wan-yuan'],
      ['处罚决定日期', 'decidedAt', undefined],
      ['处罚机关', 'authority', undefined],
    ]);
    expect(plan.absentOptionalFields).toEqual(['procedure']);
  });

  it('folds full-width brackets, spaces and a trailing colon of headers', () => {
    expect(normalizeHeader('罚款金额（万元）：')).toBe(normalizeHeader('罚款金额(万元)'));
    expect(normalizeHeader('行政相对人代码_1 (统一社会信用代码)')).toBe(
      normalizeHeader('行政相对人代码_1（统一社会信用代码）'),
    );
  });

  it('takes canonical field names and the catalog labels', () => {
    const arrears = kindOf('TAX', 'arrears');
    expect(
      fieldsOf(['personId', '税务事项通知书文号', '税种', '欠税金额', 'since', '备注'], arrears),
    ).toEqual([
      ['personId', 'personId'],
      ['税务事项通知书文号', 'decisionNo'],
      ['税种', 'taxType'],
      ['欠税金额', 'amount'],
      ['since', 'since'],
      ['备注', null],
    ]);
    expect(
      planColumns(['personId', '税务事项通知书文号', '税种', '欠税金额', 'since', '备注'], arrears)
        .unknownHeaders,
    ).toEqual(['备注']);
  });

  it('takes the licence kind from 许可证书名称 in a standard file, and from 许可类别 in a catalog file', () => {
    const licences = kindOf('AMR', 'licences');
    const standard = fieldsOf(
      SHUANGGONGSHI_LICENCE_COLUMNS.map((column) => column.header),
      licences,
    );
    expect(standard).toContainEqual(['许可证书名称', 'licenceKind']);
    expect(standard).toContainEqual(['许可类别', null]);
    const catalog = fieldsOf(
      licences.fields.map((field) => field.label),
      licences,
    );
    expect(catalog).toContainEqual(['许可类别', 'licenceKind']);
  });

  it("follows a department's mapping file first", () => {
    const mapping: HeaderMapping = {
      columns: new Map<string, string | null>([
        [normalizeHeader('当事人身份证号'), 'personId'],
        [normalizeHeader('处罚文书编号'), '行政处罚决定书文号'],
        [normalizeHeader('处罚类别'), null],
        [normalizeHeader('处罚种类'), '处罚类别'],
      ]),
      values: {},
    };
    expect(
      fieldsOf(
        [
          '当事人身份证号',
          '行政相对人名称',
          '处罚文书编号',
          '处罚类别',
          '处罚种类',
          '处罚决定日期',
          '违法事实',
        ],
        penalties,
        mapping,
      ),
    ).toEqual([
      ['当事人身份证号', 'personId'],
      ['行政相对人名称', 'partyName'],
      ['处罚文书编号', 'decisionNo'],
      ['处罚类别', null],
      ['处罚种类', 'penaltyKind'],
      ['处罚决定日期', 'decidedAt'],
      ['违法事实', 'reason'],
    ]);
  });

  it('refuses a file without a required column, naming it and the unknown headers', () => {
    expect(() =>
      planColumns(
        ['证件号码', '行政相对人名称', '处罚文书', '处罚类别', '处罚决定日期', '违法事实'],
        penalties,
      ),
    ).toThrow(
      'no column for 行政处罚决定书文号 (decisionNo), required for AMR penalties; headers found: 证件号码, 行政相对人名称, 处罚文书, 处罚类别, 处罚决定日期, 违法事实. Map your own headers with --mapping (unknown: 处罚文书)',
    );
  });

  it('refuses two columns filling one field', () => {
    expect(() =>
      planColumns(
        [
          '证件号码',
          'personId',
          '行政相对人名称',
          '行政处罚决定书文号',
          '处罚类别',
          '处罚决定日期',
          '违法事实',
        ],
        penalties,
      ),
    ).toThrow('columns 证件号码 and personId both fill personId');
  });

  it('refuses a header row over the column limit', () => {
    expect(() =>
      planColumns(
        Array.from({ length: 201 }, (_, i) => `c${i}`),
        penalties,
      ),
    ).toThrow('the header row has 201 columns, more than 200');
  });
});
