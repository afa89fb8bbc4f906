/** Occupations the justice bureau licenses, as values of the `KeyGroup` SDL enum. */
export type JusticeOccupation = 'LAWYER' | 'NOTARY' | 'FORENSIC_APPRAISER';

/** Kinds of sanction, as the `LegalServiceSanctionKind` SDL enum. */
export type LegalServiceSanctionKind = 'WARNING' | 'FINE' | 'SUSPENSION' | 'REVOCATION';
