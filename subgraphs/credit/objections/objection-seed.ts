import type { Database } from '../../kit/db/database';
import { addDays } from '../../kit/seed/random';
import type { SyntheticPerson } from '../../kit/seed/synthetic-person';
import { addWorkingDays } from './add-working-days';
import { createObjectionStore } from './objection-store';
import type { NewObjection, NewRepair } from './objection-store';
import type { WorkingCalendar } from './types';

/**
 * Replaces the platform's objections and repairs for a freshly seeded county (asOf = ISO date):
 * - every `under_objection` person has an OPEN objection to their AMR_PENALTY record, filed 5
 *   days before asOf, due after the calendar's working days;
 * - every `repaired` person has an APPROVED repair of their TAX_ARREARS record, applied 30 days
 *   and decided by TAX 20 days before asOf (the record is ~8 months old, past its minimum);
 * - every `repaired_penalty` person has an APPROVED repair of their AMR_PENALTY (paid), likewise;
 * - every `objection_upheld` person has an objection to their AMR_PENALTY record, filed 20 days
 *   before asOf and UPHELD with REMOVED by AMR 5 days before asOf.
 * The seed runs before the collector has collected any record and cannot know the departments'
 * record ids, so these are claims by (person, source department, catalog code): they apply to the
 * matching record whenever it arrives (objections/record-adjustment.ts).
 */
export async function seedObjections(
  db: Database,
  persons: readonly SyntheticPerson[],
  asOf: string,
  calendar: WorkingCalendar,
): Promise<void> {
  const filedOn = addDays(asOf, -5);
  const due = addWorkingDays(calendar, filedOn, calendar.objectionDueWorkingDays);
  const objections: NewObjection[] = persons
    .filter((person) => person.scenario === 'under_objection')
    .map((person) => ({
      personId: person.id,
      sourceDept: 'AMR',
      sourceRecordId: null,
      catalogCode: 'AMR_PENALTY',
      reason: '处罚决定认定的经营者并非本人，本人已于处罚前注销该个体工商户。',
      filedBy: `citizen-${person.id}`,
      filedOn,
      dueOn: due.date,
      dueOnProvisional: due.provisional,
    }));
  // objection_upheld: filed 20 days ago, upheld by AMR 5 days ago, the record removed.
  const upheldOn = addDays(asOf, -20);
  const upheldDue = addWorkingDays(calendar, upheldOn, calendar.objectionDueWorkingDays);
  objections.push(
    ...persons
      .filter((person) => person.scenario === 'objection_upheld')
      .map(
        (person): NewObjection => ({
          personId: person.id,
          sourceDept: 'AMR',
          sourceRecordId: null,
          catalogCode: 'AMR_PENALTY',
          reason: '处罚决定书载明的当事人身份证号码有误，违法行为并非本人所为。',
          filedBy: `citizen-${person.id}`,
          filedOn: upheldOn,
          dueOn: upheldDue.date,
          dueOnProvisional: upheldDue.provisional,
          decision: {
            status: 'UPHELD',
            correction: 'REMOVED',
            note: '经核查，处罚对象登记错误，撤回该信息。',
            decidedOn: addDays(asOf, -5),
            decidedBy: 'seed-amr-credit-officer',
          },
        }),
      ),
  );
  const repairs: NewRepair[] = persons
    .filter((person) => person.scenario === 'repaired')
    .map((person) => ({
      personId: person.id,
      sourceDept: 'TAX',
      sourceRecordId: null,
      catalogCode: 'TAX_ARREARS',
      commitment: '本人承诺今后依法按期足额申报缴纳税款，如有违反，自愿接受相应惩戒。',
      proofOfCorrection: '欠缴税款及滞纳金已全部缴清（完税证明）。',
      appliedBy: `citizen-${person.id}`,
      appliedOn: addDays(asOf, -30),
      decision: {
        approved: true,
        note: '已缴清欠税及滞纳金，作出信用承诺，同意修复。',
        decidedOn: addDays(asOf, -20),
        decidedBy: 'seed-tax-credit-officer',
      },
    }));
  // repaired_penalty: the paid fine (200-300 days old) repaired by AMR 20 days ago.
  repairs.push(
    ...persons
      .filter((person) => person.scenario === 'repaired_penalty')
      .map(
        (person): NewRepair => ({
          personId: person.id,
          sourceDept: 'AMR',
          sourceRecordId: null,
          catalogCode: 'AMR_PENALTY',
          commitment: '本人承诺今后依法诚信经营，如有违反，自愿接受相应惩戒。',
          proofOfCorrection: '罚款已全额缴纳（缴款凭证），违法行为已整改完毕。',
          appliedBy: `citizen-${person.id}`,
          appliedOn: addDays(asOf, -30),
          decision: {
            approved: true,
            note: '已履行行政处罚并完成整改，作出信用承诺，同意修复。',
            decidedOn: addDays(asOf, -20),
            decidedBy: 'seed-amr-credit-officer',
          },
        }),
      ),
  );
  await createObjectionStore(db).replaceAll(objections, repairs);
}
