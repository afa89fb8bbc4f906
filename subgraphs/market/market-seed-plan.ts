import { adultFrom } from '../../lib/civil-time/adult-from';
import { makeUscc } from '../../lib/ids/uscc';
import { addDays, Random } from '../kit/seed/random';
import { redListGoodRecordSource } from '../kit/seed/red-list-source';
import type { SyntheticPerson } from '../kit/seed/synthetic-person';
import { enterpriseName } from './enterprise-names';
import type {
  EnterpriseRecord,
  EnterpriseStatus,
  EnterpriseType,
  LicenseKind,
  LicenseRecord,
  MarketRecords,
  PenaltyRecord,
} from './records';

/** Region code of Tongjiang county: where its enterprises are registered. */
const COUNTY = '511921';
const COUNTY_BUREAU = '通江县市场监督管理局';
const CITY_BUREAU = '巴中市市场监督管理局';
/** GB 32100 characters, for the organisation-code part of a synthetic USCC. */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** GB 32100 organisation category under registration authority 9 (market regulation). */
const USCC_CATEGORY: Record<EnterpriseType, string> = {
  LIMITED_COMPANY: '1',
  SOLE_PROPRIETORSHIP: '1',
  PARTNERSHIP: '1',
  INDIVIDUAL_BUSINESS: '2',
  FARMER_COOPERATIVE: '3',
};

const MINOR_VIOLATIONS = [
  '未在经营场所醒目位置悬挂营业执照',
  '销售商品未明码标价',
  '食品从业人员未取得健康证明上岗',
  '使用未经检定的计量器具',
  '经营场所卫生条件不符合要求',
];

const GENERAL_VIOLATIONS = [
  '销售超过保质期的食品',
  '未经许可从事食品经营活动',
  '销售不符合食品安全标准的食品',
  '发布虚假广告',
  '销售侵犯注册商标专用权的商品',
  '价格欺诈',
  '未取得营业执照从事经营活动',
];

/** A market entity to register in the plan, with the dates its status implies. */
interface BusinessSpec {
  type: EnterpriseType;
  registeredAt: string;
  status: EnterpriseStatus;
  abnormalSince?: string;
  seriousIllegalSince?: string;
  /** Date the entity was deregistered or its licence revoked; ends the person's role. */
  endedAt?: string;
}

/**
 * Builds the market bureau's part of the synthetic county, person by person, with deterministic
 * ids and decision numbers (counters in person order) and each person's own random stream.
 */
export class MarketSeedPlan {
  readonly records: MarketRecords = {
    enterprises: [],
    roles: [],
    licenses: [],
    penalties: [],
    honours: [],
  };

  private enterpriseSeq = 0;
  private recordSeq = 0;
  private decisionSeq = 0;
  /** Active limited companies, for shareholder/supervisor/manager roles of other persons. */
  private readonly activeCompanies: EnterpriseRecord[] = [];

  constructor(private readonly asOf: string) {}

