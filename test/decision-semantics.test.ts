/**
 * What a recorded decision means for the department's tables and credit feed, on a seeded county
 * (PGlite and the PostgreSQL server): endings end once and are undone when corrected or revoked,
 * abnormal-operation listings are decisions of their own, household changes follow their dates,
 * seeded decisions are found by their number, and a write names everyone it concerns.
 */
import { chinaToday } from '../lib/civil-time/china-today';
import { findDecisionKind } from '../lib/decision-kinds/find-decision-kind';
import { makeCitizenId } from '../lib/ids/citizen-id';
import { courtDecisionProjection } from '../subgraphs/court/decision-store';
import { courtSubgraph } from '../subgraphs/court';
import { educationDecisionProjection } from '../subgraphs/education/decision-store';
import { educationSubgraph } from '../subgraphs/education';
import type { Database } from '../subgraphs/kit/db/database';
import { migrateSubgraph } from '../subgraphs/kit/db/migrate-subgraph';
import { createDecisionWriter } from '../subgraphs/kit/decisions/create-decision-writer';
import type {
  DecisionAuthor,
  DecisionIntent,
  DecisionWriter,
} from '../subgraphs/kit/decisions/create-decision-writer';
import type { DecisionProjection } from '../subgraphs/kit/decisions/decision-projection';
import { DecisionRefusal } from '../subgraphs/kit/decisions/decision-refusal';
import type { FieldProblem } from '../subgraphs/kit/decisions/decision-values';
import { addDays } from '../subgraphs/kit/seed/random';
import type { Scenario } from '../subgraphs/kit/seed/scenarios';
import type { SyntheticPerson } from '../subgraphs/kit/seed/synthetic-person';
import type { SubgraphModule } from '../subgraphs/kit/subgraph-module';
import { marketDecisionProjection } from '../subgraphs/market/decision-store';
import { marketSubgraph } from '../subgraphs/market';
import { populationDecisionProjection } from '../subgraphs/population/decision-store';
import { populationSubgraph } from '../subgraphs/population';
import { taxDecisionProjection } from '../subgraphs/tax/decision-store';
import { taxSubgraph } from '../subgraphs/tax';
import { DB_MODES, openTestDatabases } from './support/test-databases';
import type { TestDatabases } from './support/test-databases';

const TODAY = chinaToday();

/** The fixture persons first (by scenario), then background residents. */
const SCENARIOS: Scenario[] = [
  'tax_arrears',
  'serious_dishonest',
  'legal_rep_abnormal_enterprise',
  'clean',
  'clean',
  'clean_3y',
];

function resident(index: number): SyntheticPerson {
  const birthDate = addDays('1970-01-01', Math.floor(index / 900) * 97 + index);
  return {
    index,
    id: makeCitizenId('511921', birthDate, (index % 900) + 1),
    name: `测试${index}`,
    gender: index % 2 === 0 ? 'FEMALE' : 'MALE',
    birthDate,
    householdRegion: '511921',
    householdAddress: `诺江镇${index}号`,
    householdStatus: 'ACTIVE',
    registrationIssues: [],
    registeredSince: birthDate,
    scenario: SCENARIOS[index] ?? 'background',
    seed: index * 7919 + 13,
  };
}

const PERSONS = Array.from({ length: 40 }, (_, index) => resident(index));
const personOf = (scenario: Scenario, nth = 0): string =>
  PERSONS.filter((person) => person.scenario === scenario)[nth].id;

/** Each department: its module (migrations, seed), how its tables take decisions, 双公示 or not. */
const DEPARTMENTS: [
  Pick<SubgraphModule, 'name' | 'migrationsDir' | 'seed'>,
  DecisionProjection,
  boolean,
][] = [
  [taxSubgraph, taxDecisionProjection, true],
  [courtSubgraph, courtDecisionProjection, false],
  [marketSubgraph, marketDecisionProjection, true],
  [populationSubgraph, populationDecisionProjection, false],
  [educationSubgraph, educationDecisionProjection, false],
];

