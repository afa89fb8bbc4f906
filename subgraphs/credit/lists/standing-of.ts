import type DataLoader from 'dataloader';
import type { RegisterEntry } from '../register/register-entry';
import { displayedRecords } from '../rules/displayed-records';
import { sourceCollections } from '../rules/source-collections';
import type { SourceCollectionView } from '../rules/source-collections';
import type { CreditRecordData, CreditRules } from '../rules/types';
import type { SourceState } from '../store';
import { creditStanding } from './credit-standing';
import type { CreditStanding } from './credit-standing';

/** What computing a standing needs from the credit subgraph's request context. */
export interface StandingContext {
  services: {
    rules: CreditRules;
    /** Sources every profile reports on (the credit feeds and the register), in order. */
    sourceDepts: readonly string[];
    /** The staleness bound of a source, in milliseconds. */
    staleAfterMs: (dept: string) => number;
  };
  now: Date;
  asOf: string;
  /** The records objections and repairs leave standing; one statement per batch. */
  recordsByPerson: DataLoader<string, CreditRecordData[]>;
  /** The household register standing of a person (null: unknown to it); one statement per batch. */
  registerByPerson: DataLoader<string, RegisterEntry | null>;
  sourceStates(): Promise<SourceState[]>;
}

/** The collection status of every source at the request's instant, each judged by its bound. */
export async function sourcesOf(context: StandingContext): Promise<SourceCollectionView[]> {
  return sourceCollections(
    context.services.sourceDepts,
    await context.sourceStates(),
    context.now,
    context.services.staleAfterMs,
  );
}

/**
 * The credit standing of `personId` for this request (lists, green channel, completeness): the
 * one computation behind CreditProfile.lists, CreditProfile.greenChannel and jointMeasures.
 */
export async function standingOf(
  personId: string,
  context: StandingContext,
): Promise<CreditStanding> {
  const { rules } = context.services;
  const [records, register, sources] = await Promise.all([
    context.recordsByPerson.load(personId),
    context.registerByPerson.load(personId),
    sourcesOf(context),
  ]);
  return creditStanding({
    personId,
    displayed: displayedRecords(records, rules.catalog, context.asOf),
    sources,
    register,
    rules,
    asOf: context.asOf,
  });
}
