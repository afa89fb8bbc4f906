export type { DecisionField, DecisionFieldType, DecisionKind } from './decision-kind';
export { ALL_DECISION_KINDS } from './all-decision-kinds';
export { COMMON_DECISION_FIELDS } from './common-decision-fields';
export { DEPARTMENT_AUTHORITIES } from './department-authorities';
export { findDecisionKind } from './find-decision-kind';
export { IMPORT_BATCH_LIMITS } from './import-batch-limits';
export { EARLIEST_DECISION_DATE } from './earliest-decision-date';
