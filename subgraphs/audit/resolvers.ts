import DataLoader from 'dataloader';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { ChainStatus } from '../../lib/audit/check-chain-status';
import { subjectHmac } from '../../lib/audit/subject-hmac';
import { timeBound } from '../../lib/audit/time-bound';
import { citizenIdArg } from '../kit/arguments';
import { badUserInput } from '../kit/errors';
import { groupByKey } from '../kit/group-by-key';
import type { BaseSubgraphContext } from '../kit/subgraph-module';
import { toAccessLogEntry } from './rules/access-log-entry';
import type { AccessLogEntryView } from './rules/access-log-entry';
import { sortAlerts, toAuditAlert } from './rules/audit-alert';
import type { AuditAlertView } from './rules/audit-alert';
import type { AuditReadConfig } from './rules/audit-read-config';
import { toChainStatusView } from './rules/chain-status-view';
import type { ChainStatusView } from './rules/chain-status-view';
import { eventFilterArg } from './rules/event-filter';
import type { AuditEventFilterInput } from './rules/event-filter';
import { toAuditEvent } from './rules/event-view';
import type { AuditEventView } from './rules/event-view';
import {
  decodeEntryCursor,
  decodeRequestCursor,
  encodeEntryCursor,
  encodeRequestCursor,
} from './rules/page-cursor';
import type { EntryPosition, RequestPosition } from './rules/page-cursor';
import { pageSizeArg } from './rules/page-size';
import type { AuditReadStore, SubjectEntry } from './store';

/** Largest page of Query.auditEvents and Person.accessLog. */
export const MAX_EVENT_PAGE = 500;
/** Largest page of Query.myAccessLog. */
export const MAX_ACCESS_LOG_PAGE = 100;

/** What the audit read side is built on (one set per running subgraph). */
export interface AuditServices {
  store: AuditReadStore;
  config: AuditReadConfig;
  now: () => Date;
  /** The audit HMAC key (the writers' key), loaded when a search by person needs it. */
  hmacKey: () => Promise<Buffer>;
  /** Verifies every chain from its checkpoint (or, with `restart`, from its anchor). */
  checkChains(restart: boolean): Promise<ChainStatus>;
}

/** Per-request context of the audit subgraph. */
export interface AuditContext extends BaseSubgraphContext {
  services: AuditServices;
  /** Person.accessLog entries by subject HMAC, one loader (one statement) per page shape. */
  accessLogLoader(
    first: number,
    after: EntryPosition | undefined,
  ): DataLoader<string, SubjectEntry[]>;
}

