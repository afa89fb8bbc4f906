/**
 * The citizen page (`/me/`): a resident reads their own credit record (points and the reason for
 * every point, records, lists, the green channel answer), their open objections and repairs with
 * due dates, and who read their data (department, purpose, date; never the officer). Chinese
 * first. Signed in with the same token as the API, or in development by picking a seeded resident.
 */
import { DEPARTMENT_NAMES } from '../../../../lib/auth/department-names';
import type { Department } from '../../../../lib/auth/caller';
import { byId, h, replaceChildren } from '../dom';
import { formatInstant } from '../format';
import { describeErrors, graphql } from '../graphql';
import { initialLang, rememberLang, translator } from '../i18n';
import type { Lang } from '../i18n';
import { readPageConfig } from '../read-page-config';
import { devIdentities, devSignIn } from '../session';
import type { DevIdentities, Session } from '../session';
import { tokenForm } from '../token-form';
import { MY_ACCESS_LOG, MY_CREDIT } from './citizen-queries';
import type {
  AccessLogEntry,
  CreditRecord,
  MyAccessLogData,
  MyCreditData,
} from './citizen-queries';
import { CITIZEN_TEXTS } from './citizen-texts';

const state = {
  lang: initialLang() as Lang,
  session: undefined as Session | undefined,
  identities: undefined as DevIdentities | undefined,
  credit: undefined as MyCreditData | undefined,
  access: [] as AccessLogEntry[],
  accessCursor: null as string | null,
  accessMore: false,
  message: '',
  loading: false,
};

const t = translator(CITIZEN_TEXTS, () => state.lang);
const config = readPageConfig();

function deptName(code: string | null): string {
  if (!code) return '—';
  return DEPARTMENT_NAMES[code as Department] ?? code;
}

function headers(): Record<string, string> {
  return state.session ? { authorization: `Bearer ${state.session.token}` } : {};
}

async function load(): Promise<void> {
  const personId = state.session?.claims.personId;
  if (!personId) {
    state.message = t('notCitizen');
    state.session = undefined;
    render();
    return;
  }
  state.loading = true;
  render();
  const [credit, access] = await Promise.all([
    graphql<MyCreditData>(MY_CREDIT, { id: personId }, headers()),
    graphql<MyAccessLogData>(MY_ACCESS_LOG, {}, headers()),
  ]);
  const errors = [...(credit.errors ?? []), ...(access.errors ?? [])];
  state.message = errors.length > 0 ? t('error', { message: describeErrors(errors) }) : '';
  state.credit = credit.data ?? undefined;
  state.access = access.data?.myAccessLog.entries ?? [];
  state.accessCursor = access.data?.myAccessLog.pageInfo.endCursor ?? null;
  state.accessMore = access.data?.myAccessLog.pageInfo.hasNextPage ?? false;
  state.loading = false;
  render();
}

async function moreAccess(): Promise<void> {
  const result = await graphql<MyAccessLogData>(
    MY_ACCESS_LOG,
    { after: state.accessCursor },
    headers(),
  );
  state.access.push(...(result.data?.myAccessLog.entries ?? []));
  state.accessCursor = result.data?.myAccessLog.pageInfo.endCursor ?? state.accessCursor;
  state.accessMore = result.data?.myAccessLog.pageInfo.hasNextPage ?? false;
  render();
}

function signedIn(session: Session): void {
  state.session = session;
  void load();
}

function signInView(): HTMLElement {
  const dev = config.devSignIn
    ? (() => {
        const select = h(
          'select',
          { id: 'dev-citizen' },
          (state.identities?.citizens ?? []).map((citizen) =>
            h('option', { value: citizen.id }, `${citizen.scenario} · ${citizen.masked}`),
          ),
        );
        return [
          h('p', { class: 'note' }, t('devNote')),
          h('label', { class: 'field' }, h('span', {}, t('devPick')), select),
          h(
            'button',
            {
              class: 'primary',
              id: 'dev-sign-in',
              onclick: async () => {
                try {
                  signedIn(await devSignIn({ client: 'citizen', person: select.value }));
                } catch (error) {
                  state.message = t('error', {
                    message: error instanceof Error ? error.message : String(error),
                  });
                  render();
                }
              },
            },
            t('devSignIn'),
          ),
        ];
      })()
    : null;
  return h(
    'section',
    { class: 'card sign-in', id: 'sign-in' },
    h('h2', {}, t('signInTitle')),
    dev,
    tokenForm(
      { label: t('tokenLabel'), submit: t('tokenSubmit'), invalid: t('tokenInvalid') },
      signedIn,
    ),
  );
}

