import type { GraphQLFieldResolver } from 'graphql';
import { ALL_DECISION_KINDS } from '../../../lib/decision-kinds/all-decision-kinds';
import type { DecisionKind } from '../../../lib/decision-kinds/decision-kind';
import { badUserInput } from '../errors';
import type { BaseSubgraphContext } from '../subgraph-module';
import type { DecisionWrite, DecisionWriter } from './create-decision-writer';
import { importDecisionBatch } from './import-decision-batch';
import type { ImportRow } from './import-decision-batch';
import type { RawValue } from './parse-decision-values';

/** Options of {@link decisionWriteResolvers}. */
export interface DecisionWriteResolverOptions {
  /** The subgraph's name: its mutations are `<subgraph>Import`, `<subgraph>RecordDecision`, .... */
  subgraph: string;
  /** The department's writer over this request's database. */
  writer: DecisionWriter;
  /** Clock; default `() => new Date()`. */
  now?: () => Date;
}

/**
 * The Mutation resolvers of a department's decision writes (SDL `# @include decision-writes` and
 * the subgraph's own Mutation fields). Who may call them is decided by the policy alone (the
 * shield refuses everyone the `<dept>-recorders` / `<dept>-recording-systems` rules do not
 * grant); every decision written is put in the request's resolver log, so the audit record names
 * the subject (as HMAC), the kind, the decision number and what happened.
 */
export function decisionWriteResolvers(options: DecisionWriteResolverOptions): {
  Mutation: Record<string, GraphQLFieldResolver<unknown, BaseSubgraphContext>>;
} {
  const { subgraph, writer } = options;
  const now = options.now ?? (() => new Date());
  const kinds = ALL_DECISION_KINDS.filter((kind) => kind.subgraph === subgraph);

  function kindNamed(name: unknown): DecisionKind {
    const kind = kinds.find((candidate) => candidate.kind === name);
    if (!kind) {
      throw badUserInput('kind', `not one of ${kinds.map((k) => k.kind).join(', ')}`);
    }
    return kind;
  }

  function audit(context: BaseSubgraphContext, field: string, write: DecisionWrite): void {
    context.resolverLog.wrote(write.subject, `Mutation.${field}`, {
      kind: write.kind,
      decisionNo: write.decisionNo,
      outcome: write.outcome,
    });
  }

  const single =
    (
      field: string,
      run: (
        kind: DecisionKind,
        args: Record<string, unknown>,
        by: string,
      ) => Promise<DecisionWrite>,
    ) =>
    async (_root: unknown, args: Record<string, unknown>, context: BaseSubgraphContext) => {
      const write = await run(kindNamed(args.kind), args, context.caller.sub);
      if (write.outcome !== 'UNCHANGED') audit(context, field, write);
      return write;
    };

  return {
    Mutation: {
      [`${subgraph}Import`]: async (
        _root: unknown,
        args: { kind: string; rows: ImportRow[]; dryRun?: boolean | null },
        context: BaseSubgraphContext,
      ) => {
        const outcome = await importDecisionBatch(
          writer,
          kindNamed(args.kind),
          args.rows,
          context.caller.sub,
          { dryRun: args.dryRun ?? false, now: now() },
        );
        for (const write of outcome.writes) audit(context, `${subgraph}Import`, write);
        return outcome;
      },
      [`${subgraph}RecordDecision`]: single(`${subgraph}RecordDecision`, (kind, args, by) =>
        writer.record(kind, args.values as RawValue[], by),
      ),
      [`${subgraph}CorrectDecision`]: single(`${subgraph}CorrectDecision`, (kind, args, by) =>
        writer.correct(kind, args.values as RawValue[], by),
      ),
      [`${subgraph}RevokeDecision`]: single(`${subgraph}RevokeDecision`, (kind, args, by) =>
        writer.revoke(kind, String(args.decisionNo), String(args.revokedAt), by),
      ),
    },
  };
}
