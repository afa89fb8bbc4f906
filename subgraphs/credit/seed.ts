import { chinaDayStart } from '../../lib/civil-time/china-day-start';
import { makeUscc } from '../../lib/ids/uscc';
import type { Database } from '../kit/db/database';
import type { SyntheticPerson } from '../kit/seed/synthetic-person';
import { createConsentStore } from './consent-store';
import { loadCalendar } from './objections/load-calendar';
import { seedObjections } from './objections/objection-seed';
import { seedGoodConduct } from './good-conduct/seed-good-conduct';
import { createRegisterStore } from './register/register-store';
import { createCreditStore } from './store';

import { createDisclosureStore } from './disclosures/disclosure-store';
import { createMeasuresStore } from './measures/measures-store';
// --- end measures and disclosures ---

/**
 * The synthetic organisation every `consent_granted` person has consented to (a county lender,
 * 91 = enterprise, region 511921). `.data/fixtures.json` names it as `orgs.consented`, so demos
 * and acceptance checks can sign an `org` token for it.
 */
export const CONSENTED_ORG = makeUscc('91511921MA6CX0001');

/** What the seeded consents grant: the credit summary of the policy's named scope. */
export const SEEDED_CONSENT_SCOPES: readonly string[] = ['CREDIT_SUMMARY'];

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Resets the credit platform for a freshly seeded county: collected records and cursors are
 * cleared, because collected data comes from the departments' feeds through the collector, never
 * from the seed. Consents are the platform's own data: every `consent_granted` person gets one
 * active consent to CONSENTED_ORG, granted 7 days before `asOf` and running 365 days after it.
 */
export async function seedCredit(
  db: Database,
  persons: readonly SyntheticPerson[],
  asOf: string,
): Promise<void> {
  await createCreditStore(db).resetCollection();
  await createRegisterStore(db).resetCollection();
  // Measures and disclosures: collected decisions and checks of the old county.
  await createDisclosureStore(db).resetCollection();
  await createMeasuresStore(db).deleteAll();
  const consents = createConsentStore(db);
  await consents.deleteAll();
  // Midnight of asOf in China Standard Time: the county's calendar day.
  const day = chinaDayStart(asOf).getTime();
  await consents.insertMany(
    persons
      .filter((person) => person.scenario === 'consent_granted')
      .map((person) => ({
        personId: person.id,
        org: CONSENTED_ORG,
        scopes: SEEDED_CONSENT_SCOPES,
        grantedAt: new Date(day - 7 * DAY_MS),
        expiresAt: new Date(day + 365 * DAY_MS),
      })),
  );
  // Objections: claims that apply when the records are collected.
  await seedObjections(db, persons, asOf, loadCalendar());
  // Good conduct: the platform's own records: seeded here, never collected.
  await seedGoodConduct(db, persons, asOf);
}
