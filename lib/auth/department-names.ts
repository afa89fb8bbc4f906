import { DEPARTMENT_REGISTRY } from '../departments/department-registry';
import type { Department } from '../departments/department-registry';

/** What a citizen reads for a department code (DESIGN §3), in the county's own words. */
export const DEPARTMENT_NAMES = Object.fromEntries(
  DEPARTMENT_REGISTRY.map((entry) => [entry.code, entry.nameZh]),
) as Readonly<Record<Department, string>>;
