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
  // Credit decisions that never contradict each other and follow the national periods:
  /** A displayed good record (volunteering) and a displayed general bad one (a penalty). */
  'good_and_general_bad',
  /** Deceased according to the household register, with no credit record at all. */
  'deceased_clean',
  /** A paid penalty whose credit repair AMR approved: withdrawn from public disclosure. */
  'repaired_penalty',
  /** A penalty removed by an objection AMR upheld, and a good record: on the red list. */
  'objection_upheld',
  /** Tax arrears decided more than 12 months ago and still unpaid: still displayed. */
  'old_unpaid_arrears',
  /** A court dishonest-debtor listing and its consumption restriction (one case). */
  'court_listing',
  // Key occupational groups (the seed plan's 重点职业人群), each with a record of its department:
  /** A practising doctor with a professional violation (医师执业违规) decided by HEALTH. */
  'doctor_violation',
  /** A lawyer whose practice JUSTICE suspended (停止执业), the suspension in force. */
  'lawyer_suspended',
  /** A serving civil servant with a disciplinary sanction (公务员处分) recorded by HRSS. */
  'civil_servant_sanction',
] as const;

export type Scenario = (typeof SCENARIOS)[number];