/** A page of a connection. */
interface Page<T> {
  entries: T[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

/** The page of the first `first` of `rows` (fetched one beyond, to know if more follow). */
function pageOf<Row, T>(
  rows: readonly Row[],
  first: number,
  after: string | null | undefined,
  cursorOf: (row: Row) => string,
  view: (row: Row) => T,
): Page<T> {
  const shown = rows.slice(0, first);
  const last = shown.at(-1);
  return {
    entries: shown.map(view),
    pageInfo: {
      endCursor: last === undefined ? (after ?? null) : cursorOf(last),
      hasNextPage: rows.length > first,
    },
  };
}

function entryAfterArg(after: string | null | undefined): EntryPosition | undefined {
  if (after === undefined || after === null) return undefined;
  const position = decodeEntryCursor(after);
  if (!position) throw badUserInput('after', 'not a cursor of this list (use pageInfo.endCursor)');
  return position;
}

function instantArg(argument: string, value: unknown, side: 'from' | 'to'): string {
  try {
    return timeBound(String(value), side);
  } catch (error) {
    throw badUserInput(argument, error instanceof Error ? error.message : String(error));
  }
}

/** One DataLoader set per request. */
export function createAuditContext(
  services: AuditServices,
  base: BaseSubgraphContext,
): AuditContext {
  const loaders = new Map<string, DataLoader<string, SubjectEntry[]>>();
  return {
    ...base,
    services,
    accessLogLoader(first, after) {
      const key = JSON.stringify([first, after ?? null]);
      let loader = loaders.get(key);
      if (!loader) {
        loader = new DataLoader(async (hmacs: readonly string[]) =>
          groupByKey(
            hmacs,
            await services.store.entriesOfSubjects(hmacs, first + 1, after),
            (entry) => entry.subjectHmac,
          ),
        );
        loaders.set(key, loader);
      }
      return loader;
    },
  };
}

interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export const auditResolvers: GraphQLResolverMap<AuditContext> = {
  Query: {
    auditEvents: async (
      _root,
      args: PageArgs & { filter?: AuditEventFilterInput | null },
      context: AuditContext,
    ): Promise<Page<AuditEventView>> => {
      const first = pageSizeArg('first', args.first ?? 50, MAX_EVENT_PAGE);
      entryAfterArg(args.after);
      const { filter, needsHmacKey } = eventFilterArg(args.filter);
      const page = await context.services.store.searchEvents(filter, {
        hmacKey: needsHmacKey ? await context.services.hmacKey() : undefined,
        first,
        after: args.after ?? undefined,
      });
      return { entries: page.entries.map(toAuditEvent), pageInfo: page.pageInfo };
    },

    auditAlerts: async (
      _root,
      args: { from: unknown; to: unknown },
      context: AuditContext,
    ): Promise<AuditAlertView[]> => {
      const range = {
        from: instantArg('from', args.from, 'from'),
        to: instantArg('to', args.to, 'to'),
      };
      if (range.from >= range.to) throw badUserInput('to', 'must be after from');
      const { store, config } = context.services;
      const alerts = config.alerts;
      const scope = { ...range, timeZone: config.timeZone, clientTypes: alerts.clientTypes };
      const [many, offHours, caseRefs] = await Promise.all([
        store.manySubjectAlerts(scope, alerts.manySubjectsPerHour),
        store.offHoursAlerts(scope, {
          ...alerts.businessHours,
          weekendDays: alerts.weekendDays,
          threshold: alerts.offHoursOperations,
        }),
        store.caseRefAlerts(scope, alerts.caseRefSubjects),
      ]);
      const examples = alerts.exampleRequestIds;
      return sortAlerts([
        ...many.map((row) =>
          toAuditAlert('MANY_SUBJECTS', row, alerts.manySubjectsPerHour, range, examples),
        ),
        ...offHours.map((row) =>
          toAuditAlert('OFF_HOURS', row, alerts.offHoursOperations, range, examples),
        ),
        ...caseRefs.map((row) =>
          toAuditAlert('CASE_REF_REUSE', row, alerts.caseRefSubjects, range, examples),
        ),
      ]);
    },

    myAccessLog: async (
      _root,
      args: PageArgs,
      context: AuditContext,
    ): Promise<Page<AccessLogEntryView>> => {
      // About the caller only, never an argument: the policy admits citizens (citizen-access-log),
      // whose signed token always names their person.
      const personId = context.caller.personId;
      if (personId === undefined) throw new Error('myAccessLog reached without a citizen caller');
      const first = pageSizeArg('first', args.first ?? 20, MAX_ACCESS_LOG_PAGE);
      let after: RequestPosition | undefined;
      if (args.after !== undefined && args.after !== null) {
        after = decodeRequestCursor(args.after);
        if (!after)
          throw badUserInput('after', 'not a cursor of this list (use pageInfo.endCursor)');
      }
      const { store, config, now, hmacKey } = context.services;
      const requests = await store.requestsAboutCitizen(subjectHmac(await hmacKey(), personId), {
        limit: first + 1,
        after,
        now: now(),
        judicialDelayMonths: config.accessLog.judicialDisclosureDelayMonths,
      });
      return pageOf(requests, first, args.after, encodeRequestCursor, toAccessLogEntry);
    },

    auditChainStatus: async (
      _root,
      args: { restart?: boolean | null },
      context: AuditContext,
    ): Promise<ChainStatusView> =>
      toChainStatusView(await context.services.checkChains(args.restart ?? false)),
  },
  Person: {
    // Any valid citizen id has an access log (possibly empty): no lookup to resolve the entity.
    __resolveReference: (reference: { id: unknown }) => ({
      id: citizenIdArg('representations.id', reference.id),
    }),
    accessLog: async (
      person: { id: string },
      args: PageArgs,
      context: AuditContext,
    ): Promise<Page<AuditEventView>> => {
      const first = pageSizeArg('first', args.first ?? 50, MAX_EVENT_PAGE);
      const after = entryAfterArg(args.after);
      const hmac = subjectHmac(await context.services.hmacKey(), person.id);
      const rows = await context.accessLogLoader(first, after).load(hmac);
      return pageOf(rows, first, args.after, encodeEntryCursor, toAuditEvent);
    },
  },
};