function signed(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

function profileView(data: MyCreditData): HTMLElement[] {
  const person = data.person;
  const profile = person?.creditProfile;
  const records = person?.creditRecords ?? [];
  const recordById = new Map(records.map((record) => [record.id, record]));
  const catalog = new Map(data.creditCatalog.map((item) => [item.code, item.name]));
  const stale = (profile?.sources ?? [])
    .filter((source) => source.stale)
    .map((source) => deptName(source.dept));
  const open = records.filter(
    (record) => record.objection?.status === 'OPEN' || record.repair?.status === 'PENDING',
  );
  return [
    h(
      'section',
      { class: 'card profile', id: 'profile' },
      h('h2', {}, t('profileTitle')),
      profile
        ? [
            h(
              'div',
              { class: 'score-line' },
              h(
                'div',
                { class: 'score' },
                h('span', { class: 'label' }, t('score')),
                h('strong', { id: 'score' }, String(profile.score)),
              ),
              h(
                'div',
                { class: 'score' },
                h('span', { class: 'label' }, t('level')),
                h('strong', {}, `${profile.level} ${profile.levelName}`),
              ),
            ),
            h('p', { class: 'muted' }, t('asOf', { date: profile.asOf })),
            stale.length > 0
              ? h('p', { class: 'warning' }, t('staleSources', { depts: stale.join('、') }))
              : null,
          ]
        : null,
    ),
    h(
      'section',
      { class: 'card', id: 'points' },
      h('h2', {}, t('pointsTitle')),
      profile && profile.breakdown.length > 0
        ? h(
            'ul',
            { class: 'points' },
            profile.breakdown.map((line) => {
              const record = recordById.get(line.recordId);
              return h(
                'li',
                {
                  class: line.points < 0 ? 'point minus' : 'point plus',
                  'data-record-id': line.recordId,
                },
                h(
                  'strong',
                  { class: 'points-value' },
                  t('points', { points: signed(line.points) }),
                ),
                h('span', {}, ` ${catalog.get(line.catalogCode) ?? line.catalogCode}`),
                record
                  ? h(
                      'span',
                      { class: 'muted' },
                      ` · ${deptName(record.sourceDept)} · ${record.title}`,
                    )
                  : null,
                h('div', { class: 'reason' }, line.reason),
              );
            }),
          )
        : h('p', { class: 'empty' }, t('noPoints')),
    ),
    h(
      'section',
      { class: 'card', id: 'records' },
      h('h2', {}, t('recordsTitle')),
      records.length === 0
        ? h('p', { class: 'empty' }, t('noRecords'))
        : h(
            'ul',
            { class: 'records' },
            records.map((record: CreditRecord) =>
              h(
                'li',
                {},
                h('strong', {}, record.title),
                h(
                  'span',
                  { class: `badge category-${record.category.toLowerCase()}` },
                  catalog.get(record.catalogCode) ?? record.catalogCode,
                ),
                h(
                  'div',
                  { class: 'muted' },
                  `${deptName(record.sourceDept)} · ${t('decidedAt', { date: record.decidedAt })}`,
                  record.displayUntil
                    ? ` · ${t('displayUntil', { date: record.displayUntil })}`
                    : '',
                  record.underObjection ? ` · ${t('underObjection')}` : '',
                ),
              ),
            ),
          ),
    ),
    h(
      'section',
      { class: 'card', id: 'lists' },
      h('h2', {}, t('listsTitle')),
      profile && profile.lists.length > 0
        ? h(
            'ul',
            { class: 'plain' },
            profile.lists.map((entry) =>
              h(
                'li',
                {},
                h('strong', {}, entry.name),
                ` ${t('listSince', { since: entry.since, until: entry.until })}`,
              ),
            ),
          )
        : h('p', { class: 'empty' }, t('noLists')),
      h('h3', {}, t('greenTitle')),
      profile
        ? [
            h(
              'p',
              {
                id: 'green-channel',
                class: `decision ${profile.greenChannel.decision.toLowerCase()}`,
              },
              t(`decision${profile.greenChannel.decision}` as Parameters<typeof t>[0]),
            ),
            h(
              'ul',
              { class: 'plain' },
              profile.greenChannel.reasons.map((reason) => h('li', {}, reason.message)),
            ),
          ]
        : null,
    ),
    h(
      'section',
      { class: 'card', id: 'open-matters' },
      h('h2', {}, t('openTitle')),
      open.length === 0
        ? h('p', { class: 'empty' }, t('noOpen'))
        : h(
            'ul',
            { class: 'plain' },
            open.map((record) =>
              h(
                'li',
                {},
                record.objection?.status === 'OPEN'
                  ? h(
                      'div',
                      {},
                      t('objectionOpen', {
                        title: record.title,
                        filed: record.objection.filedOn,
                        due: record.objection.dueOn,
                      }),
                      record.objection.overdue
                        ? h('span', { class: 'badge broken' }, t('objectionOverdue'))
                        : null,
                    )
                  : null,
                record.repair?.status === 'PENDING'
                  ? h(
                      'div',
                      {},
                      t('repairPending', { title: record.title, applied: record.repair.appliedOn }),
                    )
                  : null,
              ),
            ),
          ),
    ),
  ];
}

function accessView(): HTMLElement {
  return h(
    'section',
    { class: 'card', id: 'access-log' },
    h('h2', {}, t('accessTitle')),
    h('p', { class: 'muted' }, t('accessNote')),
    state.access.length === 0
      ? h('p', { class: 'empty' }, t('noAccess'))
      : h(
          'table',
          { class: 'access' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              [
                t('accessWhen'),
                t('accessWho'),
                t('accessPurpose'),
                t('accessCase'),
                t('accessFields'),
              ].map((label) => h('th', {}, label)),
            ),
          ),
          h(
            'tbody',
            {},
            state.access.map((entry) =>
              h(
                'tr',
                { class: 'access-entry', 'data-dept': entry.dept ?? '' },
                h('td', {}, formatInstant(entry.accessedAt)),
                h(
                  'td',
                  {},
                  entry.dept
                    ? (entry.deptName ?? deptName(entry.dept))
                    : t('org', { org: entry.org ?? '' }),
                ),
                h('td', {}, entry.purposeName ?? entry.purpose ?? '—'),
                h('td', {}, entry.caseRef ?? '—'),
                h('td', {}, [...entry.fields, ...entry.maskedFields].join(', ')),
              ),
            ),
          ),
        ),
    state.accessMore
      ? h('button', { id: 'more-access', onclick: () => void moreAccess() }, t('more'))
      : null,
  );
}

function render(): void {
  rememberLang(state.lang);
  document.title = `${t('title')} · credit-federation`;
  const header = h(
    'header',
    { class: 'top' },
    h('div', {}, h('h1', {}, t('title')), h('p', { class: 'muted' }, t('subtitle'))),
    h(
      'div',
      { class: 'top-actions' },
      state.session
        ? h(
            'button',
            {
              id: 'sign-out',
              onclick: () => {
                state.session = undefined;
                state.credit = undefined;
                state.access = [];
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
  const message = state.message ? h('p', { class: 'error', role: 'alert' }, state.message) : null;
  if (!state.session) {
    replaceChildren(byId('app'), header, message, signInView());
    return;
  }
  replaceChildren(
    byId('app'),
    header,
    message,
    state.loading ? h('p', { class: 'muted' }, t('loading')) : null,
    state.credit ? profileView(state.credit) : null,
    state.loading ? null : accessView(),
  );
}

async function start(): Promise<void> {
  render();
  if (!config.devSignIn) return;
  try {
    state.identities = await devIdentities();
  } catch (error) {
    state.message = t('error', { message: error instanceof Error ? error.message : String(error) });
  }
  if (!state.session) render();
}

void start();
