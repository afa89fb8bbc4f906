import { addDays, Random } from '../kit/seed/random';
import { redListGoodRecordSource } from '../kit/seed/red-list-source';
import type { SyntheticPerson } from '../kit/seed/synthetic-person';
import { adultFrom } from '../../lib/civil-time/adult-from';
import { ageOn } from '../../lib/civil-time/age-on';
import { birthday } from '../../lib/civil-time/birthday';
import { mayKeepIntegrityRecord } from './integrity-age-rule';
import type {
  EducationRecords,
  HonourLevel,
  IntegrityRecord,
  QualificationKind,
  QualificationRecord,
} from './records';

const COUNTY = '511921';
const BUREAU = '通江县教育科技和体育局';
const EXAM_AUTHORITIES = [
  '四川省教育考试院',
  '巴中市教育考试中心',
  '四川文理学院',
  '巴中职业技术学院',
];
const UNIVERSITIES = ['西华师范大学', '四川文理学院', '巴中职业技术学院', '西南科技大学'];
const EXAMS = [
  '全国大学英语四级考试中使用通讯设备作弊',
  '全国硕士研究生招生考试中由他人代替参加考试',
  '高等教育自学考试中夹带与考试内容相关的材料',
  '普通高等学校招生全国统一考试中抄袭他人答案',
];
const ACADEMIC_FRAUDS = ['学位论文存在抄袭、剽窃他人研究成果行为', '发表论文中伪造实验数据'];

const QUALIFICATION_ISSUERS: Record<QualificationKind, string> = {
  TEACHER: BUREAU,
};

const HONOUR_ISSUERS: Record<HonourLevel, string> = {
  COUNTY: '通江县人民政府',
  CITY: '巴中市教育局',
  PROVINCE: '四川省教育厅',
  NATIONAL: '中华人民共和国教育部',
};

/** An integrity decision as drawn, before it is numbered (and before the age rule). */
type IntegrityDraft = Omit<IntegrityRecord, 'id' | 'personId' | 'decisionNo'> & {
  decisionPrefix: string;
};

/**
 * Builds the education bureau's part of the synthetic county, person by person, with
 * deterministic ids and decision numbers (counters in person order) and each person's own random
 * stream. Conduct is drawn by age alone, as it happens; the age rule then decides what the
 * integrity file keeps, so minors' records are skipped here exactly as the bureau's intake would.
 */
export class EducationSeedPlan {
  readonly records: EducationRecords = { integrityRecords: [], qualifications: [], honours: [] };
  /** Integrity decisions drawn about minors and skipped by the age rule. */
  skippedMinorRecords = 0;

  private recordSeq = 0;
  private decisionSeq = 0;

  constructor(private readonly asOf: string) {}

  /** Adds what the bureau holds about `person`, by scenario (see DESIGN §7 and the brief). */
  addPerson(person: SyntheticPerson): void {
    const rng = new Random(person.seed).fork('education');
    switch (person.scenario) {
      case 'student_integrity':
        this.addStudentIntegrity(rng, person);
        return;
      case 'good_record_red_list':
        if (redListGoodRecordSource(person) === 'education') {
          this.addQualification(rng, person, 'TEACHER', {
            issuedAt: addDays(this.asOf, -rng.int(2000, 6000)),
            status: 'VALID',
          });
          this.addHonour(rng, person, addDays(this.asOf, -rng.int(30, 300)));
        }
        return;
      case 'background':
        this.addBackground(rng, person);
        return;
      default:
        // Other scenarios are about other departments: nothing at the education bureau.
        return;
    }
  }

