import type { PlaygroundConfig } from './playground-config';

/**
 * The first tab a developer sees: a person query and the headers every person query needs, with a
 * placeholder where the token from `npm run token` goes. The id sits in the query itself:
 * GraphiQL 3 ignores a default tab's variables.
 */
export function defaultPlaygroundConfig(examplePersonId: string): PlaygroundConfig {
  return {
    query: [
      '# Paste a token from `npm run token` into the Headers tab below, then press Run.',
      'query SamplePerson {',
      `  person(id: "${examplePersonId}") {`,
      '    id',
      '    name',
      '    gender',
      '    birthDate',
      '    householdRegion',
      '    householdStatus',
      '  }',
      '}',
      '',
    ].join('\n'),
    headers: JSON.stringify(
      {
        Authorization: 'Bearer <paste a token from npm run token>',
        'X-Purpose': 'ADMIN_LICENSING',
        'X-Case-Ref': 'CASE-2026-0001',
      },
      null,
      2,
    ),
  };
}
