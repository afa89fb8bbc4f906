/**
 * The audit console (`/audit/`): the audit team searches the query register by person,
 * department, officer, purpose, case and time, opens a record to see every field with the rule
 * that decided it, reviews the alerts of unusual access, exports a search, and checks that no
 * audit chain was altered. Every request goes to the gateway that served the page, as GraphQL
 * with the auditor's token; nothing is kept in storage but the language.
 */
import { DEPARTMENTS, PURPOSES } from '../../../../lib/auth/caller';
import { DEPARTMENT_NAMES } from '../../../../lib/auth/department-names';
import { byId, h, replaceChildren } from '../dom';
import { downloadText } from '../download';
import { formatInstant, localDay } from '../format';
import { describeErrors, graphql } from '../graphql';
import type { GraphQLResult } from '../graphql';
import { initialLang, rememberLang, translator } from '../i18n';
import type { Lang } from '../i18n';
import { readPageConfig } from '../read-page-config';
import { devSignIn } from '../session';
import type { Session } from '../session';
import { tokenForm } from '../token-form';
import { toCsv, toJsonLines } from './audit-export';
import { AUDIT_ALERTS, AUDIT_EVENTS, CHAIN_STATUS } from './audit-queries';
import type {
  AuditAlertsData,
  AuditEvent,
  AuditEventsData,
  AuditFilter,
  ChainState,
  ChainStatusData,
} from './audit-queries';
import { AUDIT_TEXTS } from './audit-texts';

/** Records per page of the result list. */
const PAGE_SIZE = 50;
/** Largest export: 20 pages of the API's largest page (500). */
const MAX_EXPORT = 10_000;

type Tab = 'search' | 'alerts' | 'chain';

const state = {
  lang: initialLang() as Lang,
  session: undefined as Session | undefined,
  tab: 'search' as Tab,
  filter: {} as AuditFilter,
  events: [] as AuditEvent[],
  cursor: null as string | null,
  hasMore: false,
  selected: undefined as AuditEvent | undefined,
  alertsRange: { from: localDay(-7), to: localDay(1) },
  message: '',
};

const t = translator(AUDIT_TEXTS, () => state.lang);
const config = readPageConfig();

function headers(): Record<string, string> {
  return state.session ? { authorization: `Bearer ${state.session.token}` } : {};
}

async function ask<T>(query: string, variables: Record<string, unknown>): Promise<T | undefined> {
  const result: GraphQLResult<T> = await graphql<T>(query, variables, headers());
  if (result.errors?.length) {
    state.message = t('error', { message: describeErrors(result.errors) });
    if (result.status === 401) state.session = undefined;
  }
  return result.data ?? undefined;
}

function cleanFilter(filter: AuditFilter): AuditFilter {
  return Object.fromEntries(
    Object.entries(filter)
      .map(([key, value]) => [key, typeof value === 'string' ? value.trim() : value])
      .filter(([, value]) => value !== undefined && value !== ''),
  ) as AuditFilter;
}

async function search(filter: AuditFilter): Promise<void> {
  state.filter = cleanFilter(filter);
  state.selected = undefined;
  state.message = '';
  const data = await ask<AuditEventsData>(AUDIT_EVENTS, { filter: state.filter, first: PAGE_SIZE });
  state.events = data?.auditEvents.entries ?? [];
  state.cursor = data?.auditEvents.pageInfo.endCursor ?? null;
  state.hasMore = data?.auditEvents.pageInfo.hasNextPage ?? false;
  render();
}

async function loadMore(): Promise<void> {
  const data = await ask<AuditEventsData>(AUDIT_EVENTS, {
    filter: state.filter,
    first: PAGE_SIZE,
    after: state.cursor,
  });
  state.events.push(...(data?.auditEvents.entries ?? []));
  state.cursor = data?.auditEvents.pageInfo.endCursor ?? state.cursor;
  state.hasMore = data?.auditEvents.pageInfo.hasNextPage ?? false;
  render();
}

