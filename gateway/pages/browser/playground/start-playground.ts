/**
 * The playground page (`/`): GraphiQL from node_modules (React, ReactDOM and GraphiQL are loaded
 * as globals before this script) with the sample tabs the gateway pre-fills, and, in development,
 * a sign-in bar: pick a department, role and client type (or a seeded resident or organisation)
 * and a purpose, and the gateway mints a short-lived token that is filled into the headers of the
 * active tab. Headers stay in the page (never persisted).
 */
import { DEPARTMENT_NAMES } from '../../../../lib/auth/department-names';
import type { Department } from '../../../../lib/auth/caller';
import { byId, h, replaceChildren } from '../dom';
import { initialLang, rememberLang, translator } from '../i18n';
import type { Lang } from '../i18n';
import { readPageConfig } from '../read-page-config';
import { devIdentities, devSignIn } from '../session';
import type { DevIdentities, DevSignInRequest } from '../session';
import { persistedFetcher } from './persisted-fetcher';
import type { PlaygroundPageConfig } from './playground-page-config';
import { PLAYGROUND_TEXTS } from './playground-texts';

declare const React: {
  createElement(type: unknown, props: Record<string, unknown> | null): unknown;
};
declare const ReactDOM: { createRoot(element: Element): { render(node: unknown): void } };
declare const GraphiQL: unknown;

const config = readPageConfig<PlaygroundPageConfig>();
const state = {
  lang: initialLang() as Lang,
  identities: undefined as DevIdentities | undefined,
  kind: 'staff' as 'staff' | 'citizen' | 'org',
  form: {
    client: 'officer',
    dept: 'NDRC',
    roles: 'officer',
    person: '',
    org: '',
    purpose: 'ADMIN_LICENSING',
    caseRef: 'CASE-2026-0001',
  },
  status: '',
  headers: config.tabs[0]?.headers ?? '{}',
  fetcher: persistedFetcher(config.trustedHashes),
};
const t = translator(PLAYGROUND_TEXTS, () => state.lang);
const root = ReactDOM.createRoot(byId('graphiql'));

function renderGraphiQL(): void {
  root.render(
    React.createElement(GraphiQL, {
      fetcher: state.fetcher,
      defaultTabs: config.tabs,
      // GraphiQL 3 starts its editors from these props, not from the first default tab.
      query: config.tabs[0]?.query,
      variables: config.tabs[0]?.variables,
      headers: state.headers,
      defaultEditorToolsVisibility: 'headers',
      // A token stays in this page only, never in localStorage.
      shouldPersistHeaders: false,
    }),
  );
}

/** The headers a request of the signed-in identity needs, as the headers editor shows them. */
function headersFor(token: string): string {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  const { purpose, caseRef } = state.form;
  if (purpose !== '') headers['X-Purpose'] = purpose;
  if (
    purpose !== '' &&
    purpose !== 'SELF_QUERY' &&
    purpose !== 'AUDIT_REVIEW' &&
    caseRef.trim() !== ''
  ) {
    headers['X-Case-Ref'] = caseRef.trim();
  }
  return JSON.stringify(headers, null, 2);
}

async function signIn(): Promise<void> {
  const { form } = state;
  const request: DevSignInRequest =
    state.kind === 'citizen'
      ? { client: 'citizen', person: form.person }
      : state.kind === 'org'
        ? { client: 'org', org: form.org }
        : { client: form.client, dept: form.dept, roles: form.roles };
  try {
    const session = await devSignIn(request);
    state.headers = headersFor(session.token);
    const expires = new Date((session.claims.exp ?? 0) * 1000).toLocaleTimeString();
    state.status = t('signedIn', { who: session.claims.sub ?? '', expires });
    renderGraphiQL();
    // A new fetcher makes GraphiQL load the schema again, now with the token in the headers.
    setTimeout(() => {
      state.fetcher = persistedFetcher(config.trustedHashes);
      renderGraphiQL();
    }, 50);
  } catch (error) {
    state.status = t('error', { message: error instanceof Error ? error.message : String(error) });
  }
  renderBar();
}

function select(
  id: string,
  value: string,
  options: [string, string][],
  onchange: (value: string) => void,
): HTMLSelectElement {
  return h(
    'select',
    { id, onchange: (event: Event) => onchange((event.target as HTMLSelectElement).value) },
    options.map(([optionValue, label]) =>
      h('option', { value: optionValue, selected: optionValue === value }, label),
    ),
  );
}

