/**
 * 万元 (ten thousand yuan, as the 双公示 standard writes amounts) to fen (0.01 yuan), exactly: up
 * to 6 decimals of 万元 is a whole number of fen. Undefined when the text is not such a number
 * (the caller rejects the cell, naming the column); a sign is kept, for the server to refuse.
 */
export function wanYuanToFen(text: string): bigint | undefined {
  const match = /^([+-]?)(\d{1,12})(?:\.(\d{1,6}))?$/.exec(text.replace(/,/g, ''));
  if (!match) return undefined;
  const fen = BigInt(match[2]) * 1_000_000n + BigInt((match[3] ?? '').padEnd(6, '0'));
  return match[1] === '-' ? -fen : fen;
}
