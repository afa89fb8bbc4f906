import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { defaultPlaygroundConfig } from '../gateway/playground/default-playground-config';
import { makeCitizenId } from '../lib/ids/citizen-id';
import { populationSubgraph } from '../subgraphs/population';
import { registerSubgraph } from '../subgraphs/kit/subgraph-module';
import { startGatewayForTest } from './support/start-gateway-for-test';
import type { GatewayForTest } from './support/start-gateway-for-test';

/** Debian's chromium (apt-get install chromium); the test needs no download and no internet. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const personId = makeCitizenId('511921', '19850315', 101);

describe('GraphiQL playground in a real browser', () => {
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

    // GraphiQL introspects the schema on load, before the sample can run.
    const introspected = page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' &&
        (response.request().postData() ?? '').includes('IntrospectionQuery'),
    );
    await page.goto(system.gateway.url);
    await page.locator('.graphiql-query-editor .CodeMirror').waitFor();
    expect((await introspected).status()).toBe(200);
    // Browser-side expressions as strings: the test compiles without the DOM library.
    const editors = () =>
      page.evaluate<string[]>(
        "[...document.querySelectorAll('.CodeMirror')].map((element) => element.CodeMirror.getValue())",
      );
    const sample = defaultPlaygroundConfig(personId);
    expect(await editors()).toEqual(expect.arrayContaining([sample.query, sample.headers]));

    const answered = page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' &&
        (response.request().postData() ?? '').includes('SamplePerson'),
    );
    await page.locator('.graphiql-execute-button').click();
    const response = await answered;
    const expected = await response.json();
    const result =
      "document.querySelector('.result-window .CodeMirror')?.CodeMirror?.getValue() ?? ''";
    await page.waitForFunction(`(${result}).startsWith('{')`);
    const shown = await page.evaluate<string>(result);
    expect(JSON.parse(shown)).toEqual(expected);
    expect(response.request().headers()).toMatchObject({
      authorization: 'Bearer <paste a token from npm run token>',
      'x-purpose': 'ADMIN_LICENSING',
      'x-case-ref': 'CASE-2026-0001',
    });

    const origin = new URL(system.gateway.url).origin;
    const foreign = requests.filter((request) => !request.split(' ')[1].startsWith(`${origin}/`));
    expect({ foreign, problems }).toEqual({ foreign: [], problems: [] });
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
