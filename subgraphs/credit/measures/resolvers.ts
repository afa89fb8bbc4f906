import { GraphQLError } from 'graphql';
import { citizenIdArg } from '../../kit/arguments';
import { badUserInput } from '../../kit/errors';
import type { BaseSubgraphContext } from '../../kit/subgraph-module';
import { sourcesOf, standingOf } from '../lists/standing-of';
import type { StandingContext } from '../lists/standing-of';
import { displayedRecords } from '../rules/displayed-records';
import { toMeasureCheckView } from './measure-check-view';
import type { MeasureCheckView } from './measure-check-view';
import type { MeasuresStore } from './measures-store';
import { selectMeasures } from './select-measures';
import type { MatterType, MeasuresCatalog, SelectedMeasure } from './types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Longest feedback note kept. */
const MAX_NOTE = 500;
/** Most open checks one `checksWithoutFeedback` answer lists. */
const MAX_OPEN_CHECKS = 500;

/** The joint measures catalog and the record of checks. */
export interface MeasuresServices {
  catalog: MeasuresCatalog;
  store: MeasuresStore;
}

/** What the measures resolvers need from the credit subgraph's request context. */
export interface MeasuresContext extends BaseSubgraphContext, StandingContext {
  services: StandingContext['services'] & { measures: MeasuresServices };
}

/** The answer of `jointMeasures`. */
interface JointMeasuresView {
  checkId: string;
  personId: string;
  matter: MatterType;
  listStatus: string;
  measures: SelectedMeasure[];
  complete: boolean;
  incompleteReasons: string[];
  staleSources: string[];
  asOf: string;
  checkedAt: string;
  measuresVersion: string;
}

/**
 * The department of the officer or system asking: the policy grants checks and feedback to
 * those clients only (joint-measures-trigger, joint-measures-feedback), whose tokens always name
 * a department, so a caller without one never gets here.
 */
function callerDept(context: MeasuresContext): string {
  const { dept } = context.caller;
  if (dept === undefined) throw new Error('joint measures reached without a department caller');
  return dept;
}

function conflict(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', argument: 'checkId' } });
}

/**
 * Joint incentive and discipline (联合奖惩, tasks 16-18): the trigger `jointMeasures` selects the
 * measures of policy/measures.yaml for the person's list and displayed records and records the
 * check; the approval system reports what it applied once (`reportMeasureFeedback`); NDRC follows
 * up checks without feedback (`checksWithoutFeedback`).
 */
export const measuresResolvers = {
  Query: {
    jointMeasures: async (
      _root: unknown,
      args: { personId: unknown; matter: MatterType },
      context: MeasuresContext,
    ): Promise<JointMeasuresView> => {
      const personId = citizenIdArg('personId', args.personId);
      const dept = callerDept(context);
      const { rules, measures } = context.services;
      // The same standing as CreditProfile.lists/greenChannel: the answers never contradict.
      const [standing, records, sources] = await Promise.all([
        standingOf(personId, context),
        context.recordsByPerson.load(personId),
        sourcesOf(context),
      ]);
      const displayed = displayedRecords(records, rules.catalog, context.asOf);
      const list = standing.listStatus;
      const selected = selectMeasures(
        measures.catalog,
        args.matter,
        list,
        new Set(displayed.map((shown) => shown.item.category)),
        standing.incentivesAllowed,
      );
      const check = await measures.store.insertCheck({
        personId,
        matter: args.matter,
        listStatus: list,
        checkedAt: context.now,
        dept,
        requestedBy: context.caller.sub,
        caseRef: context.caller.caseRef ?? null,
        measuresVersion: measures.catalog.version,
        measureCodes: selected.map((measure) => measure.code),
      });
      return {
        checkId: check.id,
        personId,
        matter: args.matter,
        listStatus: list,
        measures: selected,
        // Unknown is not clean: punishments are listed, but marked incomplete, with the reasons.
        complete: standing.complete,
        incompleteReasons: standing.incompleteReasons,
        staleSources: sources.filter((source) => source.stale).map((source) => source.dept),
        asOf: context.asOf,
        checkedAt: context.now.toISOString(),
        measuresVersion: measures.catalog.version,
      };
    },
    checksWithoutFeedback: async (
      _root: unknown,
      args: { olderThanDays: number },
      context: MeasuresContext,
    ): Promise<MeasureCheckView[]> => {
      if (!Number.isInteger(args.olderThanDays) || args.olderThanDays < 0) {
        throw badUserInput('olderThanDays', 'must be a whole number of days, 0 or more');
      }
      const before = new Date(context.now.getTime() - args.olderThanDays * DAY_MS);
      const open = await context.services.measures.store.findOpenChecks(before, MAX_OPEN_CHECKS);
      return open.map(toMeasureCheckView);
    },
  },
  Mutation: {
    reportMeasureFeedback: async (
      _root: unknown,
      args: { checkId: unknown; applied: readonly unknown[]; note?: unknown },
      context: MeasuresContext,
    ): Promise<MeasureCheckView> => {
      const dept = callerDept(context);
      const checkId = typeof args.checkId === 'string' ? args.checkId.trim() : '';
      if (!UUID.test(checkId)) throw badUserInput('checkId', 'must be a checkId of jointMeasures');
      const note =
        typeof args.note === 'string' && args.note.trim() !== '' ? args.note.trim() : null;
      if (note !== null && note.length > MAX_NOTE) {
        throw badUserInput('note', `must be at most ${MAX_NOTE} characters`);
      }
      const { store } = context.services.measures;
      const check = await store.findCheck(checkId);
      if (!check) {
        throw new GraphQLError(`No joint measures check ${checkId}.`, {
          extensions: { code: 'NOT_FOUND', argument: 'checkId' },
        });
      }
      // Only the department that made the check gets here (deny rule feedback-by-checking-dept).
      if (check.feedbackAt !== null) throw conflict(`Feedback on check ${checkId} was reported.`);
      const applied = [...new Set(args.applied.map(String))];
      const unknown = applied.filter((code) => !check.measureCodes.includes(code));
      if (unknown.length > 0) {
        throw badUserInput('applied', `not measures of this check: ${unknown.join(', ')}`);
      }
      const saved = await store.reportFeedback({
        checkId,
        dept,
        reportedBy: context.caller.sub,
        appliedCodes: applied,
        note,
        at: context.now,
      });
      // A concurrent report won between the read and the update.
      if (!saved) throw conflict(`Feedback on check ${checkId} was reported.`);
      return toMeasureCheckView(saved);
    },
  },
};
