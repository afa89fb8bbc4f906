import type { Database } from '../kit/db/database';
import { addDays, Random } from '../kit/seed/random';
import type { SyntheticPerson } from '../kit/seed/synthetic-person';
import type {
  TaxArrearRecord,
  TaxCreditLevel,
  TaxLevelRecord,
  TaxRecords,
  TaxType,
  TaxViolationRecord,
} from './records';
import { TAX_TYPES } from './records';
import { createTaxStore } from './store';
import { disclosureFeedHistory } from '../kit/disclosure-feed-history';
import { violationDisclosureEntry } from './tax-disclosure-entries';
import { taxFeedHistory } from './tax-feed-entries';

/** Month-day on which the annual credit levels of the previous tax year are published. */
const ASSESSMENT_DAY = '04-15';

/**
 * Replaces the tax bureau's data with its part of the synthetic county as of `asOf` (ISO date),
 * writing domain rows and their credit feed history in one transaction. Deterministic: the same
 * persons and `asOf` give the same rows.
 */
export async function seedTax(
  db: Database,
  persons: readonly SyntheticPerson[],
  asOf: string,
): Promise<TaxRecords> {
  const records = planTaxRecords(persons, asOf);
  const names = new Map(persons.map((person) => [person.id, person.name]));
  await createTaxStore(db).replaceAll(
    records,
    taxFeedHistory(records),
    disclosureFeedHistory(
      records.violations.map((v) => violationDisclosureEntry(v, names.get(v.personId) ?? '')),
    ),
  );
  return records;
}

/**
 * The tax records of `persons` as of `asOf`: the fixed shapes of DESIGN §7 for scenario persons
 * (tax_arrears, repaired, clean_3y, good_record_red_list, old_unpaid_arrears; nothing for other
 * scenarios) and a
 * realistic random mix for `background` persons, drawn from `Random(person.seed).fork('tax')`.
 */
export function planTaxRecords(persons: readonly SyntheticPerson[], asOf: string): TaxRecords {
  const plan = new TaxPlan(asOf);
  for (const person of persons) {
    const random = new Random(person.seed).fork('tax');
    switch (person.scenario) {
      case 'tax_arrears':
        plan.arrear(person, random, addDays(asOf, -random.int(80, 100)), null);
        break;
      case 'repaired': {
        const since = addDays(asOf, -random.int(230, 250));
        plan.arrear(person, random, since, addDays(since, random.int(20, 60)));
        break;
      }
      case 'clean_3y': {
        const since = addDays(asOf, -random.int(4 * 365, 5 * 365));
        plan.arrear(person, random, since, addDays(since, random.int(15, 60)));
        break;
      }
      case 'good_record_red_list':
        plan.level(person, 'A');
        break;
      case 'old_unpaid_arrears':
        // Decided 13 to 20 months ago and never paid: displayed past its 12 months.
        plan.arrear(person, random, addDays(asOf, -random.int(400, 600)), null);
        break;
      case 'background':
        plan.background(person, random);
        break;
      default:
        break;
    }
  }
  return plan.records;
}

/** Accumulates records with ids and decision numbers numbered in person order. */
class TaxPlan {
  readonly records: TaxRecords = { levels: [], arrears: [], violations: [] };
  private readonly assessedAt: string;

  constructor(private readonly asOf: string) {
    // Levels for tax year Y are published in April of Y+1: take the latest publication by asOf.
    const year = Number(asOf.slice(0, 4));
    this.assessedAt =
      asOf >= `${year}-${ASSESSMENT_DAY}`
        ? `${year}-${ASSESSMENT_DAY}`
        : `${year - 1}-${ASSESSMENT_DAY}`;
  }

  /** ~5% arrears, ~4% late filing, ~0.4% major violations, ~35% assessed for a credit level. */
  background(person: SyntheticPerson, random: Random): void {
    const bad: TaxCreditLevel[] = [];
    if (random.chance(0.05)) {
      const count = random.chance(0.1) ? 2 : 1;
      for (let i = 0; i < count; i += 1) {
        const since = addDays(this.asOf, -random.int(30, 5 * 365));
        const paid = random.chance(since < addDays(this.asOf, -365) ? 0.85 : 0.5);
        const paidAt = paid ? this.notAfterAsOf(addDays(since, random.int(10, 120))) : null;
        if (this.arrear(person, random, since, paidAt).status === 'OUTSTANDING') bad.push('C');
      }
    }
    if (random.chance(0.04)) {
      this.lateFiling(person, random, addDays(this.asOf, -random.int(20, 3 * 365)));
      bad.push(random.chance(0.5) ? 'B' : 'C');
    }
    if (random.chance(0.004)) {
      this.majorViolation(person, random, addDays(this.asOf, -random.int(60, 3 * 365)));
      bad.push('D');
    }
    if (!random.chance(0.35)) return;
    // A bad record caps the level; otherwise the usual spread of A, B and M.
    const worst = (['D', 'C', 'B'] as const).find((level) => bad.includes(level));
    const draw = random.next();
    this.level(person, worst ?? (draw < 0.25 ? 'A' : draw < 0.8 ? 'B' : 'M'));
  }

