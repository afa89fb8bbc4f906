/**
 * The first day (ISO yyyy-mm-dd) a person born on `birthDate` is 18 (十八周岁), or null for a
 * date that is not a valid ISO date. Someone born on 29 February turns 18 on 1 March of a common
 * year: the later reading, so a decision is never published a day too early.
 */
export function adultFrom(birthDate: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const born = new Date(Date.UTC(year, month - 1, day));
  if (born.getUTCMonth() !== month - 1 || born.getUTCDate() !== day) return null;
  // Date.UTC rolls 29 February of a common year over to 1 March.
  return new Date(Date.UTC(year + 18, month - 1, day)).toISOString().slice(0, 10);
}

/** The birth date a citizen id encodes (characters 7-14), ISO; null when it is not a date. */
export function birthDateOfId(personId: string): string | null {
  const digits = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(personId);
  return digits ? `${digits[1]}-${digits[2]}-${digits[3]}` : null;
}

/**
 * Whether a decision dated `decidedAt` about the person `personId` may be published: only if the
 * person was 18 or older that day. An id without a valid birth date is never published (unknown
 * is not adult).
 */
export function publishableAbout(personId: string, decidedAt: string): boolean {
  const birth = birthDateOfId(personId);
  const adult = birth === null ? null : adultFrom(birth);
  return adult !== null && decidedAt >= adult;
}
