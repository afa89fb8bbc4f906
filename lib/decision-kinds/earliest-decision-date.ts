/**
 * The earliest date a decision may carry: the founding of the People's Republic (1949-10-01). No
 * decision a county department records today is older, so an earlier date is a typing error
 * (`0202-03-01`, a birth date in the wrong column) and is refused rather than kept.
 */
export const EARLIEST_DECISION_DATE = '1949-10-01';