  level(person: SyntheticPerson, level: TaxCreditLevel): TaxLevelRecord {
    const n = this.records.levels.length + 1;
    const record: TaxLevelRecord = {
      id: `TAX-LVL-${pad(n)}`,
      personId: person.id,
      year: Number(this.assessedAt.slice(0, 4)) - 1,
      level,
      assessedAt: this.assessedAt,
      decisionNo: `通税信评〔${this.assessedAt.slice(0, 4)}〕${n}号`,
    };
    this.records.levels.push(record);
    return record;
  }

  arrear(
    person: SyntheticPerson,
    random: Random,
    since: string,
    paidAt: string | null,
  ): TaxArrearRecord {
    const n = this.records.arrears.length + 1;
    const taxType: TaxType = random.pick(TAX_TYPES);
    const record: TaxArrearRecord = {
      id: `TAX-ARR-${pad(n)}`,
      personId: person.id,
      taxType,
      amount: yuan(random, 300, 80_000),
      since,
      status: paidAt === null ? 'OUTSTANDING' : 'PAID',
      paidAt,
      decisionNo: `通税通〔${since.slice(0, 4)}〕${n}号`,
    };
    this.records.arrears.push(record);
    return record;
  }

  lateFiling(person: SyntheticPerson, random: Random, decidedAt: string): TaxViolationRecord {
    const fined = random.chance(0.7);
    const performed = random.chance(0.8);
    const filingYear = Number(decidedAt.slice(0, 4)) - 1;
    return this.violation({
      personId: person.id,
      kind: 'LATE_FILING',
      decidedAt,
      description: `未按期办理${filingYear}年度个人所得税综合所得汇算清缴申报`,
      penaltyAmount: fined ? random.int(1, 10) * 50 : null,
      status: performed ? 'PERFORMED' : 'ACTIVE',
      statusChangedAt: performed ? this.notAfterAsOf(addDays(decidedAt, random.int(5, 30))) : null,
      // Decided on the spot (numbered 简罚): a minor record, not published.
      simpleProcedure: true,
    });
  }

  majorViolation(person: SyntheticPerson, random: Random, decidedAt: string): TaxViolationRecord {
    const evaded = yuan(random, 100_000, 1_000_000);
    const performed = random.chance(0.4);
    return this.violation({
      personId: person.id,
      kind: 'MAJOR_VIOLATION',
      decidedAt,
      description: `隐匿经营收入，少缴税款${evaded.toFixed(2)}元，构成偷税`,
      // 0.5 to 2 times the tax evaded (税收征管法 art. 63).
      penaltyAmount: Math.round(evaded * random.int(5, 20) * 10) / 100,
      status: performed ? 'PERFORMED' : 'ACTIVE',
      statusChangedAt: performed
        ? this.notAfterAsOf(addDays(decidedAt, random.int(30, 180)))
        : null,
      simpleProcedure: false,
    });
  }

  private violation(fields: Omit<TaxViolationRecord, 'id' | 'decisionNo'>): TaxViolationRecord {
    const n = this.records.violations.length + 1;
    const office = fields.kind === 'LATE_FILING' ? '简罚' : '稽罚';
    const record: TaxViolationRecord = {
      id: `TAX-VIO-${pad(n)}`,
      decisionNo: `通税${office}〔${fields.decidedAt.slice(0, 4)}〕${n}号`,
      ...fields,
    };
    this.records.violations.push(record);
    return record;
  }

  private notAfterAsOf(date: string): string {
    return date > this.asOf ? this.asOf : date;
  }
}

/** A yuan amount between `min` and `max`, log-uniform (small debts are far more common). */
function yuan(random: Random, min: number, max: number): number {
  return Math.round(min * Math.pow(max / min, random.next()) * 100) / 100;
}

function pad(n: number): string {
  return String(n).padStart(6, '0');
}