  /** Adds what the bureau holds about `person`, by scenario (see DESIGN §7 and the brief). */
  addPerson(person: SyntheticPerson): void {
    const rng = new Random(person.seed).fork('market');
    const { asOf } = this;
    switch (person.scenario) {
      case 'general_bad':
      case 'under_objection': {
        const [from, to] = person.scenario === 'general_bad' ? [50, 70] : [25, 35];
        this.openBusiness(rng, person, {
          type: 'INDIVIDUAL_BUSINESS',
          registeredAt: addDays(asOf, -rng.int(800, 3000)),
          status: 'ACTIVE',
        });
        this.addPenalty(person, {
          ...this.drawPenalty(rng, false, addDays(asOf, -rng.int(from, to))),
          kind: 'FINE',
          amount: rng.int(20, 100) * 100,
          status: 'ACTIVE',
          statusChangedAt: null,
        });
        return;
      }
      case 'good_and_general_bad':
      case 'repaired_penalty':
      case 'objection_upheld': {
        // good_and_general_bad: 100-200 days ago (past the 3-month minimum, repairable);
        // repaired_penalty: 200-300 days ago and paid; objection_upheld: 40-60 days ago.
        const [from, to] =
          person.scenario === 'good_and_general_bad'
            ? [100, 200]
            : person.scenario === 'repaired_penalty'
              ? [200, 300]
              : [40, 60];
        this.openBusiness(rng, person, {
          type: 'INDIVIDUAL_BUSINESS',
          registeredAt: addDays(asOf, -rng.int(800, 3000)),
          status: 'ACTIVE',
        });
        const decidedAt = addDays(asOf, -rng.int(from, to));
        const paid = person.scenario === 'repaired_penalty';
        this.addPenalty(person, {
          ...this.drawPenalty(rng, false, decidedAt),
          kind: 'FINE',
          amount: rng.int(20, 100) * 100,
          status: paid ? 'PERFORMED' : 'ACTIVE',
          statusChangedAt: paid ? addDays(decidedAt, rng.int(10, 30)) : null,
        });
        return;
      }
      case 'legal_rep_abnormal_enterprise':
        this.openBusiness(rng, person, {
          type: 'LIMITED_COMPANY',
          registeredAt: addDays(asOf, -rng.int(800, 3000)),
          status: 'ABNORMAL_OPERATION',
          abnormalSince: addDays(asOf, -rng.int(60, 300)),
        });
        return;
      case 'good_record_red_list':
        if (redListGoodRecordSource(person) === 'market') {
          const company = this.openBusiness(rng, person, {
            type: 'LIMITED_COMPANY',
            registeredAt: addDays(asOf, -rng.int(1500, 4000)),
            status: 'ACTIVE',
          });
          this.addHonour(person, company, addDays(asOf, -rng.int(30, 300)));
        }
        return;
      case 'background':
        this.addBackground(rng, person);
        return;
      default:
        // Other scenarios are about other departments: nothing at the market bureau.
        return;
    }
  }

  /**
   * Second pass, after every person's own businesses exist: a few background adults hold a
   * shareholder, supervisor or manager role in someone else's company.
   */
  addMinorityRole(person: SyntheticPerson): void {
    if (person.scenario !== 'background' || this.activeCompanies.length === 0) return;
    const rng = new Random(person.seed).fork('market-roles');
    if (!rng.chance(0.03)) return;
    const company = rng.pick(this.activeCompanies);
    if (company.legalRepresentativeId === person.id) return;
    const from = later(company.registeredAt, yearsAfter(person.birthDate, 20));
    const since = between(rng, from, addDays(this.asOf, -30));
    if (since === null) return;
    this.records.roles.push({
      personId: person.id,
      role: rng.pick(['SHAREHOLDER', 'SUPERVISOR', 'MANAGER'] as const),
      enterpriseUscc: company.uscc,
      since,
      until: rng.chance(0.15) ? between(rng, addDays(since, 30), addDays(this.asOf, -1)) : null,
    });
  }

  /** The realistic mix: mostly nothing, some businesses and licences, few penalties. */
  private addBackground(rng: Random, person: SyntheticPerson): void {
    const { asOf } = this;
    // The one age rule (lib/civil-time): nothing about a minor is recorded here.
    const adultSince = adultFrom(person.birthDate);
    if (adultSince === null || adultSince > asOf) return;
    const business = this.addBackgroundBusiness(rng, person);
    const trading = business?.status === 'ACTIVE' || business?.status === 'ABNORMAL_OPERATION';
    if (rng.chance(0.015) && yearsAfter(person.birthDate, 55) > asOf) {
      this.addLicense(
        rng,
        person,
        'SPECIAL_EQUIPMENT_OPERATOR',
        later(adultSince, addDays(asOf, -1800)),
      );
    }
    const penaltyFrom = later(adultSince, addDays(asOf, -1095));
    for (const simple of [true, false]) {
      const odds = simple ? (trading ? 0.05 : 0.008) : trading ? 0.03 : 0.004;
      const decidedAt = rng.chance(odds) ? between(rng, penaltyFrom, addDays(asOf, -5)) : null;
      if (decidedAt !== null) this.addPenalty(person, this.drawPenalty(rng, simple, decidedAt));
    }
  }

