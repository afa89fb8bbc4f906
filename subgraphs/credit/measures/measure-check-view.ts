import type { MeasureCheckData } from './measures-store';

/** A recorded check as the `MeasureCheck` SDL type shows it. */
export interface MeasureCheckView {
  id: string;
  personId: string;
  matter: string;
  listStatus: string;
  dept: string;
  requestedBy: string;
  caseRef: string | null;
  checkedAt: string;
  measuresVersion: string;
  measureCodes: string[];
  feedback: {
    reportedAt: string;
    reportedBy: string;
    applied: string[];
    note: string | null;
  } | null;
}

/** The SDL view of a stored check: timestamps as ISO strings, feedback null until reported. */
export function toMeasureCheckView(check: MeasureCheckData): MeasureCheckView {
  return {
    id: check.id,
    personId: check.personId,
    matter: check.matter,
    listStatus: check.listStatus,
    dept: check.dept,
    requestedBy: check.requestedBy,
    caseRef: check.caseRef,
    checkedAt: new Date(check.checkedAt).toISOString(),
    measuresVersion: check.measuresVersion,
    measureCodes: check.measureCodes,
    feedback:
      check.feedbackAt === null
        ? null
        : {
            reportedAt: new Date(check.feedbackAt).toISOString(),
            reportedBy: check.feedbackBy ?? '',
            applied: check.appliedCodes ?? [],
            note: check.feedbackNote,
          },
  };
}
