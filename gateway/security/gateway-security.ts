import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Caller } from '../../lib/auth/caller';
import {
  GATEWAY_ISSUER,
  INTERNAL_CONTEXT_HEADER,
  signInternalToken,
} from '../../lib/auth/internal-token';
import type { KeyStore } from '../../lib/auth/key-store';
import { HttpError } from '../../lib/http/http-error';
import type { Policy } from '../../lib/policy/types';
import { readPurpose } from '../auth/read-purpose';
import type { UserTokenVerifier } from '../auth/verify-user-token';
import type { GatewayContext } from '../gateway-context';
import { operationSubjects } from '../access/operation-subjects';
import { useAuditLog } from '../plugins/use-audit-log';
import { usePolicyCheck } from '../plugins/use-policy-check';
import { resolveReferences } from '../access/resolve-references';
import { CONSENT_LOOKUP_ROLE, createConsentLookup } from './consent-lookup';
import { resolveConsents } from './resolve-consents';
import type { AuditStoreHealth, AuditWriter } from '../../lib/audit/audit-writer';
import { refusalAuditRecord } from '../limits/refusal-audit-record';
import type { GateRefusal } from '../limits/request-gate';
import { auditTimeoutBudget } from './audit-timeout-budget';
import { SUBJECT_LOOKUP_ROLE, createSubjectLookup } from './subject-lookup';

/** Options of {@link createGatewaySecurity}. */
export interface GatewaySecurityOptions {
  /** Verifies `Authorization: Bearer <JWT>` (see verify-user-token.ts). */
  verifyUserToken: UserTokenVerifier;
  /** Holds the gateway's internal signing key (`gateway-internal`). */
  keys: KeyStore;
  policy: Policy;
  /** Introspection for every client (development); default false: `developer` clients only. */
  openIntrospection?: boolean;
  /** The gateway's audit chain; required in production (startGateway refuses to start without). */
  audit?: AuditWriter;
  /** Subgraph keeping citizens' consents (URL from bindSubgraphUrls); default `credit`. */
  consentSubgraph?: string;
  /**
   * How long the gateway's record of an operation still waits for the audit store after a
   * subgraph of it answered AUDIT_UNAVAILABLE (that subgraph already waited its full timeout);
   * default 250 ms.
   */
  auditGraceMs?: number;
  /** Subgraph that tells whose data an id names (`subjectsOf`); default `credit`. */
  subjectSubgraph?: string;
}

/** The gateway options that make it the only door: context, per-fetch headers and plugins. */
export interface GatewaySecurity {
  context(req: IncomingMessage, base: GatewayContext): Promise<GatewayContext>;
  subgraphHeaders(context: GatewayContext, subgraph: string): Promise<Record<string, string>>;
  plugins: ApolloServerPlugin<GatewayContext>[];
  /** The policy every operation is decided by (the executor enforces it: gateway/access). */
  policy: Policy;
  /** Whether every operation is written to the audit log. */
  audited: boolean;
  /** The gateway's audit chain when audited (its queue and commits are exported as metrics). */
  auditWriter?: AuditWriter;
  /** Writes the audit record of a request the request gate refused (no-op when unaudited). */
  recordRefusal(context: GatewayContext, refusal: GateRefusal): Promise<void>;
  /** Whether the audit store takes writes now (undefined when unaudited). */
  auditHealth(timeoutMs?: number): Promise<AuditStoreHealth | undefined>;
  /**
   * Tells security where the subgraphs answer (name -> URL, filled while the supergraph loads);
   * the consent lookup calls the consent subgraph there. startGateway calls it once.
   */
  bindSubgraphUrls?(urls: ReadonlyMap<string, string>): void;
}

/**
 * Authenticates every request (401 before any GraphQL runs), reads its purpose and case, checks
 * the operation against the policy before planning, and signs a short-lived internal context
 * token per subgraph fetch (audience = that subgraph), which is all a subgraph trusts. For an
 * organisation's AUTHORIZED_QUERY it first looks up the subjects' consents (resolve-consents.ts).
 */
