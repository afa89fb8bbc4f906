import type { Dictionary, Lang } from '../i18n';

const zh = {
  title: '开发者登录',
  kind: '身份',
  kindStaff: '部门人员',
  kindCitizen: '居民',
  kindOrg: '机构',
  clientType: '客户端类型',
  dept: '部门',
  roles: '角色',
  citizen: '居民',
  org: '机构',
  purpose: '用途',
  noPurpose: '（不声明）',
  caseRef: '办件编号',
  signIn: '签发令牌并填入请求头',
  signedIn: '已填入当前标签页的请求头：{who}，{expires} 过期',
  prodNote: '生产环境：请把您的令牌填入下方的 Headers。',
  switchLang: 'English',
  error: '出错：{message}',
} as const;

type Key = keyof typeof zh;

const en: Dictionary<Key> = {
  title: 'Developer sign-in',
  kind: 'Identity',
  kindStaff: 'Department staff',
  kindCitizen: 'Resident',
  kindOrg: 'Organisation',
  clientType: 'Client type',
  dept: 'Department',
  roles: 'Roles',
  citizen: 'Resident',
  org: 'Organisation',
  purpose: 'Purpose',
  noPurpose: '(none)',
  caseRef: 'Case ref',
  signIn: 'Sign in and fill the headers',
  signedIn: 'Headers of this tab filled: {who}, expires {expires}',
  prodNote: 'Production: put your own token into the Headers editor below.',
  switchLang: '中文',
  error: 'Error: {message}',
};

/** The playground sign-in bar's texts. */
export const PLAYGROUND_TEXTS: Record<Lang, Dictionary<Key>> = { zh, en };
