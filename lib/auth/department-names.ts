import type { Department } from './caller';

/** What a citizen reads for a department code (DESIGN §3), in the county's own words. */
export const DEPARTMENT_NAMES: Readonly<Record<Department, string>> = {
  PSB: '县公安局',
  TAX: '县税务局',
  COURT: '县人民法院',
  AMR: '县市场监管局',
  EDU: '县教科体局',
  NDRC: '县发改局',
  PBOC: '人民银行县支行',
  CIVIL: '县民政局',
  HRSS: '县人社局',
  AUDIT: '审计组',
};
