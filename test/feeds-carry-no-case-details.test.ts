/**
 * Nothing a department records crosses to the credit platform except through the catalog: every
 * entry of every feed of the seeded county (the credit feeds of tax, court, market, education,
 * HRSS, health and justice, the licensing departments' occupation feeds, the market bureau's
 * disclosure feed and the platform's own good-conduct records) is walked, and none carries an
 * amount, a fact of a case (a penalty's reason, a debtor's obligation, an integrity record's
 * facts or school, a violation's or sanction's description, an enterprise's name, a licence
 * number or workplace) or a court case number. Titles come from the catalog's names
 * (policy/catalog.yaml), which the credit platform reads itself.
 */
import { generatePersons } from '../scripts/seed/generate-persons';
import { courtFeedHistory } from '../subgraphs/court/court-feed-entries';
import { planCourtRecords } from '../subgraphs/court/seed';
import { planGoodConduct } from '../subgraphs/credit/good-conduct/plan-good-conduct';
import { loadCatalog } from '../subgraphs/credit/rules/load-catalog';
import { educationFeedHistory } from '../subgraphs/education/education-feed-entries';
import { planEducationRecords } from '../subgraphs/education/seed';
import { marketDisclosureHistory } from '../subgraphs/market/market-disclosure-entries';
import { marketFeedHistory } from '../subgraphs/market/market-feed-entries';
import { planMarketRecords } from '../subgraphs/market/seed';
import { planTaxRecords } from '../subgraphs/tax/seed';
import { HEALTH_DISCLOSURE } from '../subgraphs/health/decision-store';
import { healthFeedHistory } from '../subgraphs/health/health-feed-entries';
import { planHealthRecords } from '../subgraphs/health/seed';
import { HRSS_DISCLOSURE } from '../subgraphs/hrss/decision-store';
import { hrssFeedHistory } from '../subgraphs/hrss/hrss-feed-entries';
import { planHrssRecords } from '../subgraphs/hrss/seed';
import { JUSTICE_DISCLOSURE } from '../subgraphs/justice/decision-store';
import { justiceFeedHistory } from '../subgraphs/justice/justice-feed-entries';
import { planJusticeRecords } from '../subgraphs/justice/seed';
import { licensingDisclosureHistory } from '../subgraphs/kit/licensing/licensing-disclosure-history';
import { occupationFeedEntry } from '../subgraphs/kit/licensing/occupation-feed-entry';
import { taxFeedHistory } from '../subgraphs/tax/tax-feed-entries';

const AS_OF = '2025-06-30';
const PERSONS = generatePersons({ count: 3000, seed: 2018, asOf: AS_OF });
const CATALOG = loadCatalog();

const tax = planTaxRecords(PERSONS, AS_OF);
const court = planCourtRecords(PERSONS, AS_OF);
const market = planMarketRecords(PERSONS, AS_OF);
const education = planEducationRecords(PERSONS, AS_OF);
const hrss = planHrssRecords(PERSONS, AS_OF);
const health = planHealthRecords(PERSONS, AS_OF);
const justice = planJusticeRecords(PERSONS, AS_OF);
const licensing = [hrss, health, justice];
const names = new Map(PERSONS.map((person) => [person.id, person.name]));

const FEEDS = {
  TAX: taxFeedHistory(tax),
  COURT: courtFeedHistory(court),
  AMR: marketFeedHistory(market),
  EDU: educationFeedHistory(education),
  HRSS: hrssFeedHistory(hrss),
  HEALTH: healthFeedHistory(health),
  JUSTICE: justiceFeedHistory(justice),
};
const OCCUPATIONS = licensing.flatMap((records) => records.licences.map(occupationFeedEntry));
const DISCLOSURE_FEEDS = {
  AMR: marketDisclosureHistory(market, names),
  HRSS: licensingDisclosureHistory(hrss, names, HRSS_DISCLOSURE),
  HEALTH: licensingDisclosureHistory(health, names, HEALTH_DISCLOSURE),
  JUSTICE: licensingDisclosureHistory(justice, names, JUSTICE_DISCLOSURE),
};
const DISCLOSURES = Object.values(DISCLOSURE_FEEDS).flat();
const GOOD_CONDUCT = planGoodConduct(PERSONS, AS_OF, new Date(`${AS_OF}T00:00:00Z`));

