/** The fixture scenarios of DESIGN §7; `.data/fixtures.json` names example persons for each. */
export const SCENARIOS = [
  'clean',
  'clean_3y',
  'serious_dishonest',
  'general_bad',
  'repaired',
  'under_objection',
  'tax_arrears',
  'student_integrity',
  'deceased',
  'legal_rep_abnormal_enterprise',
  'good_record_red_list',
  'consent_granted',
] as const;

export type Scenario = (typeof SCENARIOS)[number];
