/**
 * Characters no id or text of this system may hold: C0 controls other than tab, line feed and
 * carriage return (PostgreSQL text cannot hold U+0000 at all), DEL, and UTF-16 surrogates
 * without their pair (not Unicode: they cannot be encoded as UTF-8).
 */
const UNSAFE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first unsafe character of `text` described (`U+0000`, `an unpaired surrogate U+D800`), or undefined. */
export function unsafeCharacter(text: string): string | undefined {
  const match = UNSAFE.exec(text);
  if (!match) return undefined;
  const code = `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return match[0].length === 1 && /[\uD800-\uDFFF]/.test(match[0])
    ? `an unpaired surrogate ${code}`
    : `control character ${code}`;
}
