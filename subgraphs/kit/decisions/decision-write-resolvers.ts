import type { GraphQLFieldResolver } from 'graphql';
import { createResolverLog } from '../../../lib/audit/resolver-log';
import { ALL_DECISION_KINDS } from '../../../lib/decision-kinds/all-decision-kinds';
import type { DecisionKind } from '../../../lib/decision-kinds/decision-kind';
import { createLogger } from '../../../lib/log/create-logger';
import { badUserInput } from '../errors';
import type { BaseSubgraphContext } from '../subgraph-module';
import type { DecisionAuthor, DecisionWrite, DecisionWriter } from './create-decision-writer';
import { DecisionAuditUnavailable } from './decision-audit-unavailable';
import { importDecisionBatch } from './import-decision-batch';
import type { ImportRow } from './import-decision-batch';
import type { RawValue } from './parse-decision-values';

/** The SQLSTATE of a database error, if it is one. */
function sqlState(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  return typeof error.code === 'string' ? error.code : null;
}

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
 * grant). Every write is audited twice in the subgraph's chain, each time naming every subject (as
 * HMAC: the person or enterprise, a legal representative the kind names, and before a correction
 * whoever it was about until then), the kind and the decision number: as `ATTEMPTED` before anything is written (if the audit
 * log cannot take it, nothing is: AUDIT_UNAVAILABLE), and with what it did, an unchanged write
 * included, in the request's resolver record.
 */
export function decisionWriteResolvers(options: DecisionWriteResolverOptions): {
  Mutation: Record<string, GraphQLFieldResolver<unknown, BaseSubgraphContext>>;
} {
  const { subgraph, writer } = options;
  const now = options.now ?? (() => new Date());
  const kinds = ALL_DECISION_KINDS.filter((kind) => kind.subgraph === subgraph);
  const logger = createLogger({ service: subgraph, component: 'decision writes' });

  function kindNamed(name: unknown): DecisionKind {
    const kind = kinds.find((candidate) => candidate.kind === name);
    if (!kind) {
      throw badUserInput('kind', `not one of ${kinds.map((k) => k.kind).join(', ')}`);
    }
    return kind;
  }

  /**
   * The caller as author: what is about to be written is audited (outcome `ATTEMPTED`) before
   * anything is, and nothing is written if that fails.
   */
  function authorOf(context: BaseSubgraphContext, field: string): DecisionAuthor {
    return {
      writtenBy: context.caller.sub,
      async beforeWrite(intents) {
        const log = createResolverLog();
        for (const intent of intents) {
          for (const subject of intent.subjects) {
            log.wrote(subject, `Mutation.${field}`, {
              kind: intent.kind,
              decisionNo: intent.decisionNo,
              outcome: 'ATTEMPTED',
            });
          }
        }
        try {
          await context.appendAudit(log);
        } catch {
          throw new DecisionAuditUnavailable();
        }
      },
    };
  }

  /** What a write did, in the request's resolver record (appended as the response leaves). */
  function audit(context: BaseSubgraphContext, field: string, write: DecisionWrite): void {
    for (const subject of write.subjects) {
      context.resolverLog.wrote(subject, `Mutation.${field}`, {
        kind: write.kind,
        decisionNo: write.decisionNo,
        outcome: write.outcome,
      });
    }
  }

  const single =
    (
      field: string,
      run: (
        kind: DecisionKind,
        args: Record<string, unknown>,
        by: DecisionAuthor,
      ) => Promise<DecisionWrite>,
    ) =>
    async (_root: unknown, args: Record<string, unknown>, context: BaseSubgraphContext) => {
      const write = await run(kindNamed(args.kind), args, authorOf(context, field));
      audit(context, field, write);
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
          authorOf(context, `${subgraph}Import`),
          {
            dryRun: args.dryRun ?? false,
            now: now(),
            // The error's name and SQLSTATE only: a driver's message can quote the row's values.
            logError: (rowNumber, error) =>
              logger.error(
                {
                  requestId: context.requestId,
                  kind: args.kind,
                  rowNumber,
                  error: error instanceof Error ? error.name : typeof error,
                  code: sqlState(error),
                },
                'a decision row could not be written',
              ),
          },
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
