import { citizenIdArg } from '../../kit/arguments';
import { badUserInput } from '../../kit/errors';
import type { Catalog } from '../rules/types';
import { GOOD_CONDUCT_KINDS } from './plan-good-conduct';
import type { GoodConductKind } from './plan-good-conduct';

/** The arguments of `recordGoodConduct` as the client sent them. */
export interface RecordGoodConductArgs {
  personId: unknown;
  kind: unknown;
  decidedAt: unknown;
  decisionNo: unknown;
  title: unknown;
}

/** Validated arguments of `recordGoodConduct`. */
export interface GoodConductArgs {
  personId: string;
  kind: GoodConductKind;
  /** The bureau that decides this kind (CIVIL or NDRC). */
  dept: 'CIVIL' | 'NDRC';
  decidedAt: string;
  decisionNo: string;
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function text(argument: string, value: unknown, max: number): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw badUserInput(argument, 'must be a non-empty string');
  }
  if (value.length > max) throw badUserInput(argument, `at most ${max} characters`);
  return value.trim();
}

/**
 * Validates `recordGoodConduct` before anything touches the database: a valid citizen id, a kind
 * the platform records itself that the catalog has as GOOD, a real ISO date not after `asOf`
 * (good conduct is recorded once decided), a non-empty decision number, and no title but the
 * catalog's name of the kind (a record's title is never free text: the catalog names it).
 */
export function goodConductArgs(
  args: RecordGoodConductArgs,
  catalog: Pick<Catalog, 'byCode'>,
  asOf: string,
): GoodConductArgs {
  const personId = citizenIdArg('personId', args.personId);
  const kinds = Object.keys(GOOD_CONDUCT_KINDS);
  const kind = args.kind;
  if (typeof kind !== 'string' || !kinds.includes(kind)) {
    throw badUserInput('kind', `must be one of ${kinds.join(', ')}`);
  }
  const code = kind as GoodConductKind;
  if (catalog.byCode.get(code)?.category !== 'GOOD') {
    throw badUserInput('kind', `${code} is not a GOOD item of the credit catalog`);
  }
  const decidedAt = args.decidedAt;
  if (typeof decidedAt !== 'string' || !isIsoDate(decidedAt)) {
    throw badUserInput('decidedAt', 'must be an ISO date yyyy-mm-dd');
  }
  if (decidedAt > asOf) throw badUserInput('decidedAt', `must not be after today (${asOf})`);
  const name = catalog.byCode.get(code)?.name;
  if (args.title !== undefined && args.title !== null && args.title !== name) {
    throw badUserInput(
      'title',
      `the title of a ${code} record is the catalog's name ${name}; omit it`,
    );
  }
  return {
    personId,
    kind: code,
    dept: GOOD_CONDUCT_KINDS[code].dept,
    decidedAt,
    decisionNo: text('decisionNo', args.decisionNo, 100),
  };
}
