import type { Scenario } from './scenarios';

/**
 * One synthetic resident of Tongjiang county, shared by every department's seed so their records
 * agree about who exists. Never real personal data.
 */
export interface SyntheticPerson {
  /** Position in the generated population; stable for a given seed. */
  index: number;
  /** Valid 18-character citizen id with a 5119xx region code. */
  id: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  /** ISO yyyy-mm-dd, the date encoded in the id. */
  birthDate: string;
  householdRegion: string;
  householdAddress: string;
  householdStatus: 'ACTIVE' | 'CANCELLED' | 'DECEASED' | 'MIGRATED_OUT';
  registrationIssues: string[];
  /**
   * ISO date the household registration in the county began (户籍迁入): the birth date for
   * someone registered here since birth. How long the county has known the person.
   */
  registeredSince: string;
  /** Scenario this person was made for, or `background` for the realistic random mix. */
  scenario: Scenario | 'background';
  /** Seed for this person's own random choices, so departments draw independently but repeatably. */
  seed: number;
}
