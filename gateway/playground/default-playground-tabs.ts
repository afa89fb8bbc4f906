import { maskIdNumber } from '../../lib/policy/maskers';
import type { PlaygroundTab } from '../pages/browser/playground/playground-page-config';
import type { TrustedDocument } from '../operations/load-trusted-documents';

/** What the headers editor holds before sign-in. */
const TOKEN_PLACEHOLDER = 'Bearer <sign in above, or paste a token from npm run token>';

function headers(values: Record<string, string>): string {
  return JSON.stringify({ Authorization: TOKEN_PLACEHOLDER, ...values }, null, 2);
}

/**
 * The sample tabs a developer sees, one per kind of user, all about one seeded person: an
 * officer's profile lookup, an approval system's trusted document (sent by hash), the audit
 * team's search, and the person's own query. Ids sit in the queries themselves where they can;
 * the trusted document keeps its exact text (its hash is what the gateway knows).
 */
export function defaultPlaygroundTabs(
  personId: string,
  trustedDocuments: readonly TrustedDocument[],
): PlaygroundTab[] {
  const approval =
    trustedDocuments.find((document) => document.name === 'licensing-credit-check') ??
    trustedDocuments[0];
  const tabs: PlaygroundTab[] = [
    {
      query: [
        '# 部门人员查询 · An officer looks a person up (the credit platform, NDRC).',
        '# Sign in above (department NDRC, role officer, purpose ADMIN_LICENSING), then press Run.',
        'query OfficerProfile {',
        `  person(id: "${personId}") {`,
        '    id',
        '    name',
        '    householdStatus',
        '    creditRecords { catalogCode category title decidedAt displayUntil }',
        '    creditProfile {',
        '      score',
        '      level',
        '      breakdown { catalogCode points reason }',
        '      sources { dept lastSuccessAt stale }',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
      headers: headers({ 'X-Purpose': 'ADMIN_LICENSING', 'X-Case-Ref': 'CASE-2026-0001' }),
    },
  ];
  if (approval) {
    // The document's exact text: the playground sends it by its sha256 only, as approval
    // systems do (operations/README.md).
    tabs.push({
      query: approval.text,
      variables: JSON.stringify({ personId }, null, 2),
      headers: headers({ 'X-Purpose': 'ADMIN_LICENSING', 'X-Case-Ref': 'CASE-2026-0002' }),
    });
  }
  tabs.push(
    {
      query: [
        '# 审计检索 · The audit team searches the register by person.',
        '# Sign in above as client auditor, department AUDIT (purpose AUDIT_REVIEW is implied).',
        'query AuditorSearch {',
        `  auditEvents(filter: { subjectId: "${personId}" }, first: 10) {`,
        '    entries { recordedAt writer dept user purpose caseRef operationName fieldsDenied }',
        '    pageInfo { endCursor hasNextPage }',
        '  }',
        '}',
        '',
      ].join('\n'),
      headers: headers({}),
    },
    {
      query: [
        '# 本人查询 · The person asks about themself.',
        `# Sign in above as the resident ${maskIdNumber(personId)} (purpose SELF_QUERY is implied).`,
        'query MyCreditRecord {',
        `  person(id: "${personId}") {`,
        '    creditProfile { score level breakdown { points reason } }',
        '  }',
        '  myAccessLog(first: 10) { entries { accessedAt deptName purposeName } }',
        '}',
        '',
      ].join('\n'),
      headers: headers({}),
    },
  );
  return tabs;
}
