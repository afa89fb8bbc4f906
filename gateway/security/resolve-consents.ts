import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../gateway-context';
import type { ConsentLookup } from './consent-lookup';

/** Completes `context.caller` for `subjects`; returns errors to add to the response. */
export type ConsentPreparation = (
  context: GatewayContext,
  subjects: readonly string[],
) => Promise<readonly GraphQLError[]>;

/**
 * The caller preparation of an organisation's authorized query (授权查询): before the policy
 * decides and the gateway plans, the active consents of the operation's subjects (one list for
 * the lookup and the audit record: gateway/access/operation-subjects.ts) to the caller's
 * organisation are looked up and put into `caller.consents`, which travels to every subgraph in
 * the internal token. Other callers are left as they are.
 *
 * Fails closed: when the lookup fails the caller keeps no consents (every field that needs one is
 * denied) and the response carries a `CONSENTS_UNAVAILABLE` error saying consents could not be
 * checked.
 */
export function resolveConsents(lookup: ConsentLookup): ConsentPreparation {
  return async (context, subjects) => {
    const caller = context.caller;
    if (caller?.clientType !== 'org' || caller.purpose !== 'AUTHORIZED_QUERY' || !caller.org) {
      return [];
    }
    if (subjects.length === 0) {
      context.caller = { ...caller, consents: [] };
      return [];
    }
    try {
      const consents = await lookup(caller.org, subjects, context.requestId);
      context.caller = { ...caller, consents };
      return [];
    } catch (error) {
      context.caller = { ...caller, consents: [] };
      const reason = error instanceof Error ? error.message : String(error);
      return [
        new GraphQLError(
          "Consents could not be checked, so no field that needs the subject's consent is shown. Try again later.",
          { extensions: { code: 'CONSENTS_UNAVAILABLE', reason } },
        ),
      ];
    }
  };
}
