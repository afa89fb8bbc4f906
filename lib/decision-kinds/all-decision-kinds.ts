import { COURT_DECISION_KINDS } from './court-decision-kinds';
import { CREDIT_DECISION_KINDS } from './credit-decision-kinds';
import type { DecisionKind } from './decision-kind';
import { EDUCATION_DECISION_KINDS } from './education-decision-kinds';
import { HEALTH_DECISION_KINDS } from './health-decision-kinds';
import { HRSS_DECISION_KINDS } from './hrss-decision-kinds';
import { JUSTICE_DECISION_KINDS } from './justice-decision-kinds';
import { MARKET_DECISION_KINDS } from './market-decision-kinds';
import { POPULATION_DECISION_KINDS } from './population-decision-kinds';
import { TAX_DECISION_KINDS } from './tax-decision-kinds';

/** Every kind of decision a department may record or import, by department. */
export const ALL_DECISION_KINDS: readonly DecisionKind[] = [
  ...TAX_DECISION_KINDS,
  ...COURT_DECISION_KINDS,
  ...MARKET_DECISION_KINDS,
  ...EDUCATION_DECISION_KINDS,
  ...POPULATION_DECISION_KINDS,
  ...CREDIT_DECISION_KINDS,
  ...HRSS_DECISION_KINDS,
  ...HEALTH_DECISION_KINDS,
  ...JUSTICE_DECISION_KINDS,
];
