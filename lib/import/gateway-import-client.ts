import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DecisionKind } from '../decision-kinds';
import type { ImportBatchResult } from './import-batch-result';
import { ImportGatewayError } from './import-gateway-error';
import type { ImportRow } from './import-row';

/** Options of {@link createGatewayImportClient}. */
export interface GatewayImportClientOptions {
  /** Base URL of the gateway (GraphQL at `/`), e.g. http://127.0.0.1:4000. */
  gatewayUrl: string;
  /** Bearer token of the department's `system` client. */
  token: string;
  /** X-Case-Ref: the matter the import serves (办件编号). */
  caseRef: string;
  /** X-Purpose; default DATA_ENTRY. */
  purpose?: string;
  /** Folder of the trusted documents; default operations/ of this repository. */
  operationsDir?: string;
  /** Attempts per batch on a network error, a 5xx or a 429; default 4. */
  attempts?: number;
  /** Longest single wait between attempts, in ms; default 10,000. */
  maxBackoffMs?: number;
}

/** Sends one batch; resolves with what the server did with it. */
export type SendBatch = (rows: ImportRow[], dryRun: boolean) => Promise<ImportBatchResult>;

interface GraphQLResponse {
  data?: Record<string, ImportBatchResult | null> | null;
  errors?: { message: string; extensions?: { code?: string; ruleId?: string } }[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends batches to the kind's `<subgraph>Import` mutation through the gateway, as a `system`
 * client: by the sha256 of the trusted document (operations/<subgraph>-import.graphql), since
 * system clients may run nothing else. Network errors, 5xx and 429 are retried (the server is
 * idempotent per decision number, so a batch sent twice writes nothing twice); a 401, a 403, a
 * refused operation or a malformed answer stops the import with ImportGatewayError.
 */
export function createGatewayImportClient(
  kind: DecisionKind,
  options: GatewayImportClientOptions,
): SendBatch {
  const documentPath = join(
    options.operationsDir ?? join(__dirname, '..', '..', 'operations'),
    `${kind.subgraph}-import.graphql`,
  );
  const sha256Hash = createHash('sha256').update(readFileSync(documentPath)).digest('hex');
  const url = new URL('/', options.gatewayUrl).toString();
  const attempts = options.attempts ?? 4;
  const maxBackoffMs = options.maxBackoffMs ?? 10_000;
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${options.token}`,
    'x-purpose': options.purpose ?? 'DATA_ENTRY',
    'x-case-ref': options.caseRef,
  };

  async function post(
    body: string,
  ): Promise<{ status: number; json: GraphQLResponse; retryAfter: number }> {
    const response = await fetch(url, { method: 'POST', headers, body });
    const text = await response.text();
    let json: GraphQLResponse = {};
    try {
      json = JSON.parse(text) as GraphQLResponse;
    } catch {
      json = { errors: [{ message: text.slice(0, 200) || response.statusText }] };
    }
    return {
      status: response.status,
      json,
      retryAfter: Number(response.headers.get('retry-after') ?? 0),
    };
  }

  return async (rows, dryRun) => {
    const body = JSON.stringify({
      variables: { kind: kind.kind, rows, dryRun },
      extensions: { persistedQuery: { version: 1, sha256Hash } },
    });
    let lastProblem = '';
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      let answer: Awaited<ReturnType<typeof post>>;
      try {
        answer = await post(body);
      } catch (error) {
        lastProblem = `gateway ${url} not reachable: ${(error as Error).cause ?? (error as Error).message}`;
        await sleep(Math.min(maxBackoffMs, 500 * 2 ** attempt));
        continue;
      }
      const { status, json, retryAfter } = answer;
      const first = json.errors?.[0];
      if (status === 429 || status >= 500) {
        lastProblem = `gateway answered ${status}: ${first?.message ?? ''}`;
        await sleep(
          Math.min(maxBackoffMs, retryAfter > 0 ? retryAfter * 1000 : 500 * 2 ** attempt),
        );
        continue;
      }
      const result = json.data?.[kind.importMutation];
      if (status === 200 && result) return result;
      const code = first?.extensions?.code;
      const rule = first?.extensions?.ruleId ? ` (rule ${first.extensions.ruleId})` : '';
      throw new ImportGatewayError(
        `gateway refused the batch (${status}${code ? ` ${code}` : ''}): ${first?.message ?? 'no answer'}${rule}`,
        status,
        code,
      );
    }
    throw new ImportGatewayError(`${lastProblem} (after ${attempts} attempts)`);
  };
}