async function exportSearch(format: 'jsonl' | 'csv'): Promise<void> {
  const status = byId('export-status');
  const all: AuditEvent[] = [];
  let after: string | null = null;
  for (;;) {
    const data: AuditEventsData | undefined = await ask<AuditEventsData>(AUDIT_EVENTS, {
      filter: state.filter,
      first: 500,
      after,
    });
    if (!data) break;
    all.push(...data.auditEvents.entries);
    status.textContent = t('exporting', { n: all.length });
    after = data.auditEvents.pageInfo.endCursor;
    if (!data.auditEvents.pageInfo.hasNextPage || all.length >= MAX_EXPORT) break;
  }
  const events = all.slice(0, MAX_EXPORT);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  if (format === 'jsonl') {
    downloadText(`audit-events-${stamp}.jsonl`, toJsonLines(events), 'application/x-ndjson');
  } else {
    downloadText(`audit-events-${stamp}.csv`, `\ufeff${toCsv(events)}`, 'text/csv');
  }
  status.textContent =
    all.length >= MAX_EXPORT
      ? t('exportCapped', { n: events.length })
      : t('exported', { n: events.length });
}

// ------------------------------------------------------------------------------------ sign-in

async function signInAsDemoAuditor(): Promise<void> {
  try {
    state.session = await devSignIn({ client: 'auditor', dept: 'AUDIT', roles: 'auditor' });
    state.message = '';
  } catch (error) {
    state.message = t('error', { message: error instanceof Error ? error.message : String(error) });
  }
  render();
}

function signInView(): HTMLElement {
  return h(
    'section',
    { class: 'card sign-in', id: 'sign-in' },
    h('h2', {}, t('signInTitle')),
    config.devSignIn
      ? [
          h('p', { class: 'note' }, t('devNote')),
          h(
            'button',
            { class: 'primary', id: 'dev-sign-in', onclick: () => void signInAsDemoAuditor() },
            t('devSignIn'),
          ),
        ]
      : null,
    tokenForm(
      { label: t('tokenLabel'), submit: t('tokenSubmit'), invalid: t('tokenInvalid') },
      (session) => {
        state.session = session;
        render();
      },
    ),
  );
}

// ------------------------------------------------------------------------------------- search

function field(label: string, control: HTMLElement): HTMLElement {
  return h('label', { class: 'field' }, h('span', {}, label), control);
}

function searchForm(): HTMLElement {
  const f = state.filter;
  const input = (name: keyof AuditFilter, type = 'text') =>
    h('input', { name, type, value: f[name] ?? '', autocomplete: 'off' });
  const deptSelect = h(
    'select',
    { name: 'dept' },
    h('option', { value: '' }, t('anyDept')),
    DEPARTMENTS.map((code) =>
      h('option', { value: code, selected: f.dept === code }, `${code} ${DEPARTMENT_NAMES[code]}`),
    ),
  );
  const purposeSelect = h(
    'select',
    { name: 'purpose' },
    h('option', { value: '' }, t('anyPurpose')),
    Object.entries(PURPOSES).map(([code, name]) =>
      h('option', { value: code, selected: f.purpose === code }, `${code} ${name}`),
    ),
  );
  const kindSelect = h(
    'select',
    { name: 'kind' },
    h('option', { value: '' }, t('anyKind')),
    (['OPERATION', 'RESOLVER'] as const).map((kind) =>
      h('option', { value: kind, selected: f.kind === kind }, t(`kind${kind}`)),
    ),
  );
  const form = h(
    'form',
    {
      class: 'search-form',
      id: 'search-form',
      onsubmit: (event: Event) => {
        event.preventDefault();
        const data = new FormData(form);
        const filter: AuditFilter = {};
        for (const [key, value] of data.entries()) {
          (filter as Record<string, string>)[key] = String(value);
        }
        void search(filter);
      },
    },
    field(t('subjectId'), input('subjectId')),
    field(t('dept'), deptSelect),
    field(t('user'), input('user')),
    field(t('purpose'), purposeSelect),
    field(t('caseRef'), input('caseRef')),
    field(t('from'), input('from', 'date')),
    field(t('to'), input('to', 'date')),
    field(t('requestId'), input('requestId')),
    field(t('kind'), kindSelect),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', id: 'search' }, t('search')),
    ),
  );
  return form;
}

/** At most three items, then how many more (a resolver log may name hundreds of persons). */
function shortList(values: readonly string[]): string {
  if (values.length === 0) return '—';
  return values.length <= 3
    ? values.join(', ')
    : `${values.slice(0, 3).join(', ')} +${values.length - 3}`;
}

function resultLabel(result: string | null): HTMLElement {
  return h('span', { class: `badge result-${(result ?? 'none').toLowerCase()}` }, result ?? '—');
}

