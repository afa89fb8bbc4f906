import { addDaysIso } from './add-days-iso';
import { birthday } from './birthday';

/** Age of majority: 十八周岁以上的自然人为成年人 (民法典 第十七条). */
export const AGE_OF_MAJORITY = 18;

/**
 * The first day (ISO) a person born on `birthDate` is an adult: the day after their 18th
 * birthday, the rule of ageOn (法释〔2006〕1号 第二条 "从周岁生日的第二天起算"; 民法典 第十七条,
 * 第二百零一条, 第二百零二条). Born 2007-06-15: adult from 2025-06-16. Born on 29 February: the
 * 18th birthday of a common year is 28 February (民法典 第二百零二条), so adult from 1 March;
 * in a leap year from 1 March as well. Null for an unreal birth date: unknown is not adult.
 */
export function adultFrom(birthDate: string): string | null {
  const eighteenth = birthday(birthDate, AGE_OF_MAJORITY);
  return eighteenth === null ? null : addDaysIso(eighteenth, 1);
}
