import type { CollectedPage } from '../store';
import type { CreditSource } from './credit-sources';
import { fetchFeedPage } from './fetch-feed-page';
import type { FeedEntryReader } from './fetch-feed-page';

/** Where the pages of one kind of feed are committed (the credit store for credit feeds). */
export interface FeedPageSink<E> {
  /** Stores a page's entries and the cursor after it in one transaction; returns rows changed. */
  commitPage(page: CollectedPage<E>): Promise<number>;
  /** Records a failed pass of a source; its cursor and last success stay as they were. */
  recordFailure(source: string, attemptAt: Date, error: string): Promise<void>;
}

function messageOf(error: unknown): string {
  // Duck-typed: an error may come from another realm (fetch under a test VM).
  return typeof error === 'object' && error !== null && 'message' in error
    ? String(error.message)
    : String(error);
}

/** The outcome of collecting one source in one pass. */
export interface SourceReport {
  dept: string;
  /** Pages committed in this pass. */
  pages: number;
  /** Feed entries read in this pass. */
  entries: number;
  /** Stored records inserted or replaced by a newer version. */
  changed: number;
  /** The cursor after this pass (the last committed page). */
  cursor: string | null;
  /** Why the pass failed, or null when the source was collected to its end. */
  error: string | null;
}

/** What collecting one source needs. */
export interface CollectSourceOptions<E> {
  source: CreditSource;
  /** How the feed's entries are asked for and read. */
  reader: FeedEntryReader<E>;
  /** The subgraph's URL; undefined when not configured. */
  url: string | undefined;
  store: FeedPageSink<E>;
  /** Cursor stored by the last committed page. */
  cursor: string | null;
  attemptAt: Date;
  pageSize: number;
  requestTimeoutMs: number;
  requestHeaders: (subgraph: string) => Record<string, string> | Promise<Record<string, string>>;
  /** Checked between pages: a stopping collector ends after the page in hand. */
  stopping: () => boolean;
}

/**
 * Pulls a source's feed from its stored cursor to the end, committing each page (records and
 * cursor) in its own transaction. Never throws: a failure is recorded as the source's
 * `last_error` (cursor and last success untouched) and returned in the report.
 */
export async function collectSource<E>(options: CollectSourceOptions<E>): Promise<SourceReport> {
  const { source, store } = options;
  const report: SourceReport = {
    dept: source.dept,
    pages: 0,
    entries: 0,
    changed: 0,
    cursor: options.cursor,
    error: null,
  };
  try {
    if (!options.url) {
      throw new Error(`no URL for subgraph "${source.subgraph}" in environment.subgraphUrls`);
    }
    for (;;) {
      const page = await fetchFeedPage({
        source,
        reader: options.reader,
        url: options.url,
        after: report.cursor,
        first: options.pageSize,
        headers: await options.requestHeaders(source.subgraph),
        timeoutMs: options.requestTimeoutMs,
      });
      if (page.hasMore && page.endCursor === report.cursor) {
        throw new Error(`${source.feedField}: hasMore with a cursor that did not advance`);
      }
      report.changed += await store.commitPage({
        source: source.dept,
        entries: page.entries,
        cursor: page.endCursor,
        attemptAt: options.attemptAt,
        successAt: page.hasMore ? null : options.attemptAt,
      });
      report.pages += 1;
      report.entries += page.entries.length;
      report.cursor = page.endCursor;
      if (!page.hasMore) return report;
      if (options.stopping()) {
        // Not the source's fault: the committed pages stand and the next pass resumes from here.
        report.error = 'collector stopped before the end of the feed';
        return report;
      }
    }
  } catch (error) {
    report.error = messageOf(error);
    try {
      await store.recordFailure(source.dept, options.attemptAt, report.error);
    } catch (storeError) {
      report.error += `; and recording the failure failed: ${messageOf(storeError)}`;
    }
    return report;
  }
}