function eventsTable(): HTMLElement {
  if (state.events.length === 0) return h('p', { class: 'empty' }, t('noEvents'));
  return h(
    'table',
    { class: 'events', id: 'events' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        [
          'colTime',
          'colWriter',
          'colKind',
          'colDept',
          'colUser',
          'colPurpose',
          'colCaseRef',
          'colOperation',
          'colSubjects',
          'colResult',
        ].map((key) => h('th', {}, t(key as Parameters<typeof t>[0]))),
      ),
    ),
    h(
      'tbody',
      {},
      state.events.map((event) =>
        h(
          'tr',
          {
            class: state.selected === event ? 'event selected' : 'event',
            tabindex: 0,
            'data-request-id': event.requestId ?? '',
            onclick: () => {
              state.selected = event;
              render();
            },
            onkeydown: (e: Event) => {
              if ((e as KeyboardEvent).key === 'Enter') {
                state.selected = event;
                render();
              }
            },
          },
          h('td', {}, formatInstant(event.recordedAt)),
          h('td', {}, `${event.writer} #${event.seq}`),
          h('td', {}, t(`kind${event.kind}`)),
          h('td', {}, event.dept ?? '—'),
          h('td', {}, event.user ?? '—'),
          h(
            'td',
            {},
            event.purpose
              ? `${event.purpose} ${PURPOSES[event.purpose as keyof typeof PURPOSES] ?? ''}`
              : '—',
          ),
          h('td', {}, event.caseRef ?? '—'),
          h('td', {}, event.operationName ?? '—'),
          h('td', { title: event.subjects.join(', ') }, shortList(event.subjects)),
          h('td', {}, resultLabel(event.result)),
        ),
      ),
    ),
  );
}

function list(values: readonly string[]): HTMLElement {
  return values.length === 0
    ? h('span', { class: 'muted' }, t('none'))
    : h(
        'ul',
        { class: 'plain' },
        values.map((value) => h('li', {}, h('code', {}, value))),
      );
}

function detailView(event: AuditEvent): HTMLElement {
  const rows: [string, string | null][] = [
    [t('colTime'), formatInstant(event.recordedAt)],
    [t('colWriter'), `${event.writer} #${event.seq}`],
    [t('requestId'), event.requestId],
    [t('colDept'), event.dept],
    [t('colUser'), event.user],
    ['clientType', event.clientType],
    ['roles', event.roles.join(', ')],
    ['org', event.org],
    [t('colPurpose'), event.purpose],
    [t('colCaseRef'), event.caseRef],
    [t('colOperation'), event.operationName],
    ['documentHash', event.documentHash],
    [t('colSubjects'), event.subjects.join(', ')],
    [t('colResult'), event.result],
    ['error', event.error],
    ['policyVersion', event.policyVersion],
    ['latencyMs', event.latencyMs === null ? null : String(event.latencyMs)],
  ];
  return h(
    'section',
    { class: 'card detail', id: 'event-detail' },
    h(
      'header',
      { class: 'detail-head' },
      h('h2', {}, t('detailTitle')),
      event.requestId
        ? h(
            'button',
            {
              id: 'same-request',
              onclick: () => void search({ requestId: event.requestId ?? undefined }),
            },
            t('sameRequest'),
          )
        : null,
      h(
        'button',
        {
          onclick: () => {
            state.selected = undefined;
            render();
          },
        },
        t('close'),
      ),
    ),
    h(
      'dl',
      { class: 'facts' },
      rows.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value || '—')]),
    ),
    h('h3', {}, t('fieldsTitle')),
    event.fieldRules.length > 0
      ? h(
          'table',
          { class: 'field-rules', id: 'field-rules' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', {}, t('fieldCol')),
              h('th', {}, t('outcomeCol')),
              h('th', {}, t('ruleCol')),
            ),
          ),
          h(
            'tbody',
            {},
            event.fieldRules.map((rule) =>
              h(
                'tr',
                { class: `outcome-${rule.outcome.toLowerCase()}` },
                h('td', {}, h('code', {}, rule.field)),
                h('td', {}, t(rule.outcome)),
                h('td', {}, h('code', {}, rule.ruleId)),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('noRules')),
    h(
      'div',
      { class: 'columns' },
      h('div', {}, h('h4', {}, t('returned')), list(event.fieldsReturned)),
      h('div', {}, h('h4', {}, t('masked')), list(event.fieldsMasked)),
      h('div', {}, h('h4', {}, t('denied')), list(event.fieldsDenied)),
    ),
    event.subgraphs.length > 0
      ? [
          h('h3', {}, t('subgraphsTitle')),
          h(
            'ul',
            { class: 'plain' },
            event.subgraphs.map((s) =>
              h(
                'li',
                {},
                `${s.subgraph}: ${s.outcome}${s.latencyMs === null ? '' : ` (${s.latencyMs} ms)`}${s.error ? ` — ${s.error}` : ''}`,
              ),
            ),
          ),
        ]
      : null,
    h('h3', {}, t('chainTitle')),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'hash'),
      h('dd', {}, h('code', {}, event.hash)),
      h('dt', {}, 'prevHash'),
      h('dd', {}, h('code', {}, event.prevHash)),
    ),
  );
}

