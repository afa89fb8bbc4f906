import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { defaultPlaygroundConfig } from '../gateway/playground/default-playground-config';
import type { CallerIdentity } from '../lib/auth/caller';
import { makeCitizenId } from '../lib/ids/citizen-id';
import { populationSubgraph } from '../subgraphs/population';
import { registerSubgraph } from '../subgraphs/kit/subgraph-module';
import { startGatewayForTest } from './support/start-gateway-for-test';
import type { GatewayForTest } from './support/start-gateway-for-test';
import { createTestSecurity } from './support/test-security';

/** Debian's chromium (apt-get install chromium); the test needs no download and no internet. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const personId = makeCitizenId('511921', '19850315', 101);
/** A household-register officer: the default policy shows them the sample query's fields. */
const PSB_OFFICER: CallerIdentity = {
  sub: 'test-officer-psb',
  clientType: 'officer',
  dept: 'PSB',
  roles: ['officer'],
};
/** The gateway's answer to the placeholder in the pre-filled Authorization header. */
const PLACEHOLDER_REFUSAL = {
  errors: [
    {
      message: 'Authorization header must be "Bearer <token>"',
      extensions: { code: 'UNAUTHENTICATED' },
    },
  ],
};
const RESULT_EDITOR = '.result-window .CodeMirror';

describe('GraphiQL playground in a real browser', () => {
  // The default policy, as `npm start` runs it: the pasted token is an officer's, not a see-all one.
  const security = createTestSecurity();
  let system: GatewayForTest;
  let browser: Browser;

  beforeAll(async () => {
    [system, browser] = await Promise.all([
      startGatewayForTest({
        modules: [registerSubgraph(populationSubgraph)],
        persons: [
          {
            index: 1,
            id: personId,
            name: '测试1',
            gender: 'MALE',
            birthDate: '1985-03-15',
            householdRegion: '511921',
            householdAddress: '诺江镇1号',
            householdStatus: 'ACTIVE',
            registrationIssues: [],
            scenario: 'clean',
            seed: 1,
          },
        ],
        gateway: { playgroundPersonId: personId },
        security,
      }),
      chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      }),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('loads from the gateway alone, pre-fills the sample tab and shows the response of a run', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(`${request.method()} ${request.url()}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const posted = (operation: string) =>
      page.waitForResponse(
        (response) =>
          response.request().method() === 'POST' &&
          (response.request().postData() ?? '').includes(operation),
      );

    // GraphiQL introspects the schema on load with the pre-filled headers, whose token is a
    // placeholder: the gateway refuses it before any GraphQL runs.
    const introspected = posted('IntrospectionQuery');
    await page.goto(system.gateway.url);
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor();
    const refused = await introspected;
    expect({ status: refused.status(), body: await refused.json() }).toEqual({
      status: 401,
      body: PLACEHOLDER_REFUSAL,
    });
    // Browser-side expressions as strings: the test compiles without the DOM library.
    const editors = () =>
      page.evaluate<string[]>(
        "[...document.querySelectorAll('.CodeMirror')].map((element) => element.CodeMirror.getValue())",
      );
    const sample = defaultPlaygroundConfig(personId);
    expect(await editors()).toEqual(expect.arrayContaining([sample.query, sample.headers]));

    /** Runs the tab and returns what the gateway answered and what the page shows of it. */
    const run = async () => {
      // The pane may still show the failed introspection: clear it to see this run's own output.
      await page.evaluate(`document.querySelector('${RESULT_EDITOR}').CodeMirror.setValue('')`);
      const answered = posted('SamplePerson');
      await page.locator('.graphiql-execute-button').click();
      const response = await answered;
      const result = `document.querySelector('${RESULT_EDITOR}')?.CodeMirror?.getValue() ?? ''`;
      await page.waitForFunction(`(${result}).startsWith('{')`);
      return {
        response,
        returned: (await response.json()) as unknown,
        shown: JSON.parse(await page.evaluate<string>(result)) as unknown,
      };
    };

    const placeholder = await run();
    expect(placeholder.shown).toEqual(placeholder.returned);
    expect({ status: placeholder.response.status(), body: placeholder.returned }).toEqual({
      status: 401,
      body: PLACEHOLDER_REFUSAL,
    });
    expect(placeholder.response.request().headers()).toMatchObject({
      authorization: 'Bearer <paste a token from npm run token>',
      'x-purpose': 'ADMIN_LICENSING',
      'x-case-ref': 'CASE-2026-0001',
    });

    // What a developer does next: paste a real token (here a PSB officer's) and run again.
    const token = (await security.userHeaders(PSB_OFFICER)).authorization.replace('Bearer ', '');
    const headers = sample.headers.replace('<paste a token from npm run token>', token);
    // The headers editor is the one showing the pre-filled headers.
    await page.evaluate(
      `[...document.querySelectorAll('.CodeMirror')].find((element) => element.CodeMirror.getValue() === ${JSON.stringify(sample.headers)}).CodeMirror.setValue(${JSON.stringify(headers)})`,
    );
    const pasted = await run();
    expect(pasted.shown).toEqual(pasted.returned);
    expect({ status: pasted.response.status(), body: pasted.returned }).toEqual({
      status: 200,
      body: {
        data: {
          person: {
            id: personId,
            name: '测试1',
            gender: 'MALE',
            birthDate: '1985-03-15',
            householdRegion: '511921',
            householdStatus: 'ACTIVE',
          },
        },
      },
    });
    expect(pasted.response.request().headers()).toMatchObject({
      authorization: `Bearer ${token}`,
      'x-purpose': 'ADMIN_LICENSING',
      'x-case-ref': 'CASE-2026-0001',
    });

    // With the token the schema loads too (GraphiQL's re-fetch button reads the headers editor).
    const reintrospected = posted('IntrospectionQuery');
    await page.locator('[aria-label="Re-fetch GraphQL schema"]').click();
    const schema = await reintrospected;
    const { data } = (await schema.json()) as { data: { __schema: { queryType: unknown } } };
    expect({ status: schema.status(), queryType: data.__schema.queryType }).toEqual({
      status: 200,
      queryType: { name: 'Query' },
    });

    const origin = new URL(system.gateway.url).origin;
    const foreign = requests.filter((request) => !request.split(' ')[1].startsWith(`${origin}/`));
    // The only errors are the browser's notes on the refused requests (introspection, tried
    // with and without subscriptions, and the placeholder run).
    const refusedLoad =
      'Failed to load resource: the server responded with a status of 401 (Unauthorized)';
    expect({ foreign, problems }).toEqual({
      foreign: [],
      problems: [refusedLoad, refusedLoad, refusedLoad],
    });
    const local = [...new Set(requests.map((request) => request.replace(origin, '')))];
    expect(local.sort()).toEqual(
      [
        'GET /',
        'GET /playground/graphiql-3.8.2/graphiql.min.css',
        'GET /playground/react-18.3.1/react.production.min.js',
        'GET /playground/react-dom-18.3.1/react-dom.production.min.js',
        'GET /playground/graphiql-3.8.2/graphiql.min.js',
        'GET /playground/start-playground.js',
        'POST /',
      ].sort(),
    );
  });
});
