import type DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { badUserInput } from '../../kit/errors';
import type { BaseSubgraphContext } from '../../kit/subgraph-module';
import { displayedRecords } from '../rules/displayed-records';
import type { CreditRecordData, CreditRules } from '../rules/types';
import { addWorkingDays } from './add-working-days';
import type { ObjectionStore } from './objection-store';
import { toObjectionView, toRepairView } from './objection-view';
import type { ObjectionView, RepairView } from './objection-view';
import { recordAdjustment } from './record-adjustment';
import { repairRefusal } from './repair-refusal';
import type { PersonAdjustments, WorkingCalendar } from './types';

/** Longest reason, commitment, proof or note accepted (characters). */
const MAX_TEXT = 2000;

/** What the objection resolvers need from the credit subgraph's request context. */
export interface ObjectionContext extends BaseSubgraphContext {
  services: {
    objections: ObjectionStore;
    calendar: WorkingCalendar;
    rules: CreditRules;
    /** Operator log (one line per event, no personal data). */
    log: (line: string) => void;
  };
  /** `now` as an ISO date in China Standard Time. */
  asOf: string;
  /** Objections and repairs of a person, history included; one statement per batch. */
  adjustmentsByPerson: DataLoader<string, PersonAdjustments>;
}

function text(argument: string, value: unknown): string {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed === '') throw badUserInput(argument, 'must not be empty');
  if (trimmed.length > MAX_TEXT) throw badUserInput(argument, `at most ${MAX_TEXT} characters`);
  return trimmed;
}

function notFound(what: string, argument: string): GraphQLError {
  return new GraphQLError(`No ${what}.`, { extensions: { code: 'NOT_FOUND', argument } });
}

/**
 * The record an objection or repair application is about. Who may act on which record is the
 * policy's (citizen-objections-repairs and ndrc-objections-repairs grant the mutations; the deny
 * rule objections-on-own-records-only keeps citizens to their own records, a missing id read
 * alike), decided before this runs.
 */
async function recordArg(context: ObjectionContext, recordId: unknown): Promise<CreditRecordData> {
  const id = typeof recordId === 'string' ? recordId.trim() : '';
  const record = id === '' ? undefined : await context.services.objections.findRecord(id);
  if (!record) throw notFound(`credit record ${id}`, 'recordId');
  return record;
}

/** The record must be on display today and not removed or repaired. */
function requireDisplayed(
  context: ObjectionContext,
  record: CreditRecordData,
  adjustments: PersonAdjustments,
): void {
  const hidden = recordAdjustment(record, adjustments).hiddenBy;
  const shown = displayedRecords([record], context.services.rules.catalog, context.asOf);
  if (hidden !== null || shown.length === 0) {
    throw badUserInput('recordId', `record ${record.id} is not on display on ${context.asOf}`);
  }
}

/**
 * Objections (异议) and credit repairs (信用修复), issue 5: filing and applying by the citizen
 * (or NDRC on their behalf), deciding by the record's source department, and NDRC's list of
 * overdue objections.
 */
