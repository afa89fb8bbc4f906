import type { CreditFeedEntry, CreditFeedPage } from '../kit/credit-feed-store';
import { createCreditFeedStore } from '../kit/credit-feed-store';
import type { Database } from '../kit/db/database';
import { inBatches, insertJsonRows } from '../kit/db/in-batches';
import type { DisclosureFeedEntry, DisclosureFeedPage } from '../kit/disclosure-feed-store';
import { createDisclosureFeedStore } from '../kit/disclosure-feed-store';
import type { EnterpriseRecord, MarketInfoRecord, MarketRecords } from './records';
import { SEEDED_LISTING_REASON } from './seeded-listing-reason';

/** Rows per bulk insert statement. */

const feed = createCreditFeedStore('market');
const disclosures = createDisclosureFeedStore('market');

const ENTERPRISE_COLUMNS = `uscc, name, type, to_char(registered_at, 'YYYY-MM-DD') AS "registeredAt",
  status, to_char(abnormal_since, 'YYYY-MM-DD') AS "abnormalSince",
  to_char(serious_illegal_since, 'YYYY-MM-DD') AS "seriousIllegalSince",
  listing_decision_no AS "listingDecisionNo", legal_rep_id AS "legalRepresentativeId"`;

/**
 * Everything about each asked person in ONE statement: a row per id (also for persons the bureau
 * holds nothing on), each list aggregated as JSON in its display order.
 */
const MARKET_INFO_SQL = `SELECT k.id AS "personId",
  COALESCE((SELECT json_agg(json_build_object('personId', r.person_id, 'role', r.role,
      'enterpriseUscc', r.enterprise_uscc, 'since', to_char(r.since, 'YYYY-MM-DD'),
      'until', to_char(r.until, 'YYYY-MM-DD')) ORDER BY r.since, r.enterprise_uscc, r.role)
    FROM market.enterprise_roles r WHERE r.person_id = k.id), '[]'::json) AS roles,
  COALESCE((SELECT json_agg(json_build_object('id', l.id, 'personId', l.person_id,
      'kind', l.kind, 'licenseNo', l.license_no, 'decisionNo', l.decision_no,
      'issuedAt', to_char(l.issued_at, 'YYYY-MM-DD'),
      'validUntil', to_char(l.valid_until, 'YYYY-MM-DD'), 'issuer', l.issuer,
      'status', l.status) ORDER BY l.issued_at DESC, l.id)
    FROM market.licenses l WHERE l.person_id = k.id), '[]'::json) AS licenses,
  COALESCE((SELECT json_agg(json_build_object('id', p.id, 'personId', p.person_id,
      'decisionNo', p.decision_no, 'decidedAt', to_char(p.decided_at, 'YYYY-MM-DD'),
      'kind', p.kind, 'amount', p.amount::float8, 'reason', p.reason, 'status', p.status,
      'statusChangedAt', to_char(p.status_changed_at, 'YYYY-MM-DD'),
      'simpleProcedure', p.simple_procedure) ORDER BY p.decided_at DESC, p.id)
    FROM market.penalties p WHERE p.person_id = k.id), '[]'::json) AS penalties,
  COALESCE((SELECT json_agg(json_build_object('id', h.id, 'personId', h.person_id,
      'enterpriseUscc', h.enterprise_uscc, 'decidedAt', to_char(h.decided_at, 'YYYY-MM-DD'),
      'decisionNo', h.decision_no, 'issuer', h.issuer, 'status', h.status,
      'statusChangedAt', to_char(h.status_changed_at, 'YYYY-MM-DD'))
      ORDER BY h.decided_at DESC, h.id)
    FROM market.contract_honours h WHERE h.person_id = k.id), '[]'::json) AS honours
FROM unnest($1::bpchar[]) AS k(id)`;

