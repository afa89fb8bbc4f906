import type { Random } from '../../subgraphs/kit/seed/random';

/** Common surnames, most frequent first, with some typical of northern Sichuan (苟, 冉, 蒲, 岳). */
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘',
  ...'蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹',
  ...'苟向冉蒲岳鲜',
];
const MALE_CHARS = [...'伟强军勇杰涛明超刚平辉斌波鹏华建国文志俊浩宇峰林成龙海兵东德福贵荣洪川'];
const FEMALE_CHARS = [...'芳娟敏静丽艳燕霞玲秀英华梅琴红兰萍婷雪慧莉洁琳颖欣怡倩月凤春'];

/**
 * A synthetic Chinese name of 2 or 3 characters: a surname drawn with a skew towards the common
 * ones, and a given name of 1 or 2 characters fitting the gender.
 */
export function chineseName(random: Random, gender: 'MALE' | 'FEMALE'): string {
  // Squaring a uniform draw skews it towards 0, i.e. towards the most frequent surnames.
  const surname = SURNAMES[Math.floor(random.next() ** 2 * SURNAMES.length)];
  const chars = gender === 'MALE' ? MALE_CHARS : FEMALE_CHARS;
  const given = random.chance(0.3)
    ? random.pick(chars)
    : `${random.pick(chars)}${random.pick(chars)}`;
  return surname + given;
}
