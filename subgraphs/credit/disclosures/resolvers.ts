import { badUserInput } from '../../kit/errors';
import type { BaseSubgraphContext } from '../../kit/subgraph-module';
import type { Catalog } from '../rules/types';
import { decodeDisclosureCursor, encodeDisclosureCursor } from './disclosure-cursor';
import type { DisclosureStore } from './disclosure-store';
import { toPublicDisclosure } from './public-disclosure-view';
import type { PublicDisclosureView } from './public-disclosure-view';

/** Default page size of `publicDisclosures`. */
const DEFAULT_FIRST = 20;
/** Largest page of `publicDisclosures`. */
const MAX_FIRST = 100;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the disclosure resolvers need from the credit subgraph's request context. */
export interface DisclosuresContext extends BaseSubgraphContext {
  services: {
    disclosures: DisclosureStore;
    rules: { catalog: Pick<Catalog, 'items' | 'disclosureItems'> };
  };
  /** The request's day (China Standard Time), ISO: nothing decided later is listed. */
  asOf: string;
}

interface PublicDisclosureFilter {
  kind?: 'LICENSING' | 'PENALTY' | null;
  from?: string | null;
  to?: string | null;
  dept?: string | null;
}

interface PublicDisclosureConnection {
  nodes: PublicDisclosureView[];
  endCursor: string | null;
  hasMore: boolean;
}

function dateArg(argument: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw badUserInput(argument, 'must be an ISO date yyyy-mm-dd');
  }
  return value;
}

/**
 * Public disclosure (双公示, tasks 14 and 19): licensing and penalty decisions collected from the
 * departments' disclosure feeds, open to every client including anonymous `public` ones; the
 * party's name and id masked, decisions about minors and revoked decisions never listed.
 */
export const disclosureResolvers = {
  Query: {
    publicDisclosures: async (
      _root: unknown,
      args: {
        filter?: PublicDisclosureFilter | null;
        first?: number | null;
        after?: string | null;
      },
      context: DisclosuresContext,
    ): Promise<PublicDisclosureConnection> => {
      const filter = args.filter ?? {};
      const first = args.first ?? DEFAULT_FIRST;
      if (!Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
        throw badUserInput('first', `must be between 1 and ${MAX_FIRST}`);
      }
      const after =
        args.after === null || args.after === undefined ? null : decodeDisclosureCursor(args.after);
      if (args.after !== null && args.after !== undefined && after === null) {
        throw badUserInput('after', 'must be an endCursor of publicDisclosures');
      }
      const from = dateArg('filter.from', filter.from);
      const to = dateArg('filter.to', filter.to);
      const deptText = filter.dept?.trim().toUpperCase() ?? '';
      const dept = deptText === '' ? null : deptText;
      const rows = await context.services.disclosures.findPublished({
        kind: filter.kind ?? null,
        dept,
        from,
        to: to !== null && to < context.asOf ? to : context.asOf,
        after,
        limit: first + 1,
        asOf: context.asOf,
        publication: context.services.rules.catalog.items
          .filter((item) => item.publicationMonths !== null)
          .map((item) => ({ code: item.code, months: item.publicationMonths ?? 0 })),
      });
      const page = rows.slice(0, first);
      const last = page[page.length - 1];
      return {
        nodes: page.map((stored) => toPublicDisclosure(stored, context.services.rules.catalog)),
        endCursor: last ? encodeDisclosureCursor(last) : null,
        hasMore: rows.length > first,
      };
    },
  },
};
