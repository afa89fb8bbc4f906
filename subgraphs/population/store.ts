import type { Database } from '../kit/db/database';
import { insertJsonRows } from '../kit/db/in-batches';
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

    /** Replaces all persons with `persons` (seeding), in one statement per 2,000 rows. */
    async replaceAll(persons: readonly SyntheticPerson[]): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM population.persons');
        await insertJsonRows(
          tx,
          persons.map((p) => ({
            id: p.id,
            name: p.name,
            gender: p.gender,
            birth_date: p.birthDate,
            household_region: p.householdRegion,
            household_address: p.householdAddress,
            household_status: p.householdStatus,
            registration_issues: p.registrationIssues,
          })),
          `INSERT INTO population.persons (id, name, gender, birth_date, household_region,
             household_address, household_status, registration_issues)
           SELECT id, name, gender, birth_date, household_region, household_address,
             household_status, registration_issues
           FROM jsonb_to_recordset($1::jsonb) AS x(id text, name text, gender text,
             birth_date date, household_region text, household_address text,
             household_status text, registration_issues text[])`,
        );
      });
    },
  };
}

export type PopulationStore = ReturnType<typeof createPopulationStore>;
