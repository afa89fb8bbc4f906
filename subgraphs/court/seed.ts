import type { Database } from '../kit/db/database';
import { addDays, Random } from '../kit/seed/random';
import type { SyntheticPerson } from '../kit/seed/synthetic-person';
import { courtFeedHistory } from './court-feed-entries';
import type {
  ConsumptionRestrictionRecord,
  CourtRecords,
  DishonestDebtorRecord,
  EnforcementCaseRecord,
} from './records';
import { createCourtStore } from './store';

/** The county court and, for larger cases, the intermediate court, with their case-number codes. */
const COURTS = [
  { name: '四川省通江县人民法院', code: '川1921' },
  { name: '四川省巴中市中级人民法院', code: '川19' },
] as const;

/** Kinds of money judgments that end up in enforcement. */
const OBLIGATIONS = ['偿还借款本金', '支付货款', '支付劳动报酬', '赔偿损失', '支付工程款'];

/**
 * Replaces the court's data with its part of the synthetic county as of `asOf` (ISO date),
 * writing domain rows and their credit feed history in one transaction. Deterministic: the same
 * persons and `asOf` give the same rows.
 */
export async function seedCourt(
  db: Database,
  persons: readonly SyntheticPerson[],
  asOf: string,
): Promise<CourtRecords> {
  const records = planCourtRecords(persons, asOf);
  await createCourtStore(db).replaceAll(records, courtFeedHistory(records));
  return records;
}

/**
 * The court records of `persons` as of `asOf`: for `serious_dishonest` and `court_listing` an open
 * case with an active listing and consumption restriction about six months old (one case: the
 * two share its case key on the credit feed); nothing for other scenarios;
 * a realistic random mix for `background` persons, drawn from `Random(person.seed).fork('court')`.
 */
export function planCourtRecords(persons: readonly SyntheticPerson[], asOf: string): CourtRecords {
  const plan = new CourtPlan(asOf);
  for (const person of persons) {
    const random = new Random(person.seed).fork('court');
    if (person.scenario === 'serious_dishonest' || person.scenario === 'court_listing') {
      plan.seriousDishonest(person, random);
    } else if (person.scenario === 'background') plan.background(person, random);
  }
  return plan.records;
}

/** Accumulates records with ids and case numbers numbered in person order. */
class CourtPlan {
  readonly records: CourtRecords = { cases: [], listings: [], restrictions: [] };

  constructor(private readonly asOf: string) {}

  seriousDishonest(person: SyntheticPerson, random: Random): void {
    const listedAt = addDays(this.asOf, -random.int(170, 190));
    const filedAt = addDays(listedAt, -random.int(60, 120));
    const enforcement = this.case(person, filedAt, amount(random, 50_000, 2_000_000));
    this.listing(enforcement, random, listedAt);
    this.restriction(enforcement, listedAt);
  }

  /**
   * ~3% of persons are judgment debtors. Older cases are mostly concluded (performed) or
   * terminated for want of property; many debtors are restricted, resisting ones also listed.
   */
  background(person: SyntheticPerson, random: Random): void {
    if (!random.chance(0.03)) return;
    const filedAt = addDays(this.asOf, -random.int(20, 5 * 365));
    const enforcement = this.case(person, filedAt, amount(random, 5_000, 500_000));
    const old = filedAt < addDays(this.asOf, -365);
    const outcome = random.next();
    const closedAt = addDays(filedAt, random.int(60, 400));
    if (closedAt <= this.asOf) {
      if (outcome < (old ? 0.55 : 0.35)) enforcement.status = 'CONCLUDED';
      else if (outcome < (old ? 0.85 : 0.5)) enforcement.status = 'TERMINATED';
      if (enforcement.status !== 'OPEN') enforcement.closedAt = closedAt;
    }
    // Orders and listings come before the case closes (or before asOf while it is open).
    const end = enforcement.closedAt ?? this.asOf;
    const restrictedAt = addDays(filedAt, random.int(30, 90));
    let restriction =
      restrictedAt < end && random.chance(0.6) ? this.restriction(enforcement, restrictedAt) : null;
    const listedAt = addDays(filedAt, random.int(60, 180));
    const resisting = enforcement.status === 'CONCLUDED' ? 0.2 : 0.4;
    if (listedAt < end && random.chance(resisting)) {
      const listing = this.listing(enforcement, random, listedAt);
      // A listed debtor is always restricted from high consumption as well.
      restriction ??= this.restriction(enforcement, listedAt);
      const revokedAt = addDays(listedAt, random.int(10, 60));
      if (random.chance(0.05) && revokedAt < end) {
        listing.status = 'REVOKED';
        listing.delistedAt = revokedAt;
      } else if (enforcement.status === 'CONCLUDED') {
        listing.status = 'PERFORMED';
        listing.delistedAt = end;
      }
    }
    if (restriction && enforcement.status === 'CONCLUDED') {
      restriction.status = 'PERFORMED';
      restriction.statusChangedAt = end;
    }
  }

  private case(person: SyntheticPerson, filedAt: string, sum: number): EnforcementCaseRecord {
    const n = this.records.cases.length + 1;
    const court = sum >= 1_000_000 ? COURTS[1] : COURTS[0];
    const record: EnforcementCaseRecord = {
      caseNo: `(${filedAt.slice(0, 4)})${court.code}执${n}号`,
      personId: person.id,
      court: court.name,
      filedAt,
      amount: sum,
      status: 'OPEN',
      closedAt: null,
    };
    this.records.cases.push(record);
    return record;
  }

  private listing(
    enforcement: EnforcementCaseRecord,
    random: Random,
    listedAt: string,
  ): DishonestDebtorRecord {
    const record: DishonestDebtorRecord = {
      id: `COURT-DD-${pad(this.records.listings.length + 1)}`,
      personId: enforcement.personId,
      caseNo: enforcement.caseNo,
      // The decision is issued in the enforcement case and numbered after it (之一, 之二, ...).
      decisionNo: `${enforcement.caseNo}之一`,
      court: enforcement.court,
      listedAt,
      status: 'LISTED',
      delistedAt: null,
      obligation: obligation(random, enforcement.amount),
    };
    this.records.listings.push(record);
    return record;
  }

  private restriction(
    enforcement: EnforcementCaseRecord,
    decidedAt: string,
  ): ConsumptionRestrictionRecord {
    const record: ConsumptionRestrictionRecord = {
      id: `COURT-RST-${pad(this.records.restrictions.length + 1)}`,
      personId: enforcement.personId,
      caseNo: enforcement.caseNo,
      decisionNo: `${enforcement.caseNo}之二`,
      court: enforcement.court,
      decidedAt,
      status: 'ACTIVE',
      statusChangedAt: null,
    };
    this.records.restrictions.push(record);
    return record;
  }
}

/** A yuan amount between `min` and `max`, log-uniform (small debts are far more common). */
function amount(random: Random, min: number, max: number): number {
  return Math.round(min * Math.pow(max / min, random.next()) * 100) / 100;
}

/** The unperformed obligation as the listing decision states it. */
function obligation(random: Random, sum: number): string {
  const kind = random.pick(OBLIGATIONS);
  const interest = kind === '偿还借款本金' ? '及利息' : '';
  return `${kind}${sum.toFixed(2)}元${interest}`;
}

function pad(n: number): string {
  return String(n).padStart(6, '0');
}