  /** About one adult in six runs (or ran) a business of their own. */
  private addBackgroundBusiness(rng: Random, person: SyntheticPerson): EnterpriseRecord | null {
    const { asOf } = this;
    const draw = rng.next();
    const type: EnterpriseType | null =
      draw < 0.1
        ? 'INDIVIDUAL_BUSINESS'
        : draw < 0.15
          ? 'LIMITED_COMPANY'
          : draw < 0.16
            ? 'FARMER_COOPERATIVE'
            : draw < 0.165
              ? 'SOLE_PROPRIETORSHIP'
              : null;
    if (type === null) return null;
    const from = later(yearsAfter(person.birthDate, 20), addDays(asOf, -5500));
    const registeredAt = between(rng, from, addDays(asOf, -400));
    if (registeredAt === null) return null;
    const spec: BusinessSpec = { type, registeredAt, status: drawStatus(rng, type) };
    if (spec.status === 'SERIOUS_ILLEGAL') {
      // Listed as seriously illegal after three years on the abnormal-operation list.
      const abnormalSince = between(rng, addDays(registeredAt, 180), addDays(asOf, -1110));
      if (abnormalSince === null) spec.status = 'ABNORMAL_OPERATION';
      else {
        spec.abnormalSince = abnormalSince;
        spec.seriousIllegalSince = addDays(abnormalSince, 1095 + rng.int(5, 15));
      }
    }
    if (spec.status === 'ABNORMAL_OPERATION') {
      const earliest = later(addDays(registeredAt, 180), addDays(asOf, -1000));
      spec.abnormalSince = between(rng, earliest, addDays(asOf, -20)) ?? addDays(asOf, -20);
    }
    if (spec.status === 'REVOKED' || spec.status === 'DEREGISTERED') {
      spec.endedAt = between(rng, addDays(registeredAt, 200), addDays(asOf, -10)) ?? undefined;
    }
    const enterprise = this.openBusiness(rng, person, spec);
    if (enterprise.type === 'LIMITED_COMPANY' && enterprise.status === 'ACTIVE') {
      const honourFrom = later(addDays(registeredAt, 365), addDays(asOf, -1000));
      const decidedAt = rng.chance(0.04) ? between(rng, honourFrom, addDays(asOf, -10)) : null;
      if (decidedAt !== null) this.addHonour(person, enterprise, decidedAt);
    }
    return enterprise;
  }

  /** Registers an entity with `person` as legal representative or operator. */
  private openBusiness(rng: Random, person: SyntheticPerson, spec: BusinessSpec): EnterpriseRecord {
    const naming = enterpriseName(rng, spec.type);
    this.enterpriseSeq += 1;
    const listedAt = spec.seriousIllegalSince ?? spec.abnormalSince ?? null;
    const enterprise: EnterpriseRecord = {
      uscc: makeUscc(
        `9${USCC_CATEGORY[spec.type]}${COUNTY}MA${organisationCode(this.enterpriseSeq)}`,
      ),
      name: naming.name,
      type: spec.type,
      registeredAt: spec.registeredAt,
      status: spec.status,
      abnormalSince: spec.abnormalSince ?? null,
      seriousIllegalSince: spec.seriousIllegalSince ?? null,
      listingDecisionNo:
        listedAt === null
          ? null
          : this.decisionNo(spec.seriousIllegalSince ? '通市监严' : '通市监异', listedAt),
      legalRepresentativeId: person.id,
    };
    this.records.enterprises.push(enterprise);
    const ownerRole =
      spec.type === 'INDIVIDUAL_BUSINESS' || spec.type === 'SOLE_PROPRIETORSHIP'
        ? 'SOLE_PROPRIETOR'
        : 'LEGAL_REPRESENTATIVE';
    const until = spec.endedAt ?? null;
    this.records.roles.push({
      personId: person.id,
      role: ownerRole,
      enterpriseUscc: enterprise.uscc,
      since: spec.registeredAt,
      until,
    });
    if (spec.type === 'LIMITED_COMPANY' && rng.chance(0.6)) {
      this.records.roles.push({
        personId: person.id,
        role: 'SHAREHOLDER',
        enterpriseUscc: enterprise.uscc,
        since: spec.registeredAt,
        until,
      });
    }
    if (spec.type === 'LIMITED_COMPANY' && spec.status === 'ACTIVE') {
      this.activeCompanies.push(enterprise);
    }
    // Licences of a company are the company's; those of an operator are the person's.
    if (ownerRole === 'SOLE_PROPRIETOR' && naming.license !== null && rng.chance(0.8)) {
      const licence = this.addLicense(
        rng,
        person,
        naming.license,
        later(spec.registeredAt, addDays(this.asOf, -2200)),
        until ?? undefined,
      );
      if (licence && spec.status === 'DEREGISTERED') licence.status = 'CANCELLED';
      if (licence && spec.status === 'REVOKED') licence.status = 'REVOKED';
    }
    return enterprise;
  }

