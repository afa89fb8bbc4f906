/** Occupations the health bureau licenses, as values of the `KeyGroup` SDL enum. */
export type HealthOccupation = 'DOCTOR' | 'NURSE';

/** Kinds of professional violation decision, as the `MedicalViolationKind` SDL enum. */
export type MedicalViolationKind = 'WARNING' | 'SUSPENSION' | 'REVOCATION';