export const objectionResolvers = {
  Query: {
    overdueObjections: async (
      _root: unknown,
      args: { asOf?: unknown },
      context: ObjectionContext,
    ): Promise<ObjectionView[]> => {
      let asOf = context.asOf;
      if (args.asOf !== undefined && args.asOf !== null) {
        const value = String(args.asOf);
        const date = new Date(`${value}T00:00:00Z`);
        if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
          throw badUserInput('asOf', 'must be an ISO date yyyy-mm-dd');
        }
        asOf = value;
      }
      const overdue = await context.services.objections.findOverdue(asOf);
      return overdue.map(({ objection, recordId }) => toObjectionView(objection, asOf, recordId));
    },
  },
  Mutation: {
    fileObjection: async (
      _root: unknown,
      args: { recordId: unknown; reason: unknown },
      context: ObjectionContext,
    ): Promise<ObjectionView> => {
      const record = await recordArg(context, args.recordId);
      const reason = text('reason', args.reason);
      const adjustments = await context.adjustmentsByPerson.load(record.personId);
      requireDisplayed(context, record, adjustments);
      const open = recordAdjustment(record, adjustments);
      if (open.underObjection) {
        throw badUserInput(
          'recordId',
          `record ${record.id} already has an open objection (${open.objection?.id}, due ${open.objection?.dueOn})`,
        );
      }
      const { calendar } = context.services;
      const due = addWorkingDays(calendar, context.asOf, calendar.objectionDueWorkingDays);
      const saved = await context.services.objections.insertObjection({
        personId: record.personId,
        sourceDept: record.sourceDept,
        sourceRecordId: record.sourceRecordId,
        catalogCode: null,
        reason,
        filedBy: context.caller.sub,
        filedOn: context.asOf,
        dueOn: due.date,
        dueOnProvisional: due.provisional,
      });
      if (!saved) {
        throw badUserInput('recordId', `record ${record.id} already has an open objection`);
      }
      if (due.provisional) {
        // The operator must add the holiday notice; the objection ids say which dates may move.
        context.services.log(
          `credit: objection ${saved.id} filed ${context.asOf} is due ${due.date} PROVISIONALLY: ` +
            `working-day calendar ${calendar.version} has no confirmed holidays for part of the ` +
            'period (weekends and fixed-date statutory holidays assumed; policy/calendar.yaml)',
        );
      }
      return toObjectionView(saved, context.asOf);
    },

    decideObjection: async (
      _root: unknown,
      args: { objectionId: unknown; outcome: unknown; correction?: unknown; note: unknown },
      context: ObjectionContext,
    ): Promise<ObjectionView> => {
      const id = typeof args.objectionId === 'string' ? args.objectionId.trim() : '';
      const objection = await context.services.objections.findObjection(id);
      // Only the record's source department gets here (deny rule decisions-by-source-dept-only).
      if (!objection) throw notFound(`objection ${id}`, 'objectionId');
      if (objection.status !== 'OPEN') {
        throw badUserInput(
          'objectionId',
          `objection ${id} was already decided ${objection.status}`,
        );
      }
      const upheld = args.outcome === 'UPHELD';
      const correction = args.correction ?? null;
      if (upheld && correction !== 'CORRECTED' && correction !== 'REMOVED') {
        throw badUserInput('correction', 'an UPHELD objection needs CORRECTED or REMOVED');
      }
      if (!upheld && correction !== null) {
        throw badUserInput('correction', 'a REJECTED objection leaves the record as it is');
      }
      const decided = await context.services.objections.decideObjection(id, {
        status: upheld ? 'UPHELD' : 'REJECTED',
        correction: correction === 'CORRECTED' || correction === 'REMOVED' ? correction : null,
        note: text('note', args.note),
        decidedOn: context.asOf,
        decidedBy: context.caller.sub,
      });
      if (!decided) throw badUserInput('objectionId', `objection ${id} was already decided`);
      return toObjectionView(decided, context.asOf);
    },

    applyForRepair: async (
      _root: unknown,
      args: { recordId: unknown; commitment: unknown; proofOfCorrection: unknown },
      context: ObjectionContext,
    ): Promise<RepairView> => {
      const record = await recordArg(context, args.recordId);
      const commitment = text('commitment', args.commitment);
      const proofOfCorrection = text('proofOfCorrection', args.proofOfCorrection);
      const adjustments = await context.adjustmentsByPerson.load(record.personId);
      requireDisplayed(context, record, adjustments);
      const item = context.services.rules.catalog.byCode.get(record.catalogCode);
      const refusal = repairRefusal(record, item, context.asOf);
      if (refusal !== null) {
        throw new GraphQLError(`Invalid argument recordId: ${refusal.message}`, {
          extensions: { code: 'BAD_USER_INPUT', argument: 'recordId', ...refusal.extensions },
        });
      }
      if (recordAdjustment(record, adjustments).repair?.status === 'PENDING') {
        throw badUserInput(
          'recordId',
          `record ${record.id} already has a pending repair application`,
        );
      }
      const saved = await context.services.objections.insertRepair({
        personId: record.personId,
        sourceDept: record.sourceDept,
        sourceRecordId: record.sourceRecordId,
        catalogCode: null,
        commitment,
        proofOfCorrection,
        appliedBy: context.caller.sub,
        appliedOn: context.asOf,
      });
      if (!saved) {
        throw badUserInput(
          'recordId',
          `record ${record.id} already has a pending repair application`,
        );
      }
      return toRepairView(saved);
    },

    decideRepair: async (
      _root: unknown,
      args: { repairId: unknown; approved: unknown; note: unknown },
      context: ObjectionContext,
    ): Promise<RepairView> => {
      const id = typeof args.repairId === 'string' ? args.repairId.trim() : '';
      const repair = await context.services.objections.findRepair(id);
      // Only the record's source department gets here (deny rule decisions-by-source-dept-only).
      if (!repair) throw notFound(`repair application ${id}`, 'repairId');
      if (repair.status !== 'PENDING') {
        throw badUserInput(
          'repairId',
          `repair application ${id} was already decided ${repair.status}`,
        );
      }
      const decided = await context.services.objections.decideRepair(id, {
        approved: args.approved === true,
        note: text('note', args.note),
        decidedOn: context.asOf,
        decidedBy: context.caller.sub,
      });
      if (!decided) throw badUserInput('repairId', `repair application ${id} was already decided`);
      return toRepairView(decided);
    },
  },
};

/** The objection fields of a displayed CreditRecord (`underObjection`, `objection`, `repair`). */
export function objectionFieldsOf(
  record: CreditRecordData,
  adjustments: PersonAdjustments,
  asOf: string,
): { underObjection: boolean; objection: ObjectionView | null; repair: RepairView | null } {
  const adjustment = recordAdjustment(record, adjustments);
  return {
    underObjection: adjustment.underObjection,
    objection: adjustment.objection && toObjectionView(adjustment.objection, asOf, record.id),
    repair: adjustment.repair && toRepairView(adjustment.repair, record.id),
  };
}
