import { addDays } from '../seed/random';
import type { SyntheticPerson } from '../seed/synthetic-person';
import type { LicenceRecord, LicensingRecords, SanctionRecord } from './licensing-records';

/**
 * Accumulates a licensing department's seed records, numbering ids (`<prefix>-LIC-000001`) and
 * decision numbers in person order, and keeping every date on or before `asOf`.
 */
export class LicensingPlan {
  readonly records: LicensingRecords = { licences: [], sanctions: [] };

  constructor(
    private readonly prefix: string,
    readonly asOf: string,
  ) {}

  licence(person: SyntheticPerson, fields: Omit<LicenceRecord, 'id' | 'personId'>): LicenceRecord {
    const record: LicenceRecord = {
      id: `${this.prefix}-LIC-${pad(this.records.licences.length + 1)}`,
      personId: person.id,
      ...fields,
      issuedAt: this.notAfterAsOf(fields.issuedAt),
      statusChangedAt: fields.statusChangedAt && this.notAfterAsOf(fields.statusChangedAt),
    };
    this.records.licences.push(record);
    return record;
  }

  /** A sanction numbered `<office>〔year〕n号`. */
  sanction(
    person: SyntheticPerson,
    office: string,
    fields: Omit<SanctionRecord, 'id' | 'personId' | 'decisionNo'>,
  ): SanctionRecord {
    const n = this.records.sanctions.length + 1;
    const decidedAt = this.notAfterAsOf(fields.decidedAt);
    const record: SanctionRecord = {
      id: `${this.prefix}-SAN-${pad(n)}`,
      personId: person.id,
      decisionNo: `${office}〔${decidedAt.slice(0, 4)}〕${n}号`,
      ...fields,
      decidedAt,
      statusChangedAt: fields.statusChangedAt && this.notAfterAsOf(fields.statusChangedAt),
    };
    this.records.sanctions.push(record);
    return record;
  }

  /** The later of `years` after the person's birth and `earliest` days before asOf. */
  sinceAge(person: SyntheticPerson, years: number, daysBeforeAsOf: number): string {
    const adult = addDays(person.birthDate, Math.ceil(years * 365.25));
    const drawn = addDays(this.asOf, -daysBeforeAsOf);
    return drawn > adult ? drawn : adult;
  }

  /** Whether the person is at least `years` old on asOf. */
  isAtLeast(person: SyntheticPerson, years: number): boolean {
    return addDays(person.birthDate, Math.ceil(years * 365.25)) <= this.asOf;
  }

  notAfterAsOf(date: string): string {
    return date > this.asOf ? this.asOf : date;
  }
}

function pad(n: number): string {
  return String(n).padStart(6, '0');
}
