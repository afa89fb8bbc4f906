import { birthday } from './birthday';

/**
 * Completed years of age (周岁) on `date` of a person born on `birthDate` (ISO dates). A year of
 * age is complete from the day AFTER the birthday that ends it: 周岁 are counted by the Gregorian
 * calendar from the day after the birthday (最高人民法院关于审理未成年人刑事案件具体应用法律若干问题的
 * 解释, 法释〔2006〕1号, 第二条: "按照公历的年、月、日计算，从周岁生日的第二天起算"), as the Civil Code
 * counts any period of years (民法典 第二百零一条: the first day is not counted; 第二百零二条: the
 * period ends on the corresponding day). Born 1990-07-01: 34 on 2025-07-01, 35 from 2025-07-02.
 * Null for an unreal birth date.
 */
export function ageOn(birthDate: string, date: string): number | null {
  const born = birthday(birthDate, 0);
  if (born === null) return null;
  let years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  // The birthday of the year of `date` ends a year of age only once that day is over.
  const thisYear = birthday(birthDate, years);
  if (thisYear === null || thisYear >= date) years -= 1;
  return years;
}
