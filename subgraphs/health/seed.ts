import type { Database } from '../kit/db/database';
import { licensingDisclosureHistory } from '../kit/licensing/licensing-disclosure-history';
import type { LicensingRecords } from '../kit/licensing/licensing-records';
import { LicensingPlan } from '../kit/licensing/licensing-plan';
import { addDays, Random } from '../kit/seed/random';
import type { SyntheticPerson } from '../kit/seed/synthetic-person';
import { healthFeedHistory } from './health-feed-entries';
import type { HealthOccupation, MedicalViolationKind } from './records';
import { HEALTH_DISCLOSURE } from './decision-store';
import { createHealthStore } from './store';

const HOSPITALS = [
  '通江县人民医院',
  '通江县中医医院',
  '通江县妇幼保健院',
  '诺江镇卫生院',
  '至诚镇卫生院',
];

const FACTS: Record<MedicalViolationKind, string> = {
  WARNING: '未按照规定书写、保管病历资料',
  SUSPENSION: '超出注册的执业范围从事诊疗活动',
  REVOCATION: '出具虚假医学证明文件，情节严重',
};

/**
 * Replaces the health bureau's data with its part of the synthetic county as of `asOf`, writing
 * certificates, violations and their credit and disclosure feed history in one transaction. Deterministic.
 */
export async function seedHealth(
  db: Database,
  persons: readonly SyntheticPerson[],
  asOf: string,
): Promise<LicensingRecords> {
  const records = planHealthRecords(persons, asOf);
  const names = new Map(persons.map((person) => [person.id, person.name]));
  await createHealthStore(db).replaceAll(
    records,
    healthFeedHistory(records),
    licensingDisclosureHistory(records, names, HEALTH_DISCLOSURE),
  );
  return records;
}

/**
 * The health records of `persons` as of `asOf`: for `doctor_violation` a practising doctor warned
 * one to three months ago (the decision in force); for `background` adults about 2% doctors and
 * 2.5% nurses, of whom about 3% had a violation decided (mostly warnings).
 */
export function planHealthRecords(
  persons: readonly SyntheticPerson[],
  asOf: string,
): LicensingRecords {
  const plan = new LicensingPlan('HEALTH', asOf);
  for (const person of persons) {
    const random = new Random(person.seed).fork('health');
    if (person.scenario === 'doctor_violation') {
      const licence = certificate(plan, person, random, 'DOCTOR');
      violation(
        plan,
        person,
        random,
        licence.id,
        'WARNING',
        addDays(asOf, -random.int(30, 90)),
        false,
      );
    } else if (person.scenario === 'background' && plan.isAtLeast(person, 25)) {
      const draw = random.next();
      const occupation: HealthOccupation | null =
        draw < 0.02 ? 'DOCTOR' : draw < 0.045 ? 'NURSE' : null;
      if (occupation === null) continue;
      const licence = certificate(plan, person, random, occupation);
      if (!random.chance(0.03)) continue;
      const kindDraw = random.next();
      const kind: MedicalViolationKind =
        kindDraw < 0.7 ? 'WARNING' : kindDraw < 0.95 ? 'SUSPENSION' : 'REVOCATION';
      const decidedAt = addDays(asOf, -random.int(20, 3 * 365));
      violation(plan, person, random, licence.id, kind, decidedAt, random.chance(0.6));
    }
  }
  return plan.records;
}

function certificate(
  plan: LicensingPlan,
  person: SyntheticPerson,
  random: Random,
  occupation: HealthOccupation,
) {
  const issuedAt = plan.sinceAge(person, 24, random.int(365, 20 * 365));
  return plan.licence(person, {
    occupation,
    certificateNo: `${occupation === 'DOCTOR' ? '1' : '2'}${issuedAt.slice(0, 4)}511921${String(plan.records.licences.length + 1).padStart(6, '0')}`,
    organisation: random.pick(HOSPITALS),
    issuedAt,
    status: 'ACTIVE',
    statusChangedAt: null,
  });
}

/** A violation decision; a suspension or revocation changes the certificate's status too. */
function violation(
  plan: LicensingPlan,
  person: SyntheticPerson,
  random: Random,
  licenceId: string,
  kind: MedicalViolationKind,
  decidedAt: string,
  performed: boolean,
): void {
  const licence = plan.records.licences.find((candidate) => candidate.id === licenceId);
  const on = licence && decidedAt < licence.issuedAt ? licence.issuedAt : decidedAt;
  // A revocation is final: it is never "performed".
  const served = performed && kind !== 'REVOCATION';
  plan.sanction(person, '通卫医罚', {
    kind,
    licenceId,
    decidedAt: on,
    description: FACTS[kind],
    amount: null,
    status: served ? 'PERFORMED' : 'ACTIVE',
    statusChangedAt: served ? addDays(on, random.int(180, 365)) : null,
  });
  if (licence && kind !== 'WARNING' && !served) {
    licence.status = kind === 'REVOCATION' ? 'REVOKED' : 'SUSPENDED';
    licence.statusChangedAt = on;
  }
}
