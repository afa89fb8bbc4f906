import type { Database } from '../kit/db/database';
import { licensingDisclosureHistory } from '../kit/licensing/licensing-disclosure-history';
import type { LicenceRecord, LicensingRecords } from '../kit/licensing/licensing-records';
import { LicensingPlan } from '../kit/licensing/licensing-plan';
import { addDays, Random } from '../kit/seed/random';
import type { SyntheticPerson } from '../kit/seed/synthetic-person';
import { justiceFeedHistory } from './justice-feed-entries';
import type { JusticeOccupation, LegalServiceSanctionKind } from './records';
import { JUSTICE_DISCLOSURE } from './decision-store';
import { createJusticeStore } from './store';

const ORGANISATIONS: Record<JusticeOccupation, readonly string[]> = {
  LAWYER: ['四川诺水律师事务所', '四川通江正信律师事务所', '四川巴山律师事务所'],
  NOTARY: ['四川省通江县公证处'],
  FORENSIC_APPRAISER: ['通江县司法鉴定所'],
};

const FACTS: Record<LegalServiceSanctionKind, string> = {
  WARNING: '同时在两个律师事务所执业',
  FINE: '私自接受委托、收取费用',
  SUSPENSION: '在同一案件中为双方当事人担任代理人',
  REVOCATION: '向法官行贿，情节严重',
};

const CODES: Record<JusticeOccupation, string> = {
  LAWYER: '1',
  NOTARY: '2',
  FORENSIC_APPRAISER: '3',
};

/**
 * Replaces the justice bureau's data with its part of the synthetic county as of `asOf`,
 * writing licences, sanctions and their credit and disclosure feed history in one transaction. Deterministic.
 */
export async function seedJustice(
  db: Database,
  persons: readonly SyntheticPerson[],
  asOf: string,
): Promise<LicensingRecords> {
  const records = planJusticeRecords(persons, asOf);
  const names = new Map(persons.map((person) => [person.id, person.name]));
  await createJusticeStore(db).replaceAll(
    records,
    justiceFeedHistory(records),
    licensingDisclosureHistory(records, names, JUSTICE_DISCLOSURE),
  );
  return records;
}

/**
 * The justice records of `persons` as of `asOf`: for `lawyer_suspended` a lawyer whose practice
 * was suspended one to four months ago (the suspension in force); for `background` adults about
 * 0.4% lawyers, 0.1% notaries and 0.1% forensic appraisers, of whom about 4% were sanctioned.
 */
export function planJusticeRecords(
  persons: readonly SyntheticPerson[],
  asOf: string,
): LicensingRecords {
  const plan = new LicensingPlan('JUSTICE', asOf);
  for (const person of persons) {
    const random = new Random(person.seed).fork('justice');
    if (person.scenario === 'lawyer_suspended') {
      const licence = practising(plan, person, random, 'LAWYER');
      sanction(
        plan,
        person,
        random,
        licence,
        'SUSPENSION',
        addDays(asOf, -random.int(30, 120)),
        false,
      );
    } else if (person.scenario === 'background' && plan.isAtLeast(person, 25)) {
      const draw = random.next();
      const occupation: JusticeOccupation | null =
        draw < 0.004
          ? 'LAWYER'
          : draw < 0.005
            ? 'NOTARY'
            : draw < 0.006
              ? 'FORENSIC_APPRAISER'
              : null;
      if (occupation === null) continue;
      const licence = practising(plan, person, random, occupation);
      if (!random.chance(0.04)) continue;
      const kindDraw = random.next();
      const kind: LegalServiceSanctionKind =
        kindDraw < 0.4
          ? 'WARNING'
          : kindDraw < 0.75
            ? 'FINE'
            : kindDraw < 0.95
              ? 'SUSPENSION'
              : 'REVOCATION';
      sanction(
        plan,
        person,
        random,
        licence,
        kind,
        addDays(asOf, -random.int(20, 3 * 365)),
        random.chance(0.6),
      );
    }
  }
  return plan.records;
}

function practising(
  plan: LicensingPlan,
  person: SyntheticPerson,
  random: Random,
  occupation: JusticeOccupation,
): LicenceRecord {
  const issuedAt = plan.sinceAge(person, 24, random.int(365, 20 * 365));
  return plan.licence(person, {
    occupation,
    certificateNo: `15119${issuedAt.slice(0, 4)}${CODES[occupation]}${String(plan.records.licences.length + 1).padStart(6, '0')}`,
    organisation: random.pick(ORGANISATIONS[occupation]),
    issuedAt,
    status: 'ACTIVE',
    statusChangedAt: null,
  });
}

/** A sanction; a suspension in force or a revocation changes the licence's status too. */
function sanction(
  plan: LicensingPlan,
  person: SyntheticPerson,
  random: Random,
  licence: LicenceRecord,
  kind: LegalServiceSanctionKind,
  decidedAt: string,
  performed: boolean,
): void {
  const on = decidedAt < licence.issuedAt ? licence.issuedAt : decidedAt;
  const served = performed && kind !== 'REVOCATION';
  plan.sanction(person, '通司罚', {
    kind,
    licenceId: licence.id,
    decidedAt: on,
    description: FACTS[kind],
    amount: kind === 'FINE' ? random.int(2, 50) * 1000 : null,
    status: served ? 'PERFORMED' : 'ACTIVE',
    statusChangedAt: served ? addDays(on, random.int(90, 365)) : null,
  });
  if ((kind === 'SUSPENSION' || kind === 'REVOCATION') && !served) {
    licence.status = kind === 'REVOCATION' ? 'REVOKED' : 'SUSPENDED';
    licence.statusChangedAt = on;
  }
}
