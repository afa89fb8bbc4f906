import { findDecisionKind } from '../../decision-kinds';
import type { DecisionKind } from '../../decision-kinds';
import { planColumns } from '../plan-columns';
import { rowToImportRow } from '../row-to-import-row';
import { wanYuanToFen } from '../wan-yuan-to-fen';
import { normalizeDateText } from '../normalize-date-text';

const penalties = findDecisionKind('AMR', 'penalties') as DecisionKind;
const HEADERS = [
  '证件号码',
  '行政相对人名称',
  '行政处罚决定书文号',
  '处罚类别',
  '罚款金额（万元）',
  '没收违法所得、没收非法财物的金额（万元）',
  '处罚决定日期',
  '违法事实',
  '处罚机关',
];
const plan = planColumns(HEADERS, penalties, {
  columns: new Map(),
  values: { penaltyKind: { 一般罚款: 'FINE' } },
});
const GOOD = [
  '51192119850315001x',
  '张记食品店',
  '通市监罚〔2025〕1号',
  '罚款',
  '0.5',
  '0.012345',
  '2025/3/5',
  '超过保质期',
  '通江县市场监督管理局',
];

describe('rowToImportRow', () => {
  it('sends canonical values: ids upper case, 万元 summed as yuan, enum names as codes, ISO dates', () => {
    expect(rowToImportRow({ rowNumber: 2, cells: GOOD }, plan)).toEqual({
      ok: true,
      row: {
        rowNumber: 2,
        values: [
          { field: 'personId', value: '51192119850315001X' },
          { field: 'partyName', value: '张记食品店' },
          { field: 'decisionNo', value: '通市监罚〔2025〕1号' },
          { field: 'penaltyKind', value: 'FINE' },
          { field: 'decidedAt', value: '2025-03-05' },
          { field: 'reason', value: '超过保质期' },
          { field: 'authority', value: '通江县市场监督管理局' },
          { field: 'amount', value: '5123.45' },
        ],
      },
    });
  });

  it("uses the mapping file's enum names, and sends unknown names as written for the server to refuse", () => {
    const named = (kind: string) => {
      const result = rowToImportRow(
        { rowNumber: 3, cells: GOOD.map((cell, i) => (i === 3 ? kind : cell)) },
        plan,
      );
      return result.ok
        ? result.row.values.find((value) => value.field === 'penaltyKind')?.value
        : result;
    };
    expect(named('一般罚款')).toBe('FINE');
    expect(named('WARNING')).toBe('WARNING');
    expect(named('打板子')).toBe('打板子');
  });

  it('leaves empty cells out', () => {
    const result = rowToImportRow(
      { rowNumber: 4, cells: GOOD.map((cell, i) => (i === 4 || i === 5 ? ' ' : cell)) },
      plan,
    );
    expect(result.ok && result.row.values.map((value) => value.field)).toEqual([
      'personId',
      'partyName',
      'decisionNo',
      'penaltyKind',
      'decidedAt',
      'reason',
      'authority',
    ]);
  });

  it('rejects a row with a missing column, one with too many, an unreadable one, a lossy Excel number, a bad 万元 amount', () => {
    expect(rowToImportRow({ rowNumber: 5, cells: GOOD.slice(0, 7) }, plan)).toEqual({
      ok: false,
      rejection: {
        rowNumber: 5,
        column: '违法事实',
        reason: 'row has 7 columns, the header 9: missing 违法事实, 处罚机关',
      },
    });
    expect(rowToImportRow({ rowNumber: 6, cells: [...GOOD, 'x'] }, plan)).toEqual({
      ok: false,
      rejection: {
        rowNumber: 6,
        column: null,
        reason: 'row has 10 columns, the header 9: a separator too many?',
      },
    });
    expect(rowToImportRow({ rowNumber: 7, cells: [...GOOD, '', ''] }, plan).ok).toBe(true);
    expect(
      rowToImportRow(
        { rowNumber: 8, cells: [], problem: 'bytes that are not valid GB18030' },
        plan,
      ),
    ).toEqual({
      ok: false,
      rejection: { rowNumber: 8, column: null, reason: 'bytes that are not valid GB18030' },
    });
    expect(rowToImportRow({ rowNumber: 9, cells: GOOD, lossyColumns: [0] }, plan)).toMatchObject({
      ok: false,
      rejection: { rowNumber: 9, column: '证件号码' },
    });
    expect(
      rowToImportRow(
        { rowNumber: 10, cells: GOOD.map((cell, i) => (i === 4 ? '五千' : cell)) },
        plan,
      ),
    ).toEqual({
      ok: false,
      rejection: {
        rowNumber: 10,
        column: '罚款金额（万元）',
        reason: '五千 is not an amount in 万元 (digits, at most 6 decimals)',
      },
    });
  });
});

describe('wanYuanToFen and normalizeDateText', () => {
  it('converts 万元 exactly, keeping a sign for the server to refuse', () => {
    expect(wanYuanToFen('1')).toBe(1_000_000n);
    expect(wanYuanToFen('0.000001')).toBe(1n);
    expect(wanYuanToFen('-0.5')).toBe(-500_000n);
    expect(wanYuanToFen('1,234.5')).toBe(1_234_500_000n);
    expect(wanYuanToFen('0.0000001')).toBeUndefined();
  });

  it('spells dates as ISO and leaves other text alone', () => {
    expect(
      ['2025/3/5', '2025年3月5日', '20250305', '2025-03-05 00:00:00', '2025.03.05'].map(
        normalizeDateText,
      ),
    ).toEqual(Array(5).fill('2025-03-05'));
    expect(normalizeDateText('去年')).toBe('去年');
    expect(normalizeDateText('2025-02-30')).toBe('2025-02-30');
  });
});
