import type { DecisionKind } from '../decision-kinds';
import { SHUANGGONGSHI_LICENCE_COLUMNS } from './shuanggongshi-licence-columns';
import { SHUANGGONGSHI_PENALTY_COLUMNS } from './shuanggongshi-penalty-columns';
import type { StandardColumn } from './standard-column';

/**
 * Where a kind names a standard field differently: the tax bureau's violations keep the fact as
 * `description` and the fine as `penaltyAmount`, and have no penalty kind of the law's list.
 */
const FIELD_RENAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'TAX/violations': { reason: 'description', amount: 'penaltyAmount' },
};

/**
 * The published column set a kind's files may use besides the catalog's own headers: the 双公示
 * penalty columns for every kind disclosed as a penalty, the licensing columns for licences.
 * A standard column whose field the kind does not keep is read past.
 */
export function standardColumnsFor(kind: DecisionKind): readonly StandardColumn[] {
  const columns =
    kind.disclosed === 'PENALTY'
      ? SHUANGGONGSHI_PENALTY_COLUMNS
      : kind.disclosed === 'LICENSING'
        ? SHUANGGONGSHI_LICENCE_COLUMNS
        : [];
  const renames = FIELD_RENAMES[`${kind.dept}/${kind.kind}`] ?? {};
  const kept = new Set(kind.fields.map((field) => field.name));
  return columns.map((column) => {
    const field = column.field === null ? null : (renames[column.field] ?? column.field);
    return { ...column, field: field !== null && kept.has(field) ? field : null };
  });
}
