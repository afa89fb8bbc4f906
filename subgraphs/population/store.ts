import type { Database } from '../kit/db/database';
import { insertJsonRows } from '../kit/db/in-batches';
import { feedPage, feedPageQuery } from '../kit/feed-page';
import type { SyntheticPerson } from '../kit/seed/synthetic-person';

/** A row of population.persons as the resolvers see it. */
export interface PersonRecord {
  id: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  householdRegion: string;
  householdAddress: string;
  householdStatus: string;
  registrationIssues: string[];
}

const PERSON_COLUMNS = `id, name, gender, to_char(birth_date, 'YYYY-MM-DD') AS "birthDate",
  household_region AS "householdRegion", household_address AS "householdAddress",
  household_status AS "householdStatus", registration_issues AS "registrationIssues"`;

/** A version of a person's register standing on the register feed (`RegisterFeedEntry`). */
export interface RegisterFeedEntry {
  personId: string;
  householdStatus: string;
  registrationIssues: string[];
  /** ISO date the registration in the county began; null when not known. */
  registeredSince: string | null;
  changeSeq: string;
}

/** SQL of the population subgraph (schema `population`). */
export function createPopulationStore(db: Database) {
  return {
    /** The registered persons among `ids`, in one statement. */
    findPersons(ids: readonly string[]): Promise<PersonRecord[]> {
      return db.query<PersonRecord>(
        `SELECT ${PERSON_COLUMNS} FROM population.persons WHERE id = ANY($1::text[])`,
        [ids],
      );
    },

    /**
     * Replaces all persons with `persons` (seeding), and the register feed with one version per
     * person in the same transaction (the feed never disagrees with the register), in one
     * statement per 2,000 rows each.
     */
    async replaceAll(persons: readonly SyntheticPerson[]): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM population.persons');
        await tx.query('DELETE FROM population.register_feed');
        await tx.exec(
          'DELETE FROM population.decisions; DELETE FROM population.decision_versions;',
        );
        const rows = persons.map((p) => ({
          id: p.id,
          name: p.name,
          gender: p.gender,
          birth_date: p.birthDate,
          household_region: p.householdRegion,
          household_address: p.householdAddress,
          household_status: p.householdStatus,
          registration_issues: p.registrationIssues,
          registered_since: p.registeredSince,
        }));
        await insertJsonRows(
          tx,
          rows,
          `INSERT INTO population.persons (id, name, gender, birth_date, household_region,
             household_address, household_status, registration_issues, registered_since)
           SELECT id, name, gender, birth_date, household_region, household_address,
             household_status, registration_issues, registered_since
           FROM jsonb_to_recordset($1::jsonb) AS x(id text, name text, gender text,
             birth_date date, household_region text, household_address text,
             household_status text, registration_issues text[], registered_since date)`,
        );
        await insertJsonRows(
          tx,
          rows,
          `INSERT INTO population.register_feed (person_id, household_status,
             registration_issues, registered_since)
           SELECT id, household_status, registration_issues, registered_since
           FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (id text, household_status text,
             registration_issues text[], registered_since date)) WITH ORDINALITY AS
             x(id, household_status, registration_issues, registered_since, ordinality)
           ORDER BY ordinality`,
        );
      });
    },

    /** Register feed entries after `after` (a change_seq, exclusive), oldest first. */
    async registerFeed(after: string | null | undefined, first: number) {
      const { cursor, limit } = feedPageQuery(after, first);
      const rows = await db.query<RegisterFeedEntry>(
        `SELECT change_seq::text AS "changeSeq", person_id AS "personId",
           household_status AS "householdStatus", registration_issues AS "registrationIssues",
           to_char(registered_since, 'YYYY-MM-DD') AS "registeredSince"
         FROM population.register_feed WHERE change_seq > $1::bigint
         ORDER BY change_seq LIMIT $2`,
        [cursor, limit],
      );
      return feedPage(rows, cursor, first);
    },
  };
}

export type PopulationStore = ReturnType<typeof createPopulationStore>;