export function createGatewaySecurity(options: GatewaySecurityOptions): GatewaySecurity {
  let subgraphUrls: ReadonlyMap<string, string> | undefined;
  const consentSubgraph = options.consentSubgraph ?? 'credit';
  const lookup = createConsentLookup({
    keys: options.keys,
    subgraph: consentSubgraph,
    url: () => subgraphUrls?.get(consentSubgraph),
  });
  const subjectSubgraph = options.subjectSubgraph ?? 'credit';
  const subjectLookup = createSubjectLookup({
    keys: options.keys,
    subgraph: subjectSubgraph,
    url: () => subgraphUrls?.get(subjectSubgraph),
  });
  const consents = resolveConsents(lookup);
  return {
    async context(req, base) {
      const identity = await options.verifyUserToken(req.headers.authorization);
      // The lookup roles open every consent and tell whose any record is: only the gateway
      // holds them.
      for (const reserved of [CONSENT_LOOKUP_ROLE, SUBJECT_LOOKUP_ROLE]) {
        if (identity.roles.includes(reserved)) {
          throw new HttpError(
            401,
            `token role ${reserved} is reserved to the gateway itself`,
            'UNAUTHENTICATED',
          );
        }
      }
      const declared = readPurpose(identity, req.headers);
      // No consents until the operation is known: the policy check's prepareCaller adds those
      // of its subjects for an organisation's AUTHORIZED_QUERY (fail closed meanwhile).
      const caller: Caller = { ...identity, ...declared, consents: [] };
      const mode = String(req.headers['x-authz-mode'] ?? 'partial').toLowerCase();
      if (mode !== 'reject' && mode !== 'partial') {
        throw new GraphQLError('X-Authz-Mode must be "partial" (default) or "reject".', {
          extensions: { code: 'BAD_USER_INPUT', header: 'X-Authz-Mode', http: { status: 400 } },
        });
      }
      return { ...base, caller, authzMode: mode };
    },
    async subgraphHeaders(context, subgraph) {
      if (!context.caller) throw new Error('subgraph fetch before authentication');
      const { privateKey } = await options.keys.keyPair('gateway-internal');
      const token = await signInternalToken(context.caller, {
        audience: subgraph,
        requestId: context.requestId,
        issuer: GATEWAY_ISSUER,
        key: privateKey,
      });
      return { [INTERNAL_CONTEXT_HEADER]: token };
    },
    plugins: [
      usePolicyCheck({
        policy: options.policy,
        openIntrospection: options.openIntrospection ?? false,
        // Whose data the ids name first: their persons are subjects whose consents count too.
        prepare: async (context, analysis) => [
          ...(await resolveReferences(analysis, subjectLookup, context.requestId)),
          ...(await consents(context, operationSubjects(analysis))),
        ],
      }),
      ...(options.audit
        ? [
            useAuditLog({
              writer: auditTimeoutBudget(options.audit, options.auditGraceMs ?? 250),
              policyVersion: options.policy.version,
            }),
          ]
        : []),
    ],
    audited: options.audit !== undefined,
    auditWriter: options.audit,
    async recordRefusal(context, refusal) {
      const record = refusalAuditRecord(context, refusal, options.policy.version);
      if (!options.audit || !record) return;
      // The refusal stands either way: nothing was read, so nothing is returned unrecorded.
      await options.audit.append(record).catch((error: unknown) => {
        console.warn(
          `audit: refusal ${refusal.code} of request ${context.requestId} not recorded: ${String(error)}`,
        );
      });
    },
    auditHealth: async (timeoutMs) => options.audit?.health(timeoutMs),
    policy: options.policy,
    bindSubgraphUrls(urls) {
      subgraphUrls = urls;
    },
  };
}
