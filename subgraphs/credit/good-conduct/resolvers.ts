import type { CreditContext } from '../credit-context';
import { displayUntil } from '../rules/display-until';
import { goodConductArgs } from './good-conduct-args';
import type { RecordGoodConductArgs } from './good-conduct-args';

/**
 * `recordGoodConduct`: an officer of the deciding bureau (CIVIL for volunteer service and charity,
 * NDRC for model-worker honours) records a good-conduct decision on the credit platform. The
 * policy grants the mutation to CIVIL and NDRC officers (record-good-conduct) and refuses a kind
 * another bureau decides (deny rule good-conduct-by-deciding-bureau) before this runs.
 */
export const goodConductResolvers = {
  Mutation: {
    recordGoodConduct: async (
      _root: unknown,
      args: RecordGoodConductArgs,
      context: CreditContext,
    ) => {
      const { rules, goodConduct } = context.services;
      const input = goodConductArgs(args, rules.catalog, context.asOf);
      const record = await goodConduct.insert({
        sourceDept: input.dept,
        personId: input.personId,
        catalogCode: input.kind,
        decidedAt: input.decidedAt,
        decisionNo: input.decisionNo,
        recordedBy: context.caller.sub,
        recordedAt: context.now,
      });
      const item = rules.catalog.byCode.get(record.catalogCode);
      return {
        ...record,
        title: item?.name,
        category: item?.category,
        displayUntil: item ? displayUntil(record, item) : null,
      };
    },
  },
};
