/** Fen as yuan text with 2 decimals (`-123456` -> `-1234.56`): the amount format of the API. */
export function fenToYuanText(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}
