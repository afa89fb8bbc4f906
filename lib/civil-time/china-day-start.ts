/**
 * The instant a calendar day of China Standard Time begins (00:00 at UTC+8), for an ISO date
 * yyyy-mm-dd: e.g. seeds that stamp records "on" a day of the county. Throws for a string that is
 * not a real date, so a typo never becomes an Invalid Date in a database.
 */
export function chinaDayStart(isoDate: string): Date {
  const instant = new Date(`${isoDate}T00:00:00+08:00`);
  const back = Number.isNaN(instant.getTime())
    ? ''
    : new Date(instant.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || back !== isoDate) {
    throw new Error(`chinaDayStart: not an ISO date: ${isoDate}`);
  }
  return instant;
}
