import { ALL_DECISION_KINDS } from '../../lib/decision-kinds';
import { standardColumnsFor } from '../../lib/import/standard-columns-for';

/** `--list-kinds`: every department's kinds with their columns (canonical name, header, rules). */
export function describeKinds(): string {
  const lines: string[] = [];
  for (const kind of ALL_DECISION_KINDS) {
    lines.push(`${kind.dept} ${kind.kind} (${kind.title})`);
    for (const field of kind.fields) {
      const rule =
        field.type === 'enum'
          ? field.values.join('|')
          : field.type === 'text'
            ? `text <= ${field.maxLen}`
            : field.type;
      lines.push(
        `  ${field.required ? '*' : ' '} ${field.name.padEnd(22)} ${field.label}  ${rule}`,
      );
    }
    const standard = standardColumnsFor(kind).filter((column) => column.field !== null);
    if (standard.length > 0) {
      lines.push(
        `    双公示 headers: ${standard.map((column) => `${column.header} -> ${column.field}`).join('; ')}`,
      );
    }
  }
  lines.push('(* required)');
  return lines.join('\n');
}
