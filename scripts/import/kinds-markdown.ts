import { ALL_DECISION_KINDS, EARLIEST_DECISION_DATE } from '../../lib/decision-kinds';
import type { DecisionField, DecisionKind } from '../../lib/decision-kinds';
import { ENUM_VALUE_LABELS } from '../../lib/import/enum-value-labels';
import { standardColumnsFor } from '../../lib/import/standard-columns-for';

function content(field: DecisionField): string {
  switch (field.type) {
    case 'citizenId':
      return '18 位公民身份号码 citizen id (GB 11643 check character)';
    case 'uscc':
      return '统一社会信用代码 USCC (GB 32100 check character)';
    case 'date':
      return field.future
        ? '日期 date, may be in the future'
        : `日期 date, from ${EARLIEST_DECISION_DATE}, not after today (China Standard Time)`;
    case 'amount':
      return field.positive
        ? '金额（元）yuan, > 0, at most 2 decimals'
        : '金额（元）yuan, ≥ 0, at most 2 decimals';
    case 'int':
      return `整数 whole number ${field.min} to ${field.max}`;
    case 'text':
      return `文字 text, at most ${field.maxLen} characters`;
    case 'enum': {
      const names = ENUM_VALUE_LABELS[field.name] ?? {};
      return field.values
        .map((code) => {
          const chinese = Object.entries(names)
            .filter(([, value]) => value === code)
            .map(([name]) => name);
          return chinese.length > 0 ? `\`${code}\` ${chinese.join(' / ')}` : `\`${code}\``;
        })
        .join(', ');
    }
  }
}

/** Whether the field must be filled: always, never, or when another field has a value. */
function required(kind: DecisionKind, field: DecisionField): string {
  if (field.required) return '是 yes';
  const when = kind.requiredWhen?.find((rule) => rule.field === field.name);
  return when
    ? `\`${when.whenField}\` 为 \`${when.equals}\` 时 yes when \`${when.whenField}\` is \`${when.equals}\``
    : '否 no';
}

/**
 * The column tables of docs/IMPORT.md, from the kinds catalog and the standard column sets, so the
 * documentation lists exactly what the import reads (a test compares the two).
 */
export function kindsMarkdown(): string {
  const sections: string[] = [];
  for (const kind of ALL_DECISION_KINDS) {
    const standard = standardColumnsFor(kind);
    const lines = [
      `#### ${kind.dept} \`${kind.kind}\` ${kind.title}`,
      '',
      `Example 示例: \`examples/import/${kind.dept.toLowerCase()}-${kind.kind}.csv\`, \`.xlsx\``,
      '',
      '| 表头 header | 字段 field | 必填 required | 内容 content |',
      '| --- | --- | --- | --- |',
    ];
    for (const field of kind.fields) {
      const standardHeaders = standard
        .filter((column) => column.field === field.name)
        .map((column) => `${column.header}${column.unit === 'wan-yuan' ? ' (万元→元)' : ''}`);
      const headers = [field.label, ...standardHeaders.map((header) => `双公示: ${header}`)].join(
        '<br>',
      );
      lines.push(
        `| ${headers} | \`${field.name}\` | ${required(kind, field)} | ${content(field)} |`,
      );
    }
    sections.push(lines.join('\n'));
  }
  return sections.join('\n\n');
}