  /** Issues a licence between `from` and `to` (default shortly before asOf); null if no room. */
  private addLicense(
    rng: Random,
    person: SyntheticPerson,
    kind: LicenseKind,
    from: string,
    to: string = addDays(this.asOf, -10),
  ): LicenseRecord | null {
    const issuedAt = between(rng, from, to);
    if (issuedAt === null) return null;
    const validUntil = addDays(
      yearsAfter(issuedAt, kind === 'SPECIAL_EQUIPMENT_OPERATOR' ? 4 : 5),
      -1,
    );
    this.recordSeq += 1;
    const licence: LicenseRecord = {
      id: `AMR-LIC-${pad(this.recordSeq, 6)}`,
      personId: person.id,
      kind,
      licenseNo: `${LICENSE_PREFIX[kind]}${COUNTY}${issuedAt.slice(0, 4)}${pad(this.recordSeq, 5)}`,
      decisionNo: this.decisionNo('通市监许', issuedAt),
      issuedAt,
      validUntil,
      issuer: kind === 'SPECIAL_EQUIPMENT_OPERATOR' ? CITY_BUREAU : COUNTY_BUREAU,
      status: validUntil < this.asOf ? 'EXPIRED' : 'VALID',
    };
    this.records.licenses.push(licence);
    return licence;
  }

  /** A random penalty decided on `decidedAt`, performed or revoked as time allows. */
  private drawPenalty(
    rng: Random,
    simple: boolean,
    decidedAt: string,
  ): Omit<PenaltyRecord, 'id' | 'personId' | 'decisionNo'> {
    const { asOf } = this;
    if (simple) {
      // 行政处罚法 第五十一条: on the spot, a warning or at most 200 yuan for a citizen.
      const warning = rng.chance(0.5);
      const paidAt = addDays(decidedAt, rng.int(0, 15));
      const performed = warning || paidAt <= asOf;
      return {
        decidedAt,
        kind: warning ? 'WARNING' : 'FINE',
        amount: warning ? null : rng.int(1, 4) * 50,
        reason: rng.pick(MINOR_VIOLATIONS),
        status: performed ? 'PERFORMED' : 'ACTIVE',
        statusChangedAt: performed ? (warning ? decidedAt : paidAt) : null,
        simpleProcedure: true,
      };
    }
    const draw = rng.next();
    const kind: PenaltyRecord['kind'] =
      draw < 0.7
        ? 'FINE'
        : draw < 0.85
          ? 'CONFISCATION'
          : draw < 0.95
            ? 'SUSPENSION'
            : 'REVOCATION';
    const amount =
      kind === 'FINE'
        ? rng.int(10, 500) * 100
        : kind === 'CONFISCATION'
          ? rng.int(5, 200) * 100
          : null;
    const outcome = rng.next();
    const changedAt = addDays(decidedAt, rng.int(10, 90));
    const settled = changedAt <= asOf;
    return {
      decidedAt,
      kind,
      amount,
      reason: rng.pick(GENERAL_VIOLATIONS),
      status:
        settled && outcome < 0.8 ? 'PERFORMED' : settled && outcome < 0.85 ? 'REVOKED' : 'ACTIVE',
      statusChangedAt: settled && outcome < 0.85 ? changedAt : null,
      simpleProcedure: false,
    };
  }