const raw = (record: Record<string, string | null>) =>
  Object.entries(record).map(([field, value]) => ({ field, value }));

/** What a refused write names; fails the test if it was not refused. */
async function refusal(write: Promise<unknown>): Promise<FieldProblem[]> {
  try {
    await write;
  } catch (error) {
    if (error instanceof DecisionRefusal) return [...error.problems];
    throw error;
  }
  throw new Error('the write was not refused');
}

describe.each(DB_MODES)('decision semantics (%s)', (mode) => {
  let databases: TestDatabases;
  const writers: Record<string, DecisionWriter> = {};
  const intents: DecisionIntent[] = [];
  const author: DecisionAuthor = {
    writtenBy: 'test-recorder',
    beforeWrite: (attempted) => {
      intents.push(...attempted);
      return Promise.resolve();
    },
  };
  const db = (schema: string): Database => databases.dbs[schema];
  const kind = (dept: string, name: string) => {
    const found = findDecisionKind(dept, name);
    if (!found) throw new Error(`no kind ${dept} ${name}`);
    return found;
  };
  const record = (schema: string, dept: string, name: string, values: Record<string, string>) =>
    writers[schema].record(kind(dept, name), raw(values), author);
  const correct = (schema: string, dept: string, name: string, values: Record<string, string>) =>
    writers[schema].correct(kind(dept, name), raw(values), author);
  const revoke = (schema: string, dept: string, name: string, decisionNo: string) =>
    writers[schema].revoke(kind(dept, name), decisionNo, TODAY, author);
  /** The latest credit-feed version of a source record: its status and when that changed. */
  const feedStatus = async (schema: string, sourceRecordId: string) => {
    const [latest] = await db(schema).query<{ status: string; changedAt: string | null }>(
      `SELECT status, to_char(status_changed_at, 'YYYY-MM-DD') AS "changedAt"
       FROM ${schema}.credit_feed WHERE source_record_id = $1 ORDER BY change_seq DESC LIMIT 1`,
      [sourceRecordId],
    );
    return latest ?? null;
  };

  beforeAll(async () => {
    databases = await openTestDatabases(
      mode,
      DEPARTMENTS.map(([module]) => module.name),
    );
    for (const [module, projection, disclosureFeed] of DEPARTMENTS) {
      await migrateSubgraph(db(module.name), module);
      await module.seed?.(db(module.name), PERSONS, { asOf: TODAY });
      writers[module.name] = createDecisionWriter({
        schema: module.name,
        db: db(module.name),
        projection,
        disclosureFeed,
      });
    }
  }, 120_000);

  afterAll(async () => {
    await databases?.close();
  });

  describe('an ending ends once, and is undone when corrected or revoked', () => {
    const arrear = (personId: string, decisionNo: string) => ({
      personId,
      decisionNo,
      taxType: 'PROPERTY',
      amount: '800.00',
      since: addDays(TODAY, -60),
    });
    const arrearStatus = async (decisionNo: string) =>
      (
        await db('tax').query<{ status: string; paidAt: string | null }>(
          `SELECT status, to_char(paid_at, 'YYYY-MM-DD') AS "paidAt" FROM tax.arrears
           WHERE decision_no = $1`,
          [decisionNo],
        )
      )[0];

    it('a settlement corrected to another arrear re-opens the first and pays the second; revoked, it re-opens the second; both reach the credit feed', async () => {
      const personId = personOf('clean');
      const first = await record('tax', 'TAX', 'arrears', arrear(personId, '通税通〔2026〕8101号'));
      const second = await record(
        'tax',
        'TAX',
        'arrears',
        arrear(personId, '通税通〔2026〕8102号'),
      );
      const settlement = {
        personId,
        decisionNo: '完税〔2026〕8101号',
        arrearDecisionNo: '通税通〔2026〕8101号',
        paidAt: addDays(TODAY, -2),
      };
      expect((await record('tax', 'TAX', 'arrear-settlements', settlement)).outcome).toBe('ENDED');
      expect(await arrearStatus('通税通〔2026〕8101号')).toEqual({
        status: 'PAID',
        paidAt: addDays(TODAY, -2),
      });

      const corrected = await correct('tax', 'TAX', 'arrear-settlements', {
        ...settlement,
        arrearDecisionNo: '通税通〔2026〕8102号',
      });
      expect(corrected.outcome).toBe('CORRECTED');
      expect(await arrearStatus('通税通〔2026〕8101号')).toEqual({
        status: 'OUTSTANDING',
        paidAt: null,
      });
      expect(await arrearStatus('通税通〔2026〕8102号')).toEqual({
        status: 'PAID',
        paidAt: addDays(TODAY, -2),
      });
      expect(await feedStatus('tax', first.recordId)).toEqual({
        status: 'ACTIVE',
        changedAt: null,
      });
      expect(await feedStatus('tax', second.recordId)).toEqual({
        status: 'PERFORMED',
        changedAt: addDays(TODAY, -2),
      });

      // Entered in error: revoked, it no longer pays anything.
      expect((await revoke('tax', 'TAX', 'arrear-settlements', '完税〔2026〕8101号')).outcome).toBe(
        'REVOKED',
      );
      expect(await arrearStatus('通税通〔2026〕8102号')).toEqual({
        status: 'OUTSTANDING',
        paidAt: null,
      });
      expect(await feedStatus('tax', second.recordId)).toEqual({
        status: 'ACTIVE',
        changedAt: null,
      });
    });

    it('a second, different settlement of paid arrears is refused naming the field; the same one again is unchanged', async () => {
      const personId = personOf('clean');
      await record('tax', 'TAX', 'arrears', arrear(personId, '通税通〔2026〕8103号'));
      const settlement = {
        personId,
        decisionNo: '完税〔2026〕8103号',
        arrearDecisionNo: '通税通〔2026〕8103号',
        paidAt: addDays(TODAY, -1),
      };
      expect((await record('tax', 'TAX', 'arrear-settlements', settlement)).outcome).toBe('ENDED');
      expect((await record('tax', 'TAX', 'arrear-settlements', settlement)).outcome).toBe(
        'UNCHANGED',
      );
      expect(
        await refusal(
          record('tax', 'TAX', 'arrear-settlements', {
            ...settlement,
            decisionNo: '完税〔2026〕8104号',
          }),
        ),
      ).toEqual([
        { field: 'arrearDecisionNo', reason: 'these arrears are already paid (settled once)' },
      ]);
    });

    it('a department that cannot undo its endings has their correction and revocation refused, and the ended decision stays ended', async () => {
      const personId = personOf('clean');
      const withoutReopen = createDecisionWriter({
        schema: 'tax',
        db: db('tax'),
        projection: { apply: (tx, change) => taxDecisionProjection.apply(tx, change) },
        disclosureFeed: true,
      });
      await record('tax', 'TAX', 'arrears', arrear(personId, '通税通〔2026〕8105号'));
      const settlement = {
        personId,
        decisionNo: '完税〔2026〕8105号',
        arrearDecisionNo: '通税通〔2026〕8105号',
        paidAt: addDays(TODAY, -1),
      };
      await record('tax', 'TAX', 'arrear-settlements', settlement);
      const settlements = kind('TAX', 'arrear-settlements');
      expect(
        await refusal(withoutReopen.revoke(settlements, settlement.decisionNo, TODAY, author)),
      ).toEqual([
        { field: 'kind', reason: 'an ending of kind arrear-settlements cannot be undone' },
      ]);
      expect(
        await refusal(
          withoutReopen.correct(settlements, raw({ ...settlement, paidAt: TODAY }), author),
        ),
      ).toEqual([
        { field: 'kind', reason: 'an ending of kind arrear-settlements cannot be undone' },
      ]);
      expect((await arrearStatus('通税通〔2026〕8105号')).status).toBe('PAID');
    });

    it('a court listing is ended once; the end corrected to another listing re-lists the first; a lifting revoked re-imposes the restriction', async () => {
      const personId = personOf('serious_dishonest');
      const [seeded] = await db('court').query<{ decisionNo: string; id: string; caseNo: string }>(
        `SELECT decision_no AS "decisionNo", id, case_no AS "caseNo" FROM court.dishonest_debtors
         WHERE person_id = $1 AND status = 'LISTED' AND id LIKE 'COURT-DD-%' ORDER BY id LIMIT 1`,
        [personId],
      );
      expect(seeded.decisionNo).toBe(`${seeded.caseNo}之一`);
      const end = {
        personId,
        decisionNo: '(2026)川1921执屏1号',
        listingDecisionNo: seeded.decisionNo,
        endedAt: TODAY,
        endReason: 'PERFORMED',
      };
      // A seeded listing is found by its decision number.
      expect((await record('court', 'COURT', 'dishonest-debtor-ends', end)).outcome).toBe('ENDED');
      expect((await record('court', 'COURT', 'dishonest-debtor-ends', end)).outcome).toBe(
        'UNCHANGED',
      );
      expect(
        await refusal(
          record('court', 'COURT', 'dishonest-debtor-ends', {
            ...end,
            decisionNo: '(2026)川1921执屏2号',
            endReason: 'REVOKED',
          }),
        ),
      ).toEqual([
        { field: 'listingDecisionNo', reason: 'this listing is already ended (PERFORMED)' },
      ]);

      const second = await record('court', 'COURT', 'dishonest-debtors', {
        personId,
        decisionNo: '(2026)川1921执恢8号之一',
        caseNo: seeded.caseNo,
        listedAt: addDays(TODAY, -5),
        obligation: '给付申请执行人货款',
      });
      await correct('court', 'COURT', 'dishonest-debtor-ends', {
        ...end,
        listingDecisionNo: '(2026)川1921执恢8号之一',
      });
      expect(await feedStatus('court', seeded.id)).toEqual({ status: 'ACTIVE', changedAt: null });
      expect(await feedStatus('court', second.recordId)).toEqual({
        status: 'PERFORMED',
        changedAt: TODAY,
      });

      const [restriction] = await db('court').query<{ decisionNo: string; id: string }>(
        `SELECT decision_no AS "decisionNo", id FROM court.consumption_restrictions
         WHERE person_id = $1 AND status = 'ACTIVE' ORDER BY id LIMIT 1`,
        [personId],
      );
      await record('court', 'COURT', 'consumption-restriction-liftings', {
        personId,
        decisionNo: '(2026)川1921执解1号',
        restrictionDecisionNo: restriction.decisionNo,
        liftedAt: TODAY,
        endReason: 'PERFORMED',
      });
      expect((await feedStatus('court', restriction.id))?.status).toBe('PERFORMED');
      await revoke('court', 'COURT', 'consumption-restriction-liftings', '(2026)川1921执解1号');
      expect(await feedStatus('court', restriction.id)).toEqual({
        status: 'ACTIVE',
        changedAt: null,
      });
    });

    it('a penalty revocation revoked puts the penalty back in force on the feed and in disclosure; a revoked penalty stays withdrawn', async () => {
      const personId = personOf('clean_3y');
      const penalty = {
        personId,
        partyName: '测试当事人',
        decisionNo: '通市监处罚〔2026〕8101号',
        penaltyKind: 'WARNING',
        decidedAt: addDays(TODAY, -10),
        reason: '未按规定公示信息',
      };
      const recorded = await record('market', 'AMR', 'penalties', penalty);
      const revocation = {
        personId,
        decisionNo: '通市监撤〔2026〕8101号',
        penaltyDecisionNo: penalty.decisionNo,
        revokedAt: addDays(TODAY, -1),
      };
      await record('market', 'AMR', 'penalty-revocations', revocation);
      expect((await feedStatus('market', recorded.recordId))?.status).toBe('REVOKED');
      await revoke('market', 'AMR', 'penalty-revocations', revocation.decisionNo);
      expect(await feedStatus('market', recorded.recordId)).toEqual({
        status: 'ACTIVE',
        changedAt: null,
      });
      const [disclosed] = await db('market').query<{ statusChangedAt: string | null }>(
        `SELECT to_char(status_changed_at, 'YYYY-MM-DD') AS "statusChangedAt"
         FROM market.disclosure_feed WHERE source_record_id = $1 ORDER BY change_seq DESC LIMIT 1`,
        [recorded.recordId],
      );
      expect(disclosed.statusChangedAt).toBeNull();

      // Revoking the penalty itself withdraws it for good: undoing a revocation decision after
      // that does not bring it back.
      await record('market', 'AMR', 'penalty-revocations', {
        ...revocation,
        decisionNo: '通市监撤〔2026〕8102号',
      });
      await revoke('market', 'AMR', 'penalties', penalty.decisionNo);
      await revoke('market', 'AMR', 'penalty-revocations', '通市监撤〔2026〕8102号');
      expect((await feedStatus('market', recorded.recordId))?.status).toBe('REVOKED');
    });
    it('an integrity correction corrected to another record re-opens the first record', async () => {
      const personId = personOf('clean');
      const integrity = (decisionNo: string) => ({
        personId,
        decisionNo,
        recordKind: 'EXAM_CHEATING',
        institution: '四川省通江中学',
        decidedAt: addDays(TODAY, -20),
        description: '考试作弊',
      });
      const first = await record(
        'education',
        'EDU',
        'integrity-records',
        integrity('通教诚〔2026〕8101号'),
      );
      const second = await record(
        'education',
        'EDU',
        'integrity-records',
        integrity('通教诚〔2026〕8102号'),
      );
      const correction = {
        personId,
        decisionNo: '通教更〔2026〕8101号',
        recordDecisionNo: '通教诚〔2026〕8101号',
        correctedAt: TODAY,
        correction: 'REVOKED',
      };
      await record('education', 'EDU', 'integrity-corrections', correction);
      expect((await feedStatus('education', first.recordId))?.status).toBe('REVOKED');
      await correct('education', 'EDU', 'integrity-corrections', {
        ...correction,
        recordDecisionNo: '通教诚〔2026〕8102号',
      });
      expect(await feedStatus('education', first.recordId)).toEqual({
        status: 'ACTIVE',
        changedAt: null,
      });
      expect((await feedStatus('education', second.recordId))?.status).toBe('REVOKED');
    });
  });

  describe('abnormal-operation listings are decisions of their own', () => {
    it('an enterprise listed, removed and listed again has two listings; a removal ends the listing it names, once', async () => {
      const rep = personOf('legal_rep_abnormal_enterprise');
      const [enterprise] = await db('market').query<{ uscc: string; listingNo: string }>(
        `SELECT uscc, listing_decision_no AS "listingNo" FROM market.enterprises
         WHERE legal_rep_id = $1 AND status = 'ABNORMAL_OPERATION' ORDER BY uscc LIMIT 1`,
        [rep],
      );
      const { uscc } = enterprise;
      const standing = async () =>
        (
          await db('market').query<{ status: string; listingNo: string | null }>(
            `SELECT status, listing_decision_no AS "listingNo" FROM market.enterprises
             WHERE uscc = $1`,
            [uscc],
          )
        )[0];
      const removal = (decisionNo: string, listingDecisionNo: string) => ({
        uscc,
        decisionNo,
        listingDecisionNo,
        removedAt: TODAY,
      });
      // The seeded listing, found by its number.
      await record(
        'market',
        'AMR',
        'abnormal-operation-removals',
        removal('通市监移〔2026〕1号', enterprise.listingNo),
      );
      expect(await standing()).toEqual({ status: 'ACTIVE', listingNo: null });
      expect(await feedStatus('market', `abnormal:${uscc}:${rep}`)).toEqual({
        status: 'PERFORMED',
        changedAt: TODAY,
      });

      const listing = (decisionNo: string, reason: string) => ({
        uscc,
        decisionNo,
        listedAt: TODAY,
        reason,
        legalRepId: rep,
      });
      const again = await record(
        'market',
        'AMR',
        'abnormal-operations',
        listing('通市监异〔2026〕8101号', '通过登记的住所无法联系'),
      );
      const also = await record(
        'market',
        'AMR',
        'abnormal-operations',
        listing('通市监异〔2026〕8102号', '未按规定公示即时信息'),
      );
      // Each listing names the enterprise and its legal representative for the audit.
      expect(again.subjects).toEqual([uscc, rep]);
      expect(await feedStatus('market', `abnormal:${again.recordId}:${rep}`)).toEqual({
        status: 'ACTIVE',
        changedAt: null,
      });
      // The first listing stays removed: the second is another record.
      expect((await feedStatus('market', `abnormal:${uscc}:${rep}`))?.status).toBe('PERFORMED');

      expect(
        await refusal(
          record(
            'market',
            'AMR',
            'abnormal-operation-removals',
            removal('通市监移〔2026〕2号', enterprise.listingNo),
          ),
        ),
      ).toEqual([{ field: 'listingDecisionNo', reason: 'this listing is already removed' }]);
      await record(
        'market',
        'AMR',
        'abnormal-operation-removals',
        removal('通市监移〔2026〕3号', '通市监异〔2026〕8101号'),
      );
      expect(await standing()).toEqual({
        status: 'ABNORMAL_OPERATION',
        listingNo: '通市监异〔2026〕8102号',
      });
      expect((await feedStatus('market', `abnormal:${again.recordId}:${rep}`))?.status).toBe(
        'PERFORMED',
      );
      expect((await feedStatus('market', `abnormal:${also.recordId}:${rep}`))?.status).toBe(
        'ACTIVE',
      );

      // A legal representative the register does not hold is refused, naming the field only.
      const stranger = personOf('clean');
      const problems = await refusal(
        record('market', 'AMR', 'abnormal-operations', {
          ...listing('通市监异〔2026〕8103号', '未按规定公示即时信息'),
          legalRepId: stranger,
        }),
      );
      expect(problems).toEqual([
        { field: 'legalRepId', reason: 'not the legal representative the register holds for uscc' },
      ]);
      expect(JSON.stringify(problems)).not.toContain(stranger);
    });
  });

  describe('household changes follow their dates', () => {
    const status = async (personId: string) =>
      (
        await db('population').query<{ status: string }>(
          `SELECT household_status AS status FROM population.persons WHERE id = $1`,
          [personId],
        )
      )[0].status;
    const published = async (personId: string) =>
      (
        await db('population').query<{ status: string }>(
          `SELECT household_status AS status FROM population.register_feed WHERE person_id = $1
           ORDER BY change_seq DESC LIMIT 1`,
          [personId],
        )
      )[0]?.status;

    it('a back-dated change does not override a later one; corrected to an earlier date, the later change rules', async () => {
      const personId = personOf('clean', 1);
      const change = (decisionNo: string, householdStatus: string, changedAt: string) => ({
        personId,
        decisionNo,
        householdStatus,
        changedAt,
      });
      await record(
        'population',
        'PSB',
        'household-changes',
        change('通公户〔2026〕8101号', 'DECEASED', addDays(TODAY, -5)),
      );
      expect(await status(personId)).toBe('DECEASED');
      await record(
        'population',
        'PSB',
        'household-changes',
        change('通公户〔2026〕8102号', 'MIGRATED_OUT', addDays(TODAY, -30)),
      );
      expect(await status(personId)).toBe('DECEASED');
      expect(await published(personId)).toBe('DECEASED');

      await correct(
        'population',
        'PSB',
        'household-changes',
        change('通公户〔2026〕8101号', 'DECEASED', addDays(TODAY, -40)),
      );
      expect(await status(personId)).toBe('MIGRATED_OUT');
      expect(await published(personId)).toBe('MIGRATED_OUT');

      // Same date: the change recorded later rules.
      await record(
        'population',
        'PSB',
        'household-changes',
        change('通公户〔2026〕8100号', 'ACTIVE', addDays(TODAY, -30)),
      );
      expect(await status(personId)).toBe('ACTIVE');
    });

    it('a change corrected to another person gives the first back the status they had', async () => {
      const [first, second] = [personOf('clean_3y'), personOf('tax_arrears')];
      await record('population', 'PSB', 'household-changes', {
        personId: first,
        decisionNo: '通公户〔2026〕8201号',
        householdStatus: 'DECEASED',
        changedAt: addDays(TODAY, -3),
      });
      intents.length = 0;
      const corrected = await correct('population', 'PSB', 'household-changes', {
        personId: second,
        decisionNo: '通公户〔2026〕8201号',
        householdStatus: 'DECEASED',
        changedAt: addDays(TODAY, -3),
      });
      expect([await status(first), await status(second)]).toEqual(['ACTIVE', 'DECEASED']);
      // The audit names both: the first sees in their own audit view that it was changed.
      expect(intents.map((intent) => intent.subjects)).toEqual([[first, second]]);
      expect(corrected.subjects).toEqual([first, second]);
    });
  });

  describe('seeded decisions are found by their number', () => {
    it('an arrear the seed holds, sent again, is unchanged; with another amount it is refused naming the field; nothing is added', async () => {
      const personId = personOf('tax_arrears');
      const [seeded] = await db('tax').query<{
        decisionNo: string;
        taxType: string;
        amount: number;
        since: string;
      }>(
        `SELECT decision_no AS "decisionNo", tax_type AS "taxType", amount::float8 AS amount,
           to_char(since, 'YYYY-MM-DD') AS since
         FROM tax.arrears WHERE person_id = $1 ORDER BY id LIMIT 1`,
        [personId],
      );
      const count = async () =>
        (await db('tax').query<{ n: number }>(`SELECT count(*)::int AS n FROM tax.arrears`))[0].n;
      const before = await count();
      const values = {
        personId,
        decisionNo: seeded.decisionNo,
        taxType: seeded.taxType,
        amount: seeded.amount.toFixed(2),
        since: seeded.since,
      };
      expect((await record('tax', 'TAX', 'arrears', values)).outcome).toBe('UNCHANGED');
      expect(await refusal(record('tax', 'TAX', 'arrears', { ...values, amount: '1.00' }))).toEqual(
        [
          {
            field: 'amount',
            reason:
              'this decision is already recorded with a different amount (correct it explicitly)',
          },
        ],
      );
      expect(await count()).toBe(before);
    });

    it('a seeded court listing sent again under its number is unchanged, with another obligation refused', async () => {
      const personId = personOf('serious_dishonest');
      const [seeded] = await db('court').query<{
        decisionNo: string;
        caseNo: string;
        listedAt: string;
        obligation: string;
      }>(
        `SELECT decision_no AS "decisionNo", case_no AS "caseNo",
           to_char(listed_at, 'YYYY-MM-DD') AS "listedAt", obligation
         FROM court.dishonest_debtors WHERE person_id = $1 AND id LIKE 'COURT-DD-%'
         ORDER BY id LIMIT 1`,
        [personId],
      );
      const values = { personId, ...seeded };
      expect((await record('court', 'COURT', 'dishonest-debtors', values)).outcome).toBe(
        'UNCHANGED',
      );
      expect(
        (
          await refusal(
            record('court', 'COURT', 'dishonest-debtors', { ...values, obligation: '另一义务' }),
          )
        ).map((problem) => problem.field),
      ).toEqual(['obligation']);
    });
  });

  it('a correction to another person is audited under both', async () => {
    const [first, second] = [personOf('clean'), personOf('clean', 1)];
    const decisionNo = '通税通〔2026〕8301号';
    const values = {
      personId: first,
      decisionNo,
      taxType: 'DEED',
      amount: '50.00',
      since: addDays(TODAY, -9),
    };
    await record('tax', 'TAX', 'arrears', values);
    intents.length = 0;
    const corrected = await correct('tax', 'TAX', 'arrears', { ...values, personId: second });
    expect(intents).toEqual([{ subjects: [first, second], kind: 'arrears', decisionNo }]);
    expect(corrected.subjects).toEqual([first, second]);
  });
});
