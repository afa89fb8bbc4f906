import DataLoader from 'dataloader';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { chinaToday } from '../../lib/civil-time/china-today';
import { groupByKey, oneByKey } from '../kit/group-by-key';
import type { BaseSubgraphContext } from '../kit/subgraph-module';
import { consentResolvers } from './consents/consent-resolvers';

import { disclosureResolvers } from './disclosures/resolvers';
import { measuresResolvers } from './measures/resolvers';
// --- end measures and disclosures ---
import { listResolvers } from './lists/resolvers';
import { goodConductResolvers } from './good-conduct/resolvers';

import { objectionFieldsOf, objectionResolvers } from './objections/objection-resolvers';
import type { PersonAdjustments } from './objections/types';
import { visibleRecords } from './objections/visible-records';
// --- end objections ---
import { computeScore } from './rules/compute-score';
import { subjectResolvers } from './subjects/subject-resolvers';
import { displayedRecords } from './rules/displayed-records';
import { itemPoints } from './rules/item-points';
import { levelFor } from './rules/level-for';
import type { CreditRecordData, DisplayedRecord } from './rules/types';
import type { SourceState } from './store';
import { sourcesOf } from './lists/standing-of';
import type { CreditContext, CreditServices } from './credit-context';

/** Builds the per-request context. */
export function createCreditContext(
  services: CreditServices,
  base: BaseSubgraphContext,
): CreditContext {
  const now = services.now();
  let states: Promise<SourceState[]> | undefined;

  const storedRecordsByPerson = new DataLoader<string, CreditRecordData[]>(async (ids) =>
    groupByKey(ids, await services.store.findRecords(ids), (record) => record.personId),
  );
  const adjustmentsByPerson = new DataLoader<string, PersonAdjustments>(async (ids) => {
    const rows = new Map(
      (await services.objections.findByPersons(ids)).map((row) => [row.personId.trim(), row]),
    );
    return ids.map((id) => rows.get(id) ?? { objections: [], repairs: [] });
  });
  // --- end objections ---
  return {
    ...base,
    services,
    now,
    asOf: chinaToday(now),
    // Both inner loaders batch (one statement each): this one only combines their answers.
    recordsByPerson: new DataLoader(async (ids) => {
      const [records, adjustments] = await Promise.all([
        storedRecordsByPerson.loadMany(ids),
        adjustmentsByPerson.loadMany(ids),
      ]);
      return ids.map((_id, index) => {
        const [own, adjusted] = [records[index], adjustments[index]];
        if (own instanceof Error) return own;
        if (adjusted instanceof Error) return adjusted;
        return visibleRecords(own, adjusted);
      });
    }),
    storedRecordsByPerson,
    adjustmentsByPerson,
    registerByPerson: new DataLoader(async (ids) =>
      oneByKey(ids, await services.register.findByPersons(ids), (entry) => entry.personId.trim()),
    ),
    sourceStates: () => (states ??= services.store.findSourceStates()),
    occupationsByPerson: new DataLoader(async (ids) =>
      groupByKey(ids, await services.occupations.findByPersons(ids), (row) => row.personId.trim()),
    ),
    consentsByPerson: new DataLoader(async (ids) =>
      groupByKey(ids, await services.consents.findByPersons(ids), (consent) => consent.personId),
    ),
  };
}

function toCreditRecord({ record, item, displayUntil }: DisplayedRecord) {
  return {
    id: record.id,
    catalogCode: record.catalogCode,
    category: item.category,
    sourceDept: record.sourceDept,
    // The catalog's name, never the department's text: amounts, facts and case numbers stay
    // with the department under its own rules.
    title: item.name,
    decidedAt: record.decidedAt,
    decisionNo: record.decisionNo,
    status: record.status,
    statusChangedAt: record.statusChangedAt,
    keyGroup: record.keyGroup,
    displayUntil,
  };
}

/** The credit platform's own mutations (the departments' decision writes are added at build). */
export const creditMutationResolvers = {
  ...consentResolvers.Mutation,
  ...goodConductResolvers.Mutation,
  ...objectionResolvers.Mutation,
  ...measuresResolvers.Mutation,
  collectCreditFeedsNow: (_root: unknown, _args: unknown, context: CreditContext) =>
    context.services.collectNow(),
};

export const creditResolvers: GraphQLResolverMap<CreditContext> = {
  Query: {
    ...consentResolvers.Query,
    ...subjectResolvers.Query,
    ...objectionResolvers.Query,
    ...measuresResolvers.Query,
    ...disclosureResolvers.Query,
    creditCatalog: (_root, _args, context: CreditContext) => {
      const { rules } = context.services;
      return rules.catalog.items.map((item) => ({
        ...item,
        displayMonths: item.maxDisplayMonths,
        points: itemPoints(item, rules),
      }));
    },
  },
  Mutation: creditMutationResolvers,
  Person: {
    ...consentResolvers.Person,
    // Existence is population's business: the credit platform answers for any id it is asked.
    __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
    creditRecords: async (
      person: { id: string },
      args: { keyGroup?: string | null },
      context: CreditContext,
    ) => {
      const all = await context.recordsByPerson.load(person.id);
      // An officer working on one key occupational group asks for its records only.
      const records = args.keyGroup ? all.filter((r) => r.keyGroup === args.keyGroup) : all;
      // Objections: underObjection, objection and repair of each record.
      const adjustments = await context.adjustmentsByPerson.load(person.id);
      return displayedRecords(records, context.services.rules.catalog, context.asOf).map(
        (shown) => ({
          ...toCreditRecord(shown),
          ...objectionFieldsOf(shown.record, adjustments, context.asOf),
        }),
      );
    },
    // One view across departments: each licence as its department last published it.
    occupations: (person: { id: string }, _args, context: CreditContext) =>
      context.occupationsByPerson.load(person.id),
    creditProfile: async (person: { id: string }, _args, context: CreditContext) => {
      const { rules } = context.services;
      const records = await context.recordsByPerson.load(person.id);
      const { score, breakdown } = computeScore(records, rules, context.asOf);
      const level = levelFor(score, rules);
      return {
        score,
        level: level.code,
        levelName: level.name,
        breakdown,
        computedAt: context.now.toISOString(),
        asOf: context.asOf,
        rulesVersion: rules.rulesVersion,
        // Lists: CreditProfile.lists/greenChannel load the person's records.
        personId: person.id,
      };
    },
  },
  CreditProfile: {
    ...listResolvers.CreditProfile,
    sources: (_profile, _args, context: CreditContext) => sourcesOf(context),
  },
};
