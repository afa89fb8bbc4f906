import { ALL_DECISION_KINDS, DEPARTMENT_AUTHORITIES } from '../../lib/decision-kinds';
import type { DecisionField, DecisionKind } from '../../lib/decision-kinds';
import { ENUM_VALUE_LABELS } from '../../lib/import/enum-value-labels';
import { standardColumnsFor } from '../../lib/import/standard-columns-for';
import { makeCitizenId } from '../../lib/ids/citizen-id';
import { makeUscc } from '../../lib/ids/uscc';

/** A sample file's content: its headers and rows of cell texts, in header order. */
export interface SampleTable {
  headers: string[];
  rows: string[][];
}

/**
 * Entities of a seeded county the rows must name where the server checks they exist: registered
 * persons (household changes), enforcement cases with their debtor (court decisions), enterprises
 * in operation (abnormal-operation listings), and dates after the seed's own records.
 */
export interface SampleSubjects {
  persons: readonly string[];
  cases: readonly { personId: string; caseNo: string }[];
  enterprises: readonly string[];
  /** Date of recorded decisions, and of the decisions ending them (not after today). */
  recordDate: string;
  endDate: string;
}

/** Options of {@link sampleDecisionRows}. */
export interface SampleOptions {
  /** Seeded entities to name; default synthetic ids the server need not know (2025 dates). */
  subjects?: SampleSubjects;
  /** Rows; no default. */
  count: number;
  /** Distinguishes decision numbers of separate runs (tests, benchmarks); default ''. */
  series?: string;
  /** Distinct persons the rows spread over; default 50. */
  persons?: number;
}

/** Adults born 1960-1999 in 通江县 (511921), valid check characters, no real person's id. */
function samplePersonId(index: number): string {
  const year = 1960 + (index % 40);
  const month = String(1 + (index % 12)).padStart(2, '0');
  const day = String(1 + (index % 28)).padStart(2, '0');
  return makeCitizenId('511921', `${year}-${month}-${day}`, 100 + (index % 800));
}

function sampleUscc(index: number): string {
  return makeUscc(`92511921MA${String(6_000_000 + index).padStart(7, '0')}`);
}

const TEXTS: Readonly<Record<string, string>> = {
  partyName: '通江县张记食品店',
  reason: '经营超过保质期的食品',
  description: '未按期进行纳税申报',
  obligation: '给付申请执行人货款人民币伍万元',
  institution: '四川省通江中学',
  licenceNo: 'JY25119210000',
  caseNo: '(2025)川1921执',
  organisation: '通江县人民医院',
  organ: '通江县财政局',
};

/** Texts of a field that read better in the words of one department's kind. */
const KIND_TEXTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'HRSS/civil-servant-sanctions': { reason: '违反工作纪律，造成不良影响' },
  'HRSS/wage-arrears-listings': { reason: '拖欠农民工工资数额较大，经责令仍不支付' },
  'HRSS/social-insurance-frauds': {
    partyName: '李某',
    reason: '以伪造证明材料骗取基本养老保险待遇',
  },
  'HEALTH/practising-certificates': { partyName: '王某' },
  'HEALTH/violations': { partyName: '王某', reason: '超出注册的执业范围从事诊疗活动' },
  'JUSTICE/practising-licences': { partyName: '赵某', organisation: '四川诺水律师事务所' },
  'JUSTICE/sanctions': { partyName: '赵某', reason: '私自接受委托、收取费用' },
};

/** The decision number of row `index` of a kind: its title, the series, the year, the index. */
function sampleDecisionNo(kind: DecisionKind, series: string, index: number): string {
  return `通${kind.title}${series}〔2025〕${index + 1}号`;
}

function date(index: number, monthOffset = 0): string {
  const month = String(1 + ((index + monthOffset) % 10)).padStart(2, '0');
  return `2025-${month}-${String(1 + (index % 27)).padStart(2, '0')}`;
}