function field(label: string, control: HTMLElement): HTMLElement {
  return h('label', { class: 'field' }, h('span', {}, label), control);
}

function renderBar(): void {
  rememberLang(state.lang);
  const bar = byId('sign-in-bar');
  const lang = h(
    'button',
    {
      id: 'lang',
      onclick: () => {
        state.lang = state.lang === 'zh' ? 'en' : 'zh';
        renderBar();
      },
    },
    t('switchLang'),
  );
  if (!config.devSignIn) {
    replaceChildren(bar, h('span', { class: 'muted' }, t('prodNote')), lang);
    return;
  }
  const ids = state.identities;
  const { form } = state;
  const set = (key: keyof typeof form) => (value: string) => {
    form[key] = value;
  };
  const identityFields =
    state.kind === 'staff'
      ? [
          field(
            t('clientType'),
            select(
              'sign-in-client',
              form.client,
              (ids?.clientTypes ?? [])
                .filter((type) => !['citizen', 'org'].includes(type))
                .map((type) => [type, type]),
              set('client'),
            ),
          ),
          field(
            t('dept'),
            select(
              'sign-in-dept',
              form.dept,
              (ids?.departments ?? []).map((dept) => [
                dept.code,
                `${dept.code} ${DEPARTMENT_NAMES[dept.code as Department] ?? dept.name}`,
              ]),
              set('dept'),
            ),
          ),
          field(
            t('roles'),
            h('input', {
              id: 'sign-in-roles',
              value: form.roles,
              list: 'sign-in-role-list',
              oninput: (event: Event) => set('roles')((event.target as HTMLInputElement).value),
            }),
          ),
          h(
            'datalist',
            { id: 'sign-in-role-list' },
            (ids?.roles ?? []).map((role) => h('option', { value: role })),
          ),
        ]
      : state.kind === 'citizen'
        ? [
            field(
              t('citizen'),
              select(
                'sign-in-person',
                form.person,
                (ids?.citizens ?? []).map((citizen) => [
                  citizen.id,
                  `${citizen.scenario} · ${citizen.masked}`,
                ]),
                set('person'),
              ),
            ),
          ]
        : [
            field(
              t('org'),
              select(
                'sign-in-org',
                form.org,
                (ids?.orgs ?? []).map((org) => [org, org]),
                set('org'),
              ),
            ),
          ];
  replaceChildren(
    bar,
    h('strong', {}, t('title')),
    field(
      t('kind'),
      select(
        'sign-in-kind',
        state.kind,
        [
          ['staff', t('kindStaff')],
          ['citizen', t('kindCitizen')],
          ['org', t('kindOrg')],
        ],
        (value) => {
          state.kind = value as typeof state.kind;
          form.purpose =
            value === 'citizen'
              ? 'SELF_QUERY'
              : value === 'org'
                ? 'AUTHORIZED_QUERY'
                : form.purpose;
          renderBar();
        },
      ),
    ),
    identityFields,
    field(
      t('purpose'),
      select(
        'sign-in-purpose',
        form.purpose,
        [
          ['', t('noPurpose')],
          ...(ids?.purposes ?? []).map((purpose): [string, string] => [
            purpose.code,
            `${purpose.code} ${purpose.name}`,
          ]),
        ],
        set('purpose'),
      ),
    ),
    field(
      t('caseRef'),
      h('input', {
        id: 'sign-in-case-ref',
        value: form.caseRef,
        oninput: (event: Event) => set('caseRef')((event.target as HTMLInputElement).value),
      }),
    ),
    h('button', { class: 'primary', id: 'sign-in', onclick: () => void signIn() }, t('signIn')),
    h('span', { id: 'sign-in-status', class: 'muted' }, state.status),
    lang,
  );
}

async function start(): Promise<void> {
  renderGraphiQL();
  renderBar();
  if (!config.devSignIn) return;
  try {
    state.identities = await devIdentities();
    state.form.person = state.identities.citizens[0]?.id ?? '';
    state.form.org = state.identities.orgs[0] ?? '';
  } catch (error) {
    state.status = t('error', { message: error instanceof Error ? error.message : String(error) });
  }
  renderBar();
}

void start();
