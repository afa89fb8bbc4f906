import type DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import type { Policy } from '../../../lib/policy/types';
import { citizenIdListArg, usccArg } from '../../kit/arguments';
import { badUserInput } from '../../kit/errors';
import type { BaseSubgraphContext } from '../../kit/subgraph-module';
import type { ConsentData, ConsentStore } from '../consent-store';
import { consentExpiryArg } from './consent-expiry';
import { consentScopesArg } from './consent-scopes';
import { toConsentView } from './consent-view';
import type { ConsentView } from './consent-view';

/** The most subjects one consent lookup may name (as many as `persons(ids)` accepts). */
export const MAX_LOOKUP_PERSONS = 500;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the consent resolvers need from the credit subgraph's request context. */
export interface ConsentContext extends BaseSubgraphContext {
  services: {
    consents: ConsentStore;
    /** The access policy the subgraph enforces: scopes are validated against it. */
    policy: Policy;
  };
  /** The request's instant. */
  now: Date;
  /** Every consent of a person (history included), newest first; one statement per batch. */
  consentsByPerson: DataLoader<string, ConsentData[]>;
}

/** One active consent as the gateway puts it into the caller (ConsentGrant). */
interface ConsentGrantEntry {
  personId: string;
  scopes: string[];
  expiresAt: string;
}

interface GrantConsentInput {
  org: unknown;
  scopes: readonly unknown[];
  expiresAt: unknown;
}

/**
 * The citizen the mutation acts for: always the caller's own person (from the token, never an
 * argument). The policy grants the mutations to citizens only (citizen-manage-consents), and a
 * citizen's token always names their person, so a caller without one never gets here.
 */
function ownPerson(context: ConsentContext): string {
  const { personId } = context.caller;
  if (personId === undefined) throw new Error('consent mutation reached without a citizen caller');
  return personId;
}

/**
 * Consents (授权查询, task 11): citizens grant and revoke them for their own person and list them
 * on `Person.consents`; the gateway reads the active ones of an operation's subjects with
 * `activeConsentsForOrg` before it plans an organisation's AUTHORIZED_QUERY.
 */
export const consentResolvers = {
  Query: {
    activeConsentsForOrg: async (
      _root: unknown,
      args: { org: unknown; personIds: readonly unknown[] },
      context: ConsentContext,
    ): Promise<ConsentGrantEntry[]> => {
      const org = usccArg('org', args.org);
      const personIds = [
        ...new Set(citizenIdListArg('personIds', args.personIds, MAX_LOOKUP_PERSONS)),
      ];
      if (personIds.length === 0) return [];
      const active = await context.services.consents.findActiveForOrg(org, personIds, context.now);
      return active.map((consent) => ({
        personId: consent.personId,
        scopes: consent.scopes,
        expiresAt: consent.expiresAt.toISOString(),
      }));
    },
  },
  Mutation: {
    grantConsent: async (
      _root: unknown,
      args: { input: GrantConsentInput },
      context: ConsentContext,
    ): Promise<ConsentView> => {
      const personId = ownPerson(context);
      const { input } = args;
      const org = usccArg('org', input.org);
      const scopes = consentScopesArg(context.services.policy, 'scopes', input.scopes);
      const expiresAt = consentExpiryArg('expiresAt', input.expiresAt, context.now);
      const saved = await context.services.consents.insert({
        personId,
        org,
        scopes,
        grantedAt: context.now,
        expiresAt,
      });
      return toConsentView(saved, context.now);
    },
    revokeConsent: async (
      _root: unknown,
      args: { id: unknown },
      context: ConsentContext,
    ): Promise<ConsentView> => {
      const personId = ownPerson(context);
      const id = typeof args.id === 'string' ? args.id.trim() : '';
      if (!UUID.test(id)) throw badUserInput('id', 'must be the id of one of your consents');
      const revoked = await context.services.consents.revoke(id, personId, context.now);
      if (!revoked) {
        // The deny rule consents-revoked-by-their-person refuses another's (or a missing) id
        // before this runs; the store still only ever revokes the caller's own.
        throw new GraphQLError(`You have no consent ${id}.`, {
          extensions: { code: 'NOT_FOUND', argument: 'id' },
        });
      }
      return toConsentView(revoked, context.now);
    },
  },
  Person: {
    consents: async (
      person: { id: string },
      _args: unknown,
      context: ConsentContext,
    ): Promise<ConsentView[]> => {
      const consents = await context.consentsByPerson.load(person.id);
      return consents.map((consent) => toConsentView(consent, context.now));
    },
  },
};
