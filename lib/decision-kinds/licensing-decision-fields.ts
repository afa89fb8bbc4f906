import type { DecisionField } from './decision-kind';

/**
 * Fields the licensing departments' kinds share (HEALTH, JUSTICE, HRSS), named as the 双公示
 * standard's columns name them (lib/import/shuanggongshi-*-columns.ts), so a department's
 * standard export fills them without a mapping file.
 */
export const LICENSING_DECISION_FIELDS = {
  /** 许可编号: the number of the practising certificate a licence records. */
  licenceNo: {
    name: 'licenceNo',
    label: '执业证书编号',
    type: 'text',
    maxLen: 64,
    required: true,
  },
  /**
   * The practising certificate a sanction concerns; optional: without it, the person's latest
   * licence of the department is meant (refused when they hold none).
   */
  concernedLicenceNo: {
    name: 'licenceNo',
    label: '执业证书编号',
    type: 'text',
    maxLen: 64,
    required: false,
  },
  /** Where the person practises (执业机构); the standard has no column for it. */
  organisation: {
    name: 'organisation',
    label: '执业机构',
    type: 'text',
    maxLen: 100,
    required: false,
  },
  /** 违法事实: the facts found; they never leave the department. */
  reason: { name: 'reason', label: '违法事实', type: 'text', maxLen: 500, required: true },
} as const satisfies Record<string, DecisionField>;

/** The date field of an ending kind under the department's label. */
export function endDateField(name: string, label: string): DecisionField {
  return { name, label, type: 'date', required: true };
}

/** The field naming the decision an ending kind ends, by its number. */
export function endedDecisionNoField(name: string, label: string): DecisionField {
  return { name, label, type: 'text', maxLen: 64, required: true };
}
