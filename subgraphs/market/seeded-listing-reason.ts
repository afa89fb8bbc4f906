/**
 * The reason the seed's abnormal-operation listings give (the seed keeps none of its own): the
 * commonest one in a county, so a department re-sending a seeded listing reads a plausible text.
 */
export const SEEDED_LISTING_REASON = '未依照规定公示年度报告';
