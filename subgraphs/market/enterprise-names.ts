import type { Random } from '../kit/seed/random';
import type { EnterpriseType, LicenseKind } from './records';

const TOWNS = [
  '诺江镇',
  '民胜镇',
  '火炬镇',
  '广纳镇',
  '铁佛镇',
  '麻石镇',
  '至诚镇',
  '永安镇',
  '沙溪镇',
  '洪口镇',
  '涪阳镇',
  '瓦室镇',
  '陈河镇',
  '毛浴镇',
];

const BRANDS = [
  '鑫源',
  '恒达',
  '诺水',
  '红韵',
  '巴山',
  '川北',
  '兴旺',
  '顺发',
  '金穗',
  '宏图',
  '盛世',
  '汇丰',
  '青峪',
  '空山',
  '玉峡',
  '泰和',
  '福星',
  '永康',
  '天成',
  '壁州',
];

/** Lines of business; `license` is what such a business usually needs from the bureau. */
const COMPANY_TRADES: readonly { trade: string; license: LicenseKind | null }[] = [
  { trade: '商贸', license: 'FOOD_BUSINESS' },
  { trade: '农业开发', license: null },
  { trade: '建筑工程', license: null },
  { trade: '餐饮管理', license: 'FOOD_BUSINESS' },
  { trade: '物流', license: null },
  { trade: '茶业', license: 'FOOD_PRODUCTION' },
  { trade: '银耳科技', license: 'FOOD_PRODUCTION' },
  { trade: '旅游开发', license: null },
  { trade: '建材', license: null },
  { trade: '医药', license: 'DRUG_RETAIL' },
  { trade: '劳务', license: null },
];

const SHOPS: readonly { trade: string; license: LicenseKind | null }[] = [
  { trade: '便利店', license: 'FOOD_BUSINESS' },
  { trade: '餐馆', license: 'FOOD_BUSINESS' },
  { trade: '火锅店', license: 'FOOD_BUSINESS' },
  { trade: '副食店', license: 'FOOD_BUSINESS' },
  { trade: '超市', license: 'FOOD_BUSINESS' },
  { trade: '腊肉加工坊', license: 'SMALL_FOOD_WORKSHOP' },
  { trade: '大药房', license: 'DRUG_RETAIL' },
  { trade: '五金店', license: null },
  { trade: '农资店', license: null },
  { trade: '理发店', license: null },
  { trade: '汽车修理部', license: null },
];

const COOPERATIVE_PRODUCE = [
  '银耳种植',
  '茶叶种植',
  '核桃种植',
  '生猪养殖',
  '中药材种植',
  '蔬菜种植',
];

/** A synthetic business name of Tongjiang county and the licence its trade usually needs. */
export interface EnterpriseNaming {
  name: string;
  license: LicenseKind | null;
}

/** A plausible synthetic name for a new market entity of `type` (never a real business). */
export function enterpriseName(rng: Random, type: EnterpriseType): EnterpriseNaming {
  const brand = rng.pick(BRANDS);
  switch (type) {
    case 'INDIVIDUAL_BUSINESS': {
      const shop = rng.pick(SHOPS);
      return { name: `通江县${rng.pick(TOWNS)}${brand}${shop.trade}`, license: shop.license };
    }
    case 'FARMER_COOPERATIVE':
      return { name: `通江县${brand}${rng.pick(COOPERATIVE_PRODUCE)}专业合作社`, license: null };
    case 'SOLE_PROPRIETORSHIP': {
      const trade = rng.pick(COMPANY_TRADES);
      return { name: `通江县${brand}${trade.trade}经营部`, license: trade.license };
    }
    case 'PARTNERSHIP': {
      const trade = rng.pick(COMPANY_TRADES);
      return { name: `通江县${brand}${trade.trade}合伙企业（有限合伙）`, license: trade.license };
    }
    case 'LIMITED_COMPANY': {
      const trade = rng.pick(COMPANY_TRADES);
      return { name: `通江县${brand}${trade.trade}有限公司`, license: trade.license };
    }
  }
}
