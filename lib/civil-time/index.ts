export { addDaysIso } from './add-days-iso';
export { AGE_OF_MAJORITY, adultFrom } from './adult-from';
export { ageOn } from './age-on';
export { birthday } from './birthday';
export { chinaDayStart } from './china-day-start';
export { CHINA_TIME_ZONE, chinaToday } from './china-today';
export { isAdultOn } from './is-adult-on';
export { realDate } from './real-date';