/** Every text a department keeps about its cases, which must stay with it. */
const CASE_DETAILS = [
  ...court.cases.map((c) => c.caseNo),
  ...court.listings.flatMap((l) => [l.caseNo, l.obligation]),
  ...court.restrictions.map((r) => r.caseNo),
  ...tax.violations.map((v) => v.description),
  ...market.penalties.map((p) => p.reason),
  ...market.enterprises.map((e) => e.name),
  ...market.licenses.map((l) => l.licenseNo),
  ...education.integrityRecords.flatMap((r) => [r.description, r.institution]),
  ...licensing.flatMap((records) => [
    ...records.sanctions.map((s) => s.description),
    ...records.licences.flatMap((l) => [l.certificateNo, l.organisation]),
  ]),
];

/** Every amount the departments record, as a text would carry it. */
const AMOUNTS = [
  ...tax.arrears.map((a) => a.amount),
  ...court.cases.map((c) => c.amount),
  ...market.penalties.flatMap((p) => (p.amount === null ? [] : [p.amount])),
  ...licensing.flatMap((records) =>
    records.sanctions.flatMap((s) => (s.amount === null ? [] : [s.amount])),
  ),
].flatMap((amount) => [amount.toFixed(2), `${amount}元`]);

/** What a credit feed entry may carry. */
const CREDIT_ENTRY_KEYS = [
  'sourceRecordId',
  'personId',
  'catalogCode',
  'decidedAt',
  'decisionNo',
  'status',
  'statusChangedAt',
  'caseKey',
  'keyGroup',
];

/** The strings of an entry. */
function texts(entry: object): string[] {
  return Object.values(entry).filter((value): value is string => typeof value === 'string');
}

/** Entries one of whose strings contains one of `needles`, with the first needle found. */
function carrying(entries: readonly object[], needles: readonly string[]): [string, string][] {
  return entries.flatMap((entry) => {
    const found = needles.find((needle) => texts(entry).some((text) => text.includes(needle)));
    return found === undefined ? [] : [[JSON.stringify(entry), found] as [string, string]];
  });
}

const ALL = [...Object.values(FEEDS).flat(), ...OCCUPATIONS, ...DISCLOSURES, ...GOOD_CONDUCT];

describe('feed entries of the seeded county carry no case details', () => {
  it('walks a seed that has such details to leak', () => {
    // Sanctions of licensed professionals are rare: a few per department in 3,000 persons.
    expect(Object.values(FEEDS).map((entries) => entries.length >= 5)).toEqual(
      Object.values(FEEDS).map(() => true),
    );
    expect(OCCUPATIONS.length).toBeGreaterThan(100);
    expect(DISCLOSURES.length).toBeGreaterThan(20);
    expect(GOOD_CONDUCT.length).toBeGreaterThan(20);
    expect(CASE_DETAILS.length).toBeGreaterThan(100);
    expect(AMOUNTS.length).toBeGreaterThan(100);
  });

  it('no entry carries an amount, or anything priced in yuan', () => {
    expect(carrying(ALL, [...AMOUNTS, '元'])).toEqual([]);
  });

  it('no entry carries a fact of a case or a court case number', () => {
    expect(carrying(ALL, CASE_DETAILS)).toEqual([]);
  });

  it("a credit entry is the catalog's item, the decision's dates and number, nothing else", () => {
    for (const [dept, entries] of Object.entries(FEEDS)) {
      for (const entry of entries) {
        // The case key groups records of one case and is opaque (never the case number).
        expect(Object.keys(entry).filter((key) => !CREDIT_ENTRY_KEYS.includes(key))).toEqual([]);
        expect([entry.catalogCode, CATALOG.byCode.get(entry.catalogCode)?.sourceDept]).toEqual([
          entry.catalogCode,
          dept,
        ]);
      }
    }
    expect(FEEDS.COURT.map((entry) => entry.decisionNo)).toEqual(FEEDS.COURT.map(() => null));
    expect(GOOD_CONDUCT.every((record) => !('title' in record))).toBe(true);
  });

  it('a disclosure names its kind by the catalog, whose name is the public title', () => {
    for (const [dept, entries] of Object.entries(DISCLOSURE_FEEDS)) {
      for (const entry of entries) {
        const item = CATALOG.disclosureItems.get(entry.disclosureItem);
        expect([entry.disclosureItem, item?.kind, item?.sourceDept]).toEqual([
          entry.disclosureItem,
          entry.kind,
          dept,
        ]);
        expect(Object.keys(entry)).not.toContain('title');
      }
    }
    // The licensing departments' seeded penalties are published too (双公示).
    expect(DISCLOSURE_FEEDS.HEALTH.length + DISCLOSURE_FEEDS.JUSTICE.length).toBeGreaterThan(0);
  });
});
