import { GraphQLError } from 'graphql';
import type { CallerPreparation } from '../plugins/use-policy-check';
import type { ConsentLookup } from './consent-lookup';
import { operationSubjects } from './operation-subjects';

/**
 * The caller preparation of an organisation's authorized query (授权查询): before the policy
 * check and planning, the active consents of the operation's subjects (see operation-subjects.ts)
 * to the caller's organisation are looked up and put into `caller.consents`, which travels to
 * every subgraph in the internal token. Other callers are left as they are.
 *
 * Fails closed: when the lookup fails the caller keeps no consents (every field that needs one is
 * denied) and the response carries a `CONSENTS_UNAVAILABLE` error saying consents could not be
 * checked.
 */
export function resolveConsents(lookup: ConsentLookup): CallerPreparation {
  return async (context, document, variables) => {
    const caller = context.caller;
    if (caller?.clientType !== 'org' || caller.purpose !== 'AUTHORIZED_QUERY' || !caller.org) {
      return [];
    }
    const subjects = operationSubjects(document, variables);
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