function searchView(): HTMLElement[] {
  return [
    h('section', { class: 'card' }, searchForm()),
    h(
      'section',
      { class: 'card results' },
      h(
        'div',
        { class: 'toolbar' },
        h('span', { id: 'result-count' }, t('shown', { n: state.events.length })),
        h(
          'button',
          { id: 'export-jsonl', onclick: () => void exportSearch('jsonl') },
          t('exportJsonl'),
        ),
        h('button', { id: 'export-csv', onclick: () => void exportSearch('csv') }, t('exportCsv')),
        h('span', { id: 'export-status', class: 'muted' }),
      ),
      eventsTable(),
      state.hasMore ? h('button', { id: 'more', onclick: () => void loadMore() }, t('more')) : null,
    ),
    state.selected ? detailView(state.selected) : null,
  ].filter((node): node is HTMLElement => node !== null);
}

// ------------------------------------------------------------------------------------- alerts

function alertsView(): HTMLElement {
  const results = h('div', { id: 'alerts' });
  const from = h('input', { type: 'date', value: state.alertsRange.from });
  const to = h('input', { type: 'date', value: state.alertsRange.to });
  const run = async () => {
    state.alertsRange = { from: from.value, to: to.value };
    const data = await ask<AuditAlertsData>(AUDIT_ALERTS, state.alertsRange);
    const alerts = data?.auditAlerts ?? [];
    replaceChildren(
      results,
      state.message ? h('p', { class: 'error' }, state.message) : null,
      alerts.length === 0
        ? h('p', { class: 'empty' }, t('noAlerts'))
        : h(
            'ul',
            { class: 'alerts' },
            alerts.map((alert) =>
              h(
                'li',
                { class: 'card alert' },
                h('strong', {}, t(`alert${alert.kind}` as Parameters<typeof t>[0])),
                h(
                  'span',
                  {},
                  ` ${alert.dept ?? ''} ${alert.users.join(', ')} ${alert.caseRef ?? ''}`,
                ),
                h(
                  'div',
                  { class: 'muted' },
                  `${formatInstant(alert.window.from)} – ${formatInstant(alert.window.to)} · ${t('alertCount', { count: alert.count, threshold: alert.threshold })}`,
                ),
                h(
                  'div',
                  {},
                  `${t('alertExamples')}: `,
                  alert.exampleRequestIds.map((id) =>
                    h(
                      'button',
                      {
                        class: 'link',
                        onclick: () => {
                          state.tab = 'search';
                          void search({ requestId: id });
                        },
                      },
                      id.slice(0, 8),
                    ),
                  ),
                ),
              ),
            ),
          ),
    );
  };
  const view = h(
    'section',
    { class: 'card' },
    h(
      'form',
      {
        class: 'inline',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void run();
        },
      },
      field(t('alertsFrom'), from),
      field(t('alertsTo'), to),
      h('button', { type: 'submit', class: 'primary', id: 'alerts-run' }, t('alertsRun')),
    ),
    results,
  );
  void run();
  return view;
}

// -------------------------------------------------------------------------------- chain status

function chainRow(chain: ChainState): HTMLElement {
  return h(
    'tr',
    { class: chain.ok ? 'chain ok' : 'chain broken', 'data-writer': chain.writer },
    h('td', {}, chain.writer),
    h(
      'td',
      {},
      h(
        'span',
        { class: chain.ok ? 'badge ok' : 'badge broken' },
        chain.ok ? t('ok') : t('broken'),
      ),
    ),
    h(
      'td',
      {},
      chain.verifiedSeq === null
        ? t('chainEmpty')
        : t('chainVerified', {
            seq: chain.verifiedSeq,
            recorded: formatInstant(chain.verifiedRecordedAt),
            verified: formatInstant(chain.verifiedAt),
          }),
      chain.pending !== '0'
        ? h('div', { class: 'muted' }, t('chainPending', { n: chain.pending }))
        : null,
      chain.firstBroken
        ? h(
            'div',
            { class: 'break' },
            t('chainBreakAt', { seq: chain.firstBroken.seq, reason: chain.firstBroken.reason }),
            h('div', { class: 'muted' }, chain.firstBroken.detail),
          )
        : null,
    ),
    h('td', {}, chain.headSeq),
  );
}