/** SQL of the market subgraph (schema `market`). */
export function createMarketStore(db: Database) {
  return {
    /** Roles, licences, penalties and honours of each of `personIds`, in one statement. */
    findMarketInfo(personIds: readonly string[]): Promise<MarketInfoRecord[]> {
      return db.query<MarketInfoRecord>(MARKET_INFO_SQL, [personIds]);
    },

    /** The registered enterprises among `usccs`, in one statement. */
    findEnterprises(usccs: readonly string[]): Promise<EnterpriseRecord[]> {
      return db.query<EnterpriseRecord>(
        `SELECT ${ENTERPRISE_COLUMNS} FROM market.enterprises WHERE uscc = ANY($1::bpchar[])`,
        [usccs],
      );
    },

    /** A page of the credit feed (see createCreditFeedStore). */
    creditFeed(after: string | null | undefined, first: number): Promise<CreditFeedPage> {
      return feed.page(db, after, first);
    },

    /** A page of the disclosure feed (双公示, see createDisclosureFeedStore). */
    disclosureFeed(after: string | null | undefined, first: number): Promise<DisclosureFeedPage> {
      return disclosures.page(db, after, first);
    },

    /**
     * Replaces all market data with `records`, the credit feed with `feedEntries` and the
     * disclosure feed with `disclosureEntries`, in one transaction and one statement per 2,000
     * rows. The feeds' change_seq keep counting up, so a collector's cursor never points into
     * the new feeds.
     */
    replaceAll(
      records: MarketRecords,
      feedEntries: readonly CreditFeedEntry[],
      disclosureEntries: readonly DisclosureFeedEntry[] = [],
    ): Promise<void> {
      return db.transaction(async (tx) => {
        await tx.exec(
          `DELETE FROM market.contract_honours; DELETE FROM market.enterprise_roles;
           DELETE FROM market.licenses; DELETE FROM market.penalties;
           DELETE FROM market.abnormal_listings; DELETE FROM market.enterprises; DELETE FROM market.credit_feed;
           DELETE FROM market.disclosure_feed; DELETE FROM market.decisions;
           DELETE FROM market.decision_versions;`,
        );
        await insertJsonRows(
          tx,
          records.enterprises.map((e) => ({
            uscc: e.uscc,
            name: e.name,
            type: e.type,
            registered_at: e.registeredAt,
            status: e.status,
            abnormal_since: e.abnormalSince,
            serious_illegal_since: e.seriousIllegalSince,
            listing_decision_no: e.listingDecisionNo,
            legal_rep_id: e.legalRepresentativeId,
          })),
          `INSERT INTO market.enterprises (uscc, name, type, registered_at, status, abnormal_since,
             serious_illegal_since, listing_decision_no, legal_rep_id)
           SELECT uscc, name, type, registered_at, status, abnormal_since, serious_illegal_since,
             listing_decision_no, legal_rep_id
           FROM jsonb_to_recordset($1::jsonb) AS x(uscc text, name text, type text,
             registered_at date, status text, abnormal_since date, serious_illegal_since date,
             listing_decision_no text, legal_rep_id text)`,
        );
        // The one listing the seed gives each enterprise on the abnormal-operation list, under the
        // enterprise's code (so its feed entry keeps the id the seed's feed history gave it).
        await tx.exec(
          `INSERT INTO market.abnormal_listings (id, uscc, decision_no, listed_at, reason, status)
           SELECT uscc, uscc, listing_decision_no, abnormal_since, '${SEEDED_LISTING_REASON}',
             'LISTED'
           FROM market.enterprises
           WHERE status = 'ABNORMAL_OPERATION' AND abnormal_since IS NOT NULL
             AND listing_decision_no IS NOT NULL`,
        );
        await insertJsonRows(
          tx,
          records.roles.map((r) => ({
            person_id: r.personId,
            enterprise_uscc: r.enterpriseUscc,
            role: r.role,
            since: r.since,
            until: r.until,
          })),
          `INSERT INTO market.enterprise_roles (person_id, enterprise_uscc, role, since, until)
           SELECT person_id, enterprise_uscc, role, since, until
           FROM jsonb_to_recordset($1::jsonb) AS x(person_id text, enterprise_uscc text,
             role text, since date, until date)`,
        );
        await insertJsonRows(
          tx,
          records.licenses.map((l) => ({
            id: l.id,
            person_id: l.personId,
            kind: l.kind,
            license_no: l.licenseNo,
            decision_no: l.decisionNo,
            issued_at: l.issuedAt,
            valid_until: l.validUntil,
            issuer: l.issuer,
            status: l.status,
          })),
          `INSERT INTO market.licenses (id, person_id, kind, license_no, decision_no, issued_at,
             valid_until, issuer, status)
           SELECT id, person_id, kind, license_no, decision_no, issued_at, valid_until, issuer,
             status
           FROM jsonb_to_recordset($1::jsonb) AS x(id text, person_id text, kind text,
             license_no text, decision_no text, issued_at date, valid_until date, issuer text,
             status text)`,
        );
        await insertJsonRows(
          tx,
          records.penalties.map((p) => ({
            id: p.id,
            person_id: p.personId,
            decision_no: p.decisionNo,
            decided_at: p.decidedAt,
            kind: p.kind,
            amount: p.amount,
            reason: p.reason,
            status: p.status,
            status_changed_at: p.statusChangedAt,
            simple_procedure: p.simpleProcedure,
          })),
          `INSERT INTO market.penalties (id, person_id, decision_no, decided_at, kind, amount,
             reason, status, status_changed_at, simple_procedure)
           SELECT id, person_id, decision_no, decided_at, kind, amount, reason, status,
             status_changed_at, simple_procedure
           FROM jsonb_to_recordset($1::jsonb) AS x(id text, person_id text, decision_no text,
             decided_at date, kind text, amount numeric, reason text, status text,
             status_changed_at date, simple_procedure boolean)`,
        );
        await insertJsonRows(
          tx,
          records.honours.map((h) => ({
            id: h.id,
            person_id: h.personId,
            enterprise_uscc: h.enterpriseUscc,
            decided_at: h.decidedAt,
            decision_no: h.decisionNo,
            issuer: h.issuer,
            status: h.status,
            status_changed_at: h.statusChangedAt,
          })),
          `INSERT INTO market.contract_honours (id, person_id, enterprise_uscc, decided_at,
             decision_no, issuer, status, status_changed_at)
           SELECT id, person_id, enterprise_uscc, decided_at, decision_no, issuer, status,
             status_changed_at
           FROM jsonb_to_recordset($1::jsonb) AS x(id text, person_id text,
             enterprise_uscc text, decided_at date, decision_no text, issuer text, status text,
             status_changed_at date)`,
        );
        await inBatches(feedEntries, (batch) => feed.append(tx, batch));
        await inBatches(disclosureEntries, (batch) => disclosures.append(tx, batch));
      });
    },
  };
}

export type MarketStore = ReturnType<typeof createMarketStore>;

/** Inserts `rows` with `sql` (which reads them from `$1::jsonb`), 2,000 rows per statement. */