  /**
   * A young adult with one exam-cheating decision after their 18th birthday. Their school also
   * reported cheating at 16 or 17, which the integrity file must not keep.
   */
  private addStudentIntegrity(rng: Random, person: SyntheticPerson): void {
    const { asOf } = this;
    const adultSince = realDay(adultFrom(person.birthDate));
    const asMinor = addDays(adultSince, -rng.int(200, 500));
    this.addIntegrity(person, {
      kind: 'EXAM_CHEATING',
      institution: '四川省通江中学',
      decidedAt: asMinor,
      description: `${asMinor.slice(0, 4)}年普通高中学业水平考试中抄袭他人答案`,
      status: 'ACTIVE',
      statusChangedAt: null,
      decisionPrefix: '通教科体诚',
    });
    const decidedAt =
      // Within the 12-month display period of a general record, so the scenario shows on the profile.
      between(rng, later(adultSince, addDays(asOf, -300)), addDays(asOf, -30)) ??
      (adultSince <= asOf ? adultSince : null);
    if (decidedAt === null) return;
    this.addIntegrity(person, {
      kind: 'EXAM_CHEATING',
      institution: rng.pick(EXAM_AUTHORITIES),
      decidedAt,
      description: `${decidedAt.slice(0, 4)}年${rng.pick(EXAMS)}`,
      status: 'ACTIVE',
      statusChangedAt: null,
      decisionPrefix: '川教考违',
    });
  }

  /** The realistic mix: mostly nothing, a few qualified teachers, rare misconduct. */
  private addBackground(rng: Random, person: SyntheticPerson): void {
    const { asOf } = this;
    const birth = person.birthDate;
    const age = ageOn(birth, asOf) ?? 0;
    if (age < 15) return;
    if (age >= 22) {
      // Doctors, nurses and lawyers are licensed by the health and justice bureaus.
      const kind: QualificationKind | null = rng.next() < 0.03 ? 'TEACHER' : null;
      const issuedAt =
        kind === null
          ? null
          : between(
              rng,
              later(realDay(birthday(birth, 21)), addDays(asOf, -10950)),
              addDays(asOf, -30),
            );
      if (kind !== null && issuedAt !== null) {
        const status = rng.chance(0.97) ? 'VALID' : rng.chance(0.7) ? 'CANCELLED' : 'REVOKED';
        this.addQualification(rng, person, kind, { issuedAt, status });
        if (kind === 'TEACHER' && status === 'VALID' && rng.chance(0.08)) {
          const from = later(addDays(issuedAt, 365), addDays(asOf, -1095));
          const decidedAt = between(rng, from, addDays(asOf, -10));
          if (decidedAt !== null) this.addHonour(rng, person, decidedAt);
        }
      }
    }
    if (age <= 30 && rng.chance(0.02)) {
      // Exams from 16 on: decisions before the 18th birthday are drawn, and then skipped.
      const decidedAt = between(
        rng,
        later(realDay(birthday(birth, 16)), addDays(asOf, -1825)),
        addDays(asOf, -10),
      );
      if (decidedAt !== null) {
        const revokedAt = addDays(decidedAt, rng.int(20, 90));
        const revoked = rng.chance(0.08) && revokedAt <= asOf;
        this.addIntegrity(person, {
          kind: 'EXAM_CHEATING',
          institution: rng.pick(EXAM_AUTHORITIES),
          decidedAt,
          description: `${decidedAt.slice(0, 4)}年${rng.pick(EXAMS)}`,
          status: revoked ? 'REVOKED' : 'ACTIVE',
          statusChangedAt: revoked ? revokedAt : null,
          decisionPrefix: '川教考违',
        });
      }
    }
    if (age >= 23 && age <= 40 && rng.chance(0.008)) {
      const decidedAt = between(
        rng,
        later(realDay(birthday(birth, 22)), addDays(asOf, -2190)),
        addDays(asOf, -30),
      );
      if (decidedAt !== null) {
        const repaidAt = addDays(decidedAt, rng.int(30, 400));
        const repaid = rng.chance(0.6) && repaidAt <= asOf;
        this.addIntegrity(person, {
          kind: 'STUDENT_LOAN_DEFAULT',
          institution: '国家开发银行四川省分行',
          decidedAt,
          description: `生源地信用助学贷款逾期${rng.int(3, 24)}个月未还，本息合计${rng.int(40, 320) * 100}元`,
          status: repaid ? 'CORRECTED' : 'ACTIVE',
          statusChangedAt: repaid ? repaidAt : null,
          decisionPrefix: '通教科体资助',
        });
      }
    }
    if (age >= 22 && age <= 30 && rng.chance(0.003)) {
      const from = later(realDay(birthday(birth, 21)), addDays(asOf, -1460));
      const decidedAt = between(rng, from, addDays(asOf, -10));
      if (decidedAt !== null) {
        this.addIntegrity(person, {
          kind: 'FORGED_EMPLOYMENT_PAPERS',
          institution: rng.pick(UNIVERSITIES),
          decidedAt,
          description: '毕业生就业信息核查中提交伪造的就业协议书',
          status: 'ACTIVE',
          statusChangedAt: null,
          decisionPrefix: '通教科体诚',
        });
      }
    }
    if (age >= 25 && rng.chance(0.001)) {
      const from = later(realDay(birthday(birth, 24)), addDays(asOf, -1825));
      const decidedAt = between(rng, from, addDays(asOf, -10));
      if (decidedAt !== null) {
        this.addIntegrity(person, {
          kind: 'ACADEMIC_FRAUD',
          institution: rng.pick(UNIVERSITIES),
          decidedAt,
          description: rng.pick(ACADEMIC_FRAUDS),
          status: 'ACTIVE',
          statusChangedAt: null,
          decisionPrefix: '通教科体诚',
        });
      }
    }
  }