  private addPenalty(
    person: SyntheticPerson,
    penalty: Omit<PenaltyRecord, 'id' | 'personId' | 'decisionNo'>,
  ): void {
    this.recordSeq += 1;
    this.records.penalties.push({
      id: `AMR-PEN-${pad(this.recordSeq, 6)}`,
      personId: person.id,
      decisionNo: this.decisionNo(
        penalty.simpleProcedure ? '通市监当罚' : '通市监处罚',
        penalty.decidedAt,
      ),
      ...penalty,
    });
  }

  private addHonour(
    person: SyntheticPerson,
    enterprise: EnterpriseRecord,
    decidedAt: string,
  ): void {
    this.recordSeq += 1;
    this.records.honours.push({
      id: `AMR-HON-${pad(this.recordSeq, 6)}`,
      personId: person.id,
      enterpriseUscc: enterprise.uscc,
      decidedAt,
      decisionNo: this.decisionNo('巴市监合', decidedAt),
      issuer: CITY_BUREAU,
      status: 'ACTIVE',
      statusChangedAt: null,
    });
  }

  /** A decision number (文号) `<prefix>〔<year>〕<n>号`, n unique in the plan. */
  private decisionNo(prefix: string, date: string): string {
    this.decisionSeq += 1;
    return `${prefix}〔${date.slice(0, 4)}〕${this.decisionSeq}号`;
  }
}

const LICENSE_PREFIX: Record<LicenseKind, string> = {
  FOOD_BUSINESS: 'JY1',
  FOOD_PRODUCTION: 'SC1',
  SMALL_FOOD_WORKSHOP: 'XZF',
  DRUG_RETAIL: 'CYB',
  MEDICAL_DEVICE_BUSINESS: 'YXJ',
  SPECIAL_EQUIPMENT_OPERATOR: 'TS',
};

/** Status of a background entity of `type`: mostly in business, a few listed or closed. */
function drawStatus(rng: Random, type: EnterpriseType): EnterpriseStatus {
  const draw = rng.next();
  if (type === 'INDIVIDUAL_BUSINESS') {
    return draw < 0.93 ? 'ACTIVE' : draw < 0.95 ? 'REVOKED' : 'DEREGISTERED';
  }
  if (type === 'FARMER_COOPERATIVE') {
    return draw < 0.9 ? 'ACTIVE' : draw < 0.98 ? 'ABNORMAL_OPERATION' : 'DEREGISTERED';
  }
  if (draw < 0.9) return 'ACTIVE';
  if (draw < 0.95) return 'ABNORMAL_OPERATION';
  if (draw < 0.96 && type === 'LIMITED_COMPANY') return 'SERIOUS_ILLEGAL';
  return draw < 0.98 ? 'REVOKED' : 'DEREGISTERED';
}

/** Seven GB 32100 characters from a sequence number: distinct for distinct numbers. */
function organisationCode(seq: number): string {
  // Spread consecutive numbers over the code space so codes do not look sequential.
  let value = 1_000_000_000 + seq * 7919;
  let code = '';
  for (let i = 0; i < 7; i += 1) {
    code = USCC_ALPHABET[value % 31] + code;
    value = Math.floor(value / 31);
  }
  return code;
}

/** A uniformly drawn ISO date in [from, to], or null when the range is empty. */
function between(rng: Random, from: string, to: string): string | null {
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return days < 0 ? null : addDays(from, rng.int(0, days));
}

/** `date` plus whole years; 29 February becomes 28 February in a common year. */
function yearsAfter(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDay = date.slice(5) === '02-29' && !leap ? '02-28' : date.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
