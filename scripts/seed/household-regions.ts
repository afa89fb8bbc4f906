/** A county-level household registration region of Bazhong city and its places (synthetic use). */
export interface HouseholdRegion {
  /** GB/T 2260 code, the first six digits of its residents' citizen ids. */
  code: string;
  /** County or district name, the start of every address. */
  county: string;
  /** Share of the background population registered here. */
  share: number;
  /** The seat (urban addresses with streets) first, then the other towns (village addresses). */
  towns: readonly string[];
  /** Streets of the seat. */
  streets: readonly string[];
}

/**
 * Tongjiang county (511921) and the neighbouring Bazhong districts and counties some residents are
 * registered in. Town names are real places; streets and villages are common generic names.
 */
export const HOUSEHOLD_REGIONS: readonly HouseholdRegion[] = [
  {
    code: '511921',
    county: '通江县',
    share: 0.9,
    towns: [
      '诺江镇',
      '广纳镇',
      '铁佛镇',
      '民胜镇',
      '沙溪镇',
      '至诚镇',
      '永安镇',
      '火炬镇',
      '春在乡',
      '洪口镇',
      '涪阳镇',
      '毛浴镇',
      '空山镇',
      '陈河镇',
      '唱歌镇',
      '麻石镇',
      '瓦室镇',
      '烟溪乡',
    ],
    streets: ['诺江路', '壁州大道', '新建街', '和平街', '城北路', '滨河路', '红军路', '文庙街'],
  },
  {
    code: '511902',
    county: '巴州区',
    share: 0.04,
    towns: ['东城街道', '江北街道', '曾口镇', '清江镇', '水宁寺镇'],
    streets: ['江北大道', '巴州大道', '回风路', '兴文街'],
  },
  {
    code: '511903',
    county: '恩阳区',
    share: 0.02,
    towns: ['登科街道', '柳林镇', '玉山镇', '渔溪镇'],
    streets: ['恩阳大道', '义阳街', '登科路'],
  },
  {
    code: '511922',
    county: '南江县',
    share: 0.02,
    towns: ['南江镇', '长赤镇', '正直镇', '下两镇'],
    streets: ['朝阳路', '光雾山大道', '南江大道'],
  },
  {
    code: '511923',
    county: '平昌县',
    share: 0.02,
    towns: ['江口镇', '驷马镇', '白衣镇', '得胜镇'],
    streets: ['佛头山路', '平昌大道', '江口街'],
  },
];

/** Village names used in every town (generic names found all over Sichuan). */
export const VILLAGES: readonly string[] = [
  '红峰村',
  '白石村',
  '青龙村',
  '双河村',
  '金星村',
  '新华村',
  '龙凤村',
  '桂花村',
  '柏树村',
  '大兴村',
  '高桥村',
  '石门村',
  '团结村',
  '胜利村',
  '新民村',
  '黄梁村',
  '三合村',
  '永红村',
];
