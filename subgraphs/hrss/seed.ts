import type { Database } from '../kit/db/database';
import { licensingDisclosureHistory } from '../kit/licensing/licensing-disclosure-history';
import type { LicenceRecord, LicensingRecords } from '../kit/licensing/licensing-records';
import { LicensingPlan } from '../kit/licensing/licensing-plan';
import { addDays, Random } from '../kit/seed/random';
import type { SyntheticPerson } from '../kit/seed/synthetic-person';
import { hrssFeedHistory } from './hrss-feed-entries';
import { HRSS_DISCLOSURE } from './decision-store';
import { createHrssStore } from './store';

const ORGANS = [
  '通江县人民政府办公室',
  '通江县财政局',
  '通江县自然资源局',
  '诺江镇人民政府',
  '至诚镇人民政府',
];

const SANCTIONS = ['警告', '记过', '记大过', '降级'] as const;

/**
 * Replaces the bureau's data with its part of the synthetic county as of `asOf`, writing the
 * civil servants' register, decisions and their credit and disclosure feed history in one
 * transaction.
 */
export async function seedHrss(
  db: Database,
  persons: readonly SyntheticPerson[],
  asOf: string,
): Promise<LicensingRecords> {
  const records = planHrssRecords(persons, asOf);
  const names = new Map(persons.map((person) => [person.id, person.name]));
  await createHrssStore(db).replaceAll(
    records,
    hrssFeedHistory(records),
    licensingDisclosureHistory(records, names, HRSS_DISCLOSURE),
  );
  return records;
}

/**
 * The bureau's records of `persons` as of `asOf`: for `civil_servant_sanction` a serving civil
 * servant sanctioned two to six months ago (in force); for `background` adults about 3% civil
 * servants (1.5% of them sanctioned), 0.15% listed for wage arrears and 0.2% decided for
 * social-insurance fraud.
 */
export function planHrssRecords(
  persons: readonly SyntheticPerson[],
  asOf: string,
): LicensingRecords {
  const plan = new LicensingPlan('HRSS', asOf);
  for (const person of persons) {
    const random = new Random(person.seed).fork('hrss');
    if (person.scenario === 'civil_servant_sanction') {
      const registration = civilServant(plan, person, random);
      sanction(plan, person, random, registration, addDays(asOf, -random.int(60, 180)), false);
      continue;
    }
    if (person.scenario !== 'background' || !plan.isAtLeast(person, 23)) continue;
    if (random.chance(0.03)) {
      const registration = civilServant(plan, person, random);
      if (random.chance(0.015)) {
        const decidedAt = addDays(asOf, -random.int(30, 3 * 365));
        sanction(plan, person, random, registration, decidedAt, random.chance(0.5));
      }
    }
    if (random.chance(0.0015)) {
      const decidedAt = addDays(asOf, -random.int(30, 3 * 365));
      const paid = random.chance(0.4);
      plan.sanction(person, '通人社失信', {
        kind: 'WAGE_ARREARS_LISTING',
        licenceId: null,
        decidedAt,
        description: '克扣、无故拖欠农民工工资达到认定拒不支付劳动报酬罪数额标准',
        amount: random.int(50, 800) * 1000,
        status: paid ? 'PERFORMED' : 'ACTIVE',
        statusChangedAt: paid ? addDays(decidedAt, random.int(60, 300)) : null,
      });
    }
    if (random.chance(0.002)) {
      const decidedAt = addDays(asOf, -random.int(30, 2 * 365));
      const returned = random.chance(0.5);
      plan.sanction(person, '通人社罚', {
        kind: 'SOCIAL_INSURANCE_FRAUD',
        licenceId: null,
        decidedAt,
        description: '以伪造证明材料骗取基本养老保险待遇',
        amount: random.int(3, 60) * 1000,
        status: returned ? 'PERFORMED' : 'ACTIVE',
        statusChangedAt: returned ? addDays(decidedAt, random.int(30, 200)) : null,
      });
    }
  }
  return plan.records;
}

function civilServant(plan: LicensingPlan, person: SyntheticPerson, random: Random): LicenceRecord {
  const issuedAt = plan.sinceAge(person, 22, random.int(365, 25 * 365));
  return plan.licence(person, {
    occupation: 'CIVIL_SERVANT',
    certificateNo: `GWY511921${issuedAt.slice(0, 4)}${String(plan.records.licences.length + 1).padStart(5, '0')}`,
    organisation: random.pick(ORGANS),
    issuedAt,
    status: 'ACTIVE',
    statusChangedAt: null,
  });
}

/** A disciplinary sanction: "performed" once its period of effect (处分期) has passed. */
function sanction(
  plan: LicensingPlan,
  person: SyntheticPerson,
  random: Random,
  registration: LicenceRecord,
  decidedAt: string,
  served: boolean,
): void {
  const on = decidedAt < registration.issuedAt ? registration.issuedAt : decidedAt;
  plan.sanction(person, '通人社处', {
    kind: 'CIVIL_SERVANT_SANCTION',
    licenceId: registration.id,
    decidedAt: on,
    description: `违反工作纪律，给予${random.pick(SANCTIONS)}处分`,
    amount: null,
    status: served ? 'PERFORMED' : 'ACTIVE',
    statusChangedAt: served ? addDays(on, random.int(180, 540)) : null,
  });
}
