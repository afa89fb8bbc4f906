import type { DecisionKind } from '../../../lib/decision-kinds/decision-kind';
import type { LedgerDecision } from './decision-ledger-store';
import { DecisionRefusal } from './decision-refusal';
import type { DecisionValues } from './decision-values';

/** What a write did, as the `DecisionWriteResult` SDL type plus its subjects for the audit. */
export interface DecisionWrite {
  kind: string;
  decisionNo: string;
  recordId: string;
  outcome: 'INSERTED' | 'UNCHANGED' | 'CORRECTED' | 'ENDED' | 'REVOKED';
  version: number;
  /**
   * Citizen ids (or USCCs) the decision is about, in clear (the audit stores their HMACs): its
   * person or enterprise, the legal representative the kind names, and, for a correction that
   * changed them, the previous ones too, so whoever it was about before sees it was changed.
   */
  subjects: string[];
}

/** The person or enterprise a decision is about (the ledger's subject). */
export function subjectOf(kind: DecisionKind, values: DecisionValues): string {
  const field = kind.personField ?? kind.usccField;
  const subject = field ? values[field] : null;
  if (!subject) throw new Error(`decision kind ${kind.kind} has no subject field`);
  return subject;
}

/**
 * Everyone a decision with these values is about: its person or enterprise and the legal
 * representative the kind names; with `previous` (a correction), theirs too, first.
 */
export function subjectsOf(
  kind: DecisionKind,
  values: DecisionValues,
  previous?: DecisionValues,
): string[] {
  const of = (v: DecisionValues) => [
    subjectOf(kind, v),
    ...(kind.legalRepField && v[kind.legalRepField] ? [v[kind.legalRepField] ?? ''] : []),
  ];
  return [...new Set([...(previous ? of(previous) : []), ...of(values)])];
}

/** The fields whose values differ between two versions of a decision. */
export function differingFields(
  kind: DecisionKind,
  a: DecisionValues,
  b: DecisionValues,
): string[] {
  return kind.fields.map((f) => f.name).filter((name) => (a[name] ?? null) !== (b[name] ?? null));
}

/** What a write did to `decision` (as the ledger now holds it). */
export function writeOf(
  kind: DecisionKind,
  decision: LedgerDecision,
  outcome: DecisionWrite['outcome'],
  subjects: string[] = subjectsOf(kind, decision.values),
): DecisionWrite {
  return {
    kind: kind.kind,
    decisionNo: decision.decisionNo,
    recordId: decision.recordId,
    outcome,
    version: decision.version,
    subjects,
  };
}

/** What recording a new decision of `kind` did. */
export function recordedOutcome(kind: DecisionKind): DecisionWrite['outcome'] {
  return kind.action === 'end' ? 'ENDED' : 'INSERTED';
}

/**
 * A decision recorded again: UNCHANGED with the same content; refused (DecisionRefusal) when it
 * was revoked (the caller would take it for in force) or differs (naming the differing fields).
 * The reasons name fields, never the values sent.
 */
export function unchangedOrRefused(
  kind: DecisionKind,
  existing: LedgerDecision,
  values: DecisionValues,
): 'UNCHANGED' {
  if (existing.status === 'REVOKED') {
    throw new DecisionRefusal([
      {
        field: kind.decisionNoField,
        reason: `this decision was revoked on ${existing.statusChangedAt ?? '?'}: a new decision takes a new number`,
      },
    ]);
  }
  const differing = differingFields(kind, existing.values, values);
  if (differing.length === 0) return 'UNCHANGED';
  throw new DecisionRefusal(
    differing.map((field) => ({
      field,
      reason: `this decision is already recorded with a different ${field} (correct it explicitly)`,
    })),
  );
}