function chainView(): HTMLElement {
  const results = h('div', { id: 'chain-status' });
  const run = async (restart: boolean) => {
    replaceChildren(results, h('p', { class: 'muted' }, t('chainChecking')));
    state.message = '';
    const data = await ask<ChainStatusData>(CHAIN_STATUS, { restart });
    const status = data?.auditChainStatus;
    replaceChildren(
      results,
      state.message ? h('p', { class: 'error' }, state.message) : null,
      status
        ? [
            h(
              'p',
              { class: status.ok ? 'summary ok' : 'summary broken', id: 'chain-summary' },
              status.ok ? t('chainAllOk') : t('chainBroken'),
            ),
            h(
              'p',
              { class: 'muted' },
              t('chainCheckedAt', { at: formatInstant(status.checkedAt) }),
            ),
            h(
              'table',
              { class: 'chains' },
              h(
                'thead',
                {},
                h(
                  'tr',
                  {},
                  h('th', {}, t('chainWriter')),
                  h('th', {}, t('chainState')),
                  h('th', {}, ''),
                  h('th', {}, t('chainHead')),
                ),
              ),
              h('tbody', {}, status.chains.map(chainRow)),
            ),
          ]
        : null,
    );
  };
  const view = h(
    'section',
    { class: 'card' },
    h(
      'div',
      { class: 'toolbar' },
      h(
        'button',
        { class: 'primary', id: 'chain-check', onclick: () => void run(false) },
        t('chainCheck'),
      ),
      h('button', { id: 'chain-restart', onclick: () => void run(true) }, t('chainRestart')),
    ),
    results,
  );
  void run(false);
  return view;
}

// -------------------------------------------------------------------------------------- frame

function render(): void {
  rememberLang(state.lang);
  document.title = `${t('title')} · credit-federation`;
  const app = byId('app');
  const who = state.session?.claims;
  const header = h(
    'header',
    { class: 'top' },
    h('div', {}, h('h1', {}, t('title')), h('p', { class: 'muted' }, t('subtitle'))),
    h(
      'div',
      { class: 'top-actions' },
      who
        ? h(
            'span',
            { id: 'signed-in' },
            t('signedInAs', { who: `${who.sub ?? ''} (${who.dept ?? ''})` }),
          )
        : null,
      who
        ? h(
            'button',
            {
              id: 'sign-out',
              onclick: () => {
                state.session = undefined;
                render();
              },
            },
            t('signOut'),
          )
        : null,
      h(
        'button',
        {
          id: 'lang',
          onclick: () => {
            state.lang = state.lang === 'zh' ? 'en' : 'zh';
            render();
          },
        },
        t('switchLang'),
      ),
    ),
  );
  if (!state.session) {
    replaceChildren(
      app,
      header,
      state.message ? h('p', { class: 'error', role: 'alert' }, state.message) : null,
      signInView(),
    );
    return;
  }
  const tabs = (['search', 'alerts', 'chain'] as const).map((tab) =>
    h(
      'button',
      {
        class: state.tab === tab ? 'tab active' : 'tab',
        id: `tab-${tab}`,
        role: 'tab',
        'aria-selected': state.tab === tab ? 'true' : 'false',
        onclick: () => {
          state.tab = tab;
          state.message = '';
          render();
        },
      },
      t(tab === 'search' ? 'tabSearch' : tab === 'alerts' ? 'tabAlerts' : 'tabChain'),
    ),
  );
  const body =
    state.tab === 'search' ? searchView() : state.tab === 'alerts' ? [alertsView()] : [chainView()];
  replaceChildren(
    app,
    header,
    h('nav', { class: 'tabs', role: 'tablist' }, tabs),
    state.message && state.tab === 'search'
      ? h('p', { class: 'error', role: 'alert' }, state.message)
      : null,
    body,
  );
}

render();
