import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { citizenIdArg } from '../arguments';
import type { LicensingContext } from './licensing-context';

/** The names a licensing department's SDL gives its fields and types. */
export interface LicensingSchemaNames {
  /** `Query` field of the credit feed, e.g. `healthCreditFeed`. */
  feedField: string;
  /** `Query` field of the occupation feed, e.g. `healthOccupationFeed`. */
  occupationFeedField: string;
  /** `Query` field of the disclosure feed (双公示), e.g. `healthDisclosureFeed`. */
  disclosureFeedField: string;
  /** `Person` field of the department's domain, e.g. `health`. */
  personField: string;
  /** Type of that field, e.g. `HealthInfo`. */
  infoType: string;
  /** Its field listing the person's licences or registrations, e.g. `certificates`. */
  licencesField: string;
  /** Its field listing the sanctions decided against the person, e.g. `violations`. */
  sanctionsField: string;
}

/** The parent of the info type's fields: whose info it is, so each field loads only what it needs. */
interface InfoParent {
  personId: string;
}

/** Resolvers of a licensing department's subgraph under its own names. */
export function licensingResolvers(
  names: LicensingSchemaNames,
): GraphQLResolverMap<LicensingContext> {
  return {
    Query: {
      [names.feedField]: (
        _root: unknown,
        args: { after?: string | null; first?: number | null },
        context: LicensingContext,
      ) => context.store.creditFeed(args.after, args.first ?? 500),
      [names.occupationFeedField]: (
        _root: unknown,
        args: { after?: string | null; first?: number | null },
        context: LicensingContext,
      ) => context.store.occupationFeed(args.after, args.first ?? 500),
      [names.disclosureFeedField]: (
        _root: unknown,
        args: { after?: string | null; first?: number | null },
        context: LicensingContext,
      ) => context.store.disclosureFeed(args.after, args.first ?? 500),
    },
    Person: {
      // The department answers for any valid citizen id: no lookup needed to resolve it.
      __resolveReference: (reference: { id: unknown }) => ({
        id: citizenIdArg('representations.id', reference.id),
      }),
      [names.personField]: (person: { id: string }): InfoParent => ({ personId: person.id }),
    },
    [names.infoType]: {
      [names.licencesField]: (info: InfoParent, _args: unknown, context: LicensingContext) =>
        context.licencesByPerson.load(info.personId),
      [names.sanctionsField]: (info: InfoParent, _args: unknown, context: LicensingContext) =>
        context.sanctionsByPerson.load(info.personId),
    },
  };
}
