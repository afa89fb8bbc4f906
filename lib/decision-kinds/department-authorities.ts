import type { Department } from '../auth/caller';

/**
 * The names under which each recording department decides (the `authority` field of a row): the
 * county bureau's full and short names. A row naming another department's authority is refused as
 * "row of another department"; a name on no list is refused as unknown.
 */
export const DEPARTMENT_AUTHORITIES: Readonly<Partial<Record<Department, readonly string[]>>> = {
  TAX: ['国家税务总局通江县税务局', '通江县税务局', '县税务局'],
  COURT: ['通江县人民法院', '县人民法院'],
  AMR: ['通江县市场监督管理局', '通江县市场监管局', '县市场监管局'],
  EDU: ['通江县教育科技和体育局', '通江县教科体局', '县教科体局'],
  PSB: ['通江县公安局', '县公安局'],
  NDRC: ['通江县发展和改革局', '通江县发改局', '县发改局'],
  HRSS: ['通江县人力资源和社会保障局', '通江县人社局', '县人社局'],
  HEALTH: ['通江县卫生健康局', '通江县卫健局', '县卫健局'],
  JUSTICE: ['通江县司法局', '县司法局'],
};