function value(
  kind: DecisionKind,
  field: DecisionField,
  index: number,
  options: SampleOptions,
): string {
  const series = options.series ?? '';
  const persons = options.persons ?? 50;
  if (field.name === kind.decisionNoField) return sampleDecisionNo(kind, series, index);
  if (kind.ends && field.name === kind.ends.refField) {
    const ended = ALL_DECISION_KINDS.find(
      (k) => k.dept === kind.dept && k.kind === kind.ends?.kind,
    );
    return sampleDecisionNo(ended ?? kind, series, index);
  }
  if (field.name === 'authority') return DEPARTMENT_AUTHORITIES[kind.dept]?.[0] ?? '';
  // Optional, and when given it must be the one the register holds: left to the register.
  if (field.name === kind.legalRepField) return '';
  const subjects = options.subjects;
  if (subjects) {
    const enforcement = subjects.cases[index % subjects.cases.length];
    if (field.name === 'caseNo') return enforcement.caseNo;
    if (field.type === 'citizenId') {
      return kind.dept === 'COURT'
        ? enforcement.personId
        : subjects.persons[index % subjects.persons.length];
    }
    if (field.type === 'uscc') return subjects.enterprises[index % subjects.enterprises.length];
    if (field.type === 'date' && !field.future)
      return kind.action === 'end' ? subjects.endDate : subjects.recordDate;
  }
  switch (field.type) {
    case 'citizenId':
      return samplePersonId(index % persons);
    case 'uscc':
      return sampleUscc(index % persons);
    case 'date':
      // An ending decision comes a month after the one it ends; a licence is valid for years.
      return field.future ? '2030-12-31' : date(index, kind.action === 'end' ? 1 : 0);
    case 'amount':
      return `${(100 + (index % 50) * 25).toFixed(2)}`;
    case 'enum': {
      const code = field.values[index % field.values.length];
      const label = Object.entries(ENUM_VALUE_LABELS[field.name] ?? {}).find(([, c]) => c === code);
      return label ? label[0] : code;
    }
    case 'int':
      return String(field.min);
    case 'text':
      return `${KIND_TEXTS[`${kind.dept}/${kind.kind}`]?.[field.name] ?? TEXTS[field.name] ?? field.label}${field.name === 'caseNo' || field.name === 'licenceNo' ? index + 1 : ''}`;
  }
}

/**
 * Valid rows of a kind, as a department's export would hold them: the 双公示 standard's headers
 * (with amounts in 万元) for licences and penalties, followed by the catalog's labels of the
 * required fields the standard has no column for; the catalog's Chinese labels for the other
 * kinds; enum values by their Chinese names where they have one. Ending kinds end the decisions
 * of the same index and series of the kind they end, so files import in order: record, then end.
 */
export function sampleDecisionRows(kind: DecisionKind, options: SampleOptions): SampleTable {
  const standard = standardColumnsFor(kind);
  const fields = kind.fields;
  if (standard.length > 0) {
    const filled = new Set(standard.map((column) => column.field));
    const extra = fields.filter((field) => field.required && !filled.has(field.name));
    const headers = [
      ...standard.map((column) => column.header),
      ...extra.map((field) => field.label),
    ];
    const fieldOf = (column: (typeof standard)[number]) =>
      fields.find((field) => field.name === column.field);
    const rows = Array.from({ length: options.count }, (_, index) => [
      ...standard.map((column) => {
        const field = fieldOf(column);
        if (column.header === '行政相对人类别') return '自然人';
        if (column.header === '证件类型') return '身份证';
        if (!field) return '';
        if (column.unit === 'wan-yuan') {
          // The fine in 万元; the confiscation column stays empty.
          if (column.header.startsWith('没收')) return '';
          return (Number(value(kind, field, index, options)) / 10_000)
            .toFixed(6)
            .replace(/0+$/, '');
        }
        return value(kind, field, index, options);
      }),
      ...extra.map((field) => value(kind, field, index, options)),
    ]);
    return { headers, rows };
  }
  return {
    headers: fields.map((field) => field.label),
    rows: Array.from({ length: options.count }, (_, index) =>
      fields.map((field) => value(kind, field, index, options)),
    ),
  };
}

/**
 * The canonical values of row `index` of a kind, as an approval system's form sends them to
 * `<subgraph>RecordDecision`: keyed by field name, enum values as their codes, amounts in yuan.
 */
export function sampleDecisionValues(
  kind: DecisionKind,
  index: number,
  options: Omit<SampleOptions, 'count'> = {},
): Record<string, string> {
  return Object.fromEntries(
    kind.fields.map((field) => [
      field.name,
      field.type === 'enum'
        ? field.values[index % field.values.length]
        : value(kind, field, index, { ...options, count: index + 1 }),
    ]),
  );
}