  /** Keeps a drawn integrity decision if the age rule allows; counts it as skipped otherwise. */
  private addIntegrity(person: SyntheticPerson, draft: IntegrityDraft): void {
    const { decisionPrefix, ...fields } = draft;
    if (!mayKeepIntegrityRecord({ personId: person.id, decidedAt: fields.decidedAt })) {
      this.skippedMinorRecords += 1;
      return;
    }
    this.recordSeq += 1;
    this.records.integrityRecords.push({
      id: `EDU-INT-${pad(this.recordSeq, 6)}`,
      personId: person.id,
      decisionNo: this.decisionNo(decisionPrefix, fields.decidedAt),
      ...fields,
    });
  }

  private addQualification(
    rng: Random,
    person: SyntheticPerson,
    kind: QualificationKind,
    fields: Pick<QualificationRecord, 'issuedAt' | 'status'>,
  ): void {
    this.recordSeq += 1;
    const year = fields.issuedAt.slice(0, 4);
    const serial = pad(this.recordSeq * 37 + rng.int(0, 36), 8);
    const certificateNo = { TEACHER: `${year}${COUNTY.slice(0, 4)}2${serial}` }[kind];
    this.records.qualifications.push({
      id: `EDU-QUA-${pad(this.recordSeq, 6)}`,
      personId: person.id,
      kind,
      certificateNo,
      issuer: QUALIFICATION_ISSUERS[kind],
      ...fields,
    });
  }

  private addHonour(rng: Random, person: SyntheticPerson, decidedAt: string): void {
    const draw = rng.next();
    const level: HonourLevel =
      draw < 0.6 ? 'COUNTY' : draw < 0.9 ? 'CITY' : draw < 0.99 ? 'PROVINCE' : 'NATIONAL';
    this.recordSeq += 1;
    this.records.honours.push({
      id: `EDU-HON-${pad(this.recordSeq, 6)}`,
      personId: person.id,
      kind: 'EXCELLENT_TEACHER',
      level,
      decidedAt,
      decisionNo: this.decisionNo(level === 'COUNTY' ? '通府发' : '教师表彰', decidedAt),
      issuer: HONOUR_ISSUERS[level],
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

/** A uniformly drawn ISO date in [from, to], or null when the range is empty. */
function between(rng: Random, from: string, to: string): string | null {
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return days < 0 ? null : addDays(from, rng.int(0, days));
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** A date of a synthetic person's life: their birth dates are always real. */
function realDay(date: string | null): string {
  if (date === null) throw new Error('education seed: a synthetic person has an unreal birth date');
  return date;
}
