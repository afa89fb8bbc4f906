import { createLogger } from '../../../lib/log/create-logger';
import type { CollectedEntry } from '../store';
import { collectSource } from './collect-source';
import type { FeedPageSink, SourceReport } from './collect-source';
import { CREDIT_SOURCES } from './credit-sources';
import type { CreditSource } from './credit-sources';
import { CREDIT_ENTRY_READER } from './fetch-feed-page';
import type { FeedEntryReader } from './fetch-feed-page';

/** Where a collector keeps what it collects: the pages and each source's cursor. */
export interface FeedStore<E> extends FeedPageSink<E> {
  /** The stored cursor of every source seen so far. */
  findSourceStates(): Promise<readonly { source: string; cursor: string | null }[]>;
}

/** Options of {@link createCreditCollector}. */
export interface CreditCollectorOptions<E = CollectedEntry> {
  /** Where records and cursors are stored. */
  store: FeedStore<E>;
  /** Subgraph URLs by name (`environment.subgraphUrls`); read at each pass, so late entries count. */
  subgraphUrls: Readonly<Record<string, string>>;
  /** Clock; default `() => new Date()`. */
  now?: () => Date;
  /** Feeds to collect; default {@link CREDIT_SOURCES} (tax, court, market, education). */
  sources?: readonly CreditSource[];
  /** Time between the end of one pass and the start of the next; default 60 000 ms. */
  intervalMs?: number;
  /** Longest `start()` waits for the first pass before returning; default 15 000 ms. */
  startTimeoutMs?: number;
  /** Entries asked for per feed page; default 500. */
  pageSize?: number;
  /** Timeout of one feed request; default 10 000 ms. */
  requestTimeoutMs?: number;
  /**
   * Headers of every feed request to `subgraph` (the collector's signed service token, whose
   * audience is that subgraph); default none.
   */
  requestHeaders?: (subgraph: string) => Record<string, string> | Promise<Record<string, string>>;
  /** Progress output, one short line per source with news or an error; default the JSON log. */
  log?: (line: string) => void;
  /** Name that starts every log line; default `credit collector`. */
  name?: string;
}

/** The credit platform's collector (信用信息归集) of department credit feeds. */
export interface CreditCollector {
  /** Runs a first pass (returning when it ends or after `startTimeoutMs`), then one per interval. */
  start(): Promise<void>;
  /** Stops scheduling passes and waits for a running one to end. */
  stop(): Promise<void>;
  /**
   * Runs one pass over every source, starting after any running pass, and reports per source.
   * Calls coalesce: at most one pass runs and one waits; a call while one waits shares its result.
   */
  collectOnce(): Promise<SourceReport[]>;
}

/**
 * Collects every department's credit feed into `credit.records`, page by page from each
 * source's stored cursor. Sources are collected side by side and fail independently: an
 * unreachable department records its error and leaves the others untouched.
 */
export function createCreditCollector(options: CreditCollectorOptions): CreditCollector {
  return createFeedCollector({ ...options, reader: CREDIT_ENTRY_READER });
}

/**
 * A collector of any kind of department feed (`reader` says which: credit feeds, disclosure
 * feeds, ...) into `store`, with the scheduling, paging and failure handling described at
 * {@link createCreditCollector}.
 */
export function createFeedCollector<E>(
  options: CreditCollectorOptions<E> & { reader: FeedEntryReader<E> },
): CreditCollector {
  const now = options.now ?? (() => new Date());
  const sources = options.sources ?? CREDIT_SOURCES;
  const intervalMs = options.intervalMs ?? 60_000;
  const logger = createLogger({ service: 'credit', component: options.name ?? 'credit collector' });
  const log = options.log ?? ((line: string) => logger.info(line));
  const name = options.name ?? 'credit collector';
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;

  const pass = async (): Promise<SourceReport[]> => {
    const attemptAt = now();
    const cursors = new Map(
      (await options.store.findSourceStates()).map((state) => [state.source, state.cursor]),
    );
    const reports = await Promise.all(
      sources.map((source) =>
        collectSource({
          source,
          reader: options.reader,
          url: options.subgraphUrls[source.subgraph],
          store: options.store,
          cursor: cursors.get(source.dept) ?? null,
          attemptAt,
          pageSize: options.pageSize ?? 500,
          requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
          requestHeaders: options.requestHeaders ?? (() => ({})),
          stopping: () => stopping,
        }),
      ),
    );
    for (const report of reports) {
      if (report.error !== null) {
        log(`${name}: ${report.dept} failed: ${report.error}`);
      } else if (report.entries > 0) {
        log(
          `${name}: ${report.dept} ${report.entries} entries, ${report.changed} changed, ` +
            `${report.pages} page(s), cursor ${report.cursor}`,
        );
      }
    }
    return reports;
  };

  // At most one pass runs and one waits: a caller arriving while a pass runs joins the waiting
  // pass (which starts after the running one, so it still sees what the caller wrote before
  // asking). However often `collectCreditFeedsNow` is called, at most two passes are queued.
  let running: Promise<SourceReport[]> | null = null;
  let waiting: Promise<SourceReport[]> | null = null;

  const run = (): Promise<SourceReport[]> => {
    const started = pass().finally(() => {
      running = null;
    });
    running = started;
    return started;
  };

  const collectOnce = (): Promise<SourceReport[]> => {
    if (waiting) return waiting;
    if (!running) return run();
    const next = running
      .catch(() => undefined)
      .then(() => {
        waiting = null;
        return run();
      });
    waiting = next;
    return next;
  };

  /** Resolves once no pass runs or waits (errors are the callers' to see). */
  const settled = async (): Promise<void> => {
    while (waiting ?? running) await (waiting ?? running)?.catch(() => undefined);
  };

  const schedule = () => {
    if (stopping) return;
    timer = setTimeout(() => {
      collectOnce()
        .catch((error: unknown) =>
          log(`${name}: pass failed: ${error instanceof Error ? error.message : error}`),
        )
        .finally(schedule);
    }, intervalMs);
    // The service's server keeps the process alive, not a pending collection.
    timer.unref();
  };

  return {
    collectOnce,
    async start() {
      stopping = false;
      const first = collectOnce().catch((error: unknown) => {
        log(`${name}: first pass failed: ${error instanceof Error ? error.message : error}`);
      });
      let waited: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        waited = setTimeout(resolve, options.startTimeoutMs ?? 15_000);
      });
      await Promise.race([first, timeout]);
      clearTimeout(waited);
      void first.finally(schedule);
    },
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await settled();
    },
  };
}
