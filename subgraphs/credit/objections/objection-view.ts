import type { ObjectionData, RepairData } from './types';

/** A CreditObjection as the API shows it. */
export interface ObjectionView {
  id: string;
  recordId: string | null;
  personId: string;
  sourceDept: string;
  reason: string;
  filedOn: string;
  dueOn: string;
  dueOnProvisional: boolean;
  status: ObjectionData['status'];
  correction: ObjectionData['correction'];
  decisionNote: string | null;
  decidedOn: string | null;
  overdue: boolean;
}

/** A CreditRepair as the API shows it. */
export interface RepairView {
  id: string;
  recordId: string | null;
  personId: string;
  sourceDept: string;
  commitment: string;
  proofOfCorrection: string;
  appliedOn: string;
  status: RepairData['status'];
  decisionNote: string | null;
  decidedOn: string | null;
}

/** The platform record id of an objection or repair, or `fallback` for a seeded claim. */
function recordIdOf(ref: ObjectionData | RepairData, fallback: string | null): string | null {
  return ref.sourceRecordId === null ? fallback : `${ref.sourceDept}:${ref.sourceRecordId}`;
}

/** The API view of an objection on `asOf`: overdue when still open after its due date. */
export function toObjectionView(
  objection: ObjectionData,
  asOf: string,
  recordId: string | null = null,
): ObjectionView {
  return {
    id: objection.id,
    recordId: recordIdOf(objection, recordId),
    personId: objection.personId,
    sourceDept: objection.sourceDept,
    reason: objection.reason,
    filedOn: objection.filedOn,
    dueOn: objection.dueOn,
    dueOnProvisional: objection.dueOnProvisional,
    status: objection.status,
    correction: objection.correction,
    decisionNote: objection.decisionNote,
    decidedOn: objection.decidedOn,
    overdue: objection.status === 'OPEN' && objection.dueOn < asOf,
  };
}

/** The API view of a repair application (the applicant's identity stays internal). */
export function toRepairView(repair: RepairData, recordId: string | null = null): RepairView {
  return {
    id: repair.id,
    recordId: recordIdOf(repair, recordId),
    personId: repair.personId,
    sourceDept: repair.sourceDept,
    commitment: repair.commitment,
    proofOfCorrection: repair.proofOfCorrection,
    appliedOn: repair.appliedOn,
    status: repair.status,
    decisionNote: repair.decisionNote,
    decidedOn: repair.decidedOn,
  };
}
