import { adultFrom } from './adult-from';

/** Whether a person born on `birthDate` is 18 or older on `date` (ISO dates); see adultFrom. */
export function isAdultOn(birthDate: string, date: string): boolean {
  const adult = adultFrom(birthDate);
  return adult !== null && adult <= date;
}
