import { DEPARTMENT_REGISTRY } from './department-registry';
import type { Department } from './department-registry';

/** Every department code, in registry order. */
export const DEPARTMENT_CODES: readonly Department[] = DEPARTMENT_REGISTRY.map(
  (entry) => entry.code,
);
