/** The household register's standing of one person, as the credit platform keeps it. */
export interface RegisterEntry {
  personId: string;
  /** ACTIVE, CANCELLED, DECEASED or MIGRATED_OUT. */
  householdStatus: string;
  /** DUPLICATE, ERRONEOUS, FALSIFIED, UNREGISTERED, DECEASED_NOT_CANCELLED. */
  registrationIssues: readonly string[];
  /** ISO date the registration in the county began; null when not known. */
  registeredSince: string | null;
}
