import { badUserInput } from './errors';

/** The largest page a feed reader may ask for. */
export const MAX_FEED_PAGE = 2000;

/**
 * Validates a feed request (`after`: a change_seq from an earlier endCursor, exclusive; `first`:
 * 1 to MAX_FEED_PAGE) and returns the SQL parameters: the cursor and one row more than asked, so
 * the page can tell whether more follow.
 */
export function feedPageQuery(
  after: string | null | undefined,
  first: number,
): { cursor: string; limit: number } {
  const cursor = after ?? '0';
  if (!/^\d{1,18}$/.test(cursor)) throw badUserInput('after', 'must be a cursor from endCursor');
  if (!Number.isInteger(first) || first < 1 || first > MAX_FEED_PAGE) {
    throw badUserInput('first', `must be between 1 and ${MAX_FEED_PAGE}`);
  }
  return { cursor, limit: first + 1 };
}

/** One page from the rows of {@link feedPageQuery}: endCursor unchanged when the page is empty. */
export function feedPage<Entry extends { changeSeq: string }>(
  rows: readonly Entry[],
  cursor: string,
  first: number,
): { entries: Entry[]; endCursor: string; hasMore: boolean } {
  const entries = rows.slice(0, first);
  return {
    entries,
    endCursor: entries.length > 0 ? entries[entries.length - 1].changeSeq : cursor,
    hasMore: rows.length > first,
  };
}
