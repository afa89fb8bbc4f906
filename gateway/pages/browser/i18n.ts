/** The pages' languages: Chinese first, English on request. */
export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'credit-federation.lang';

/** Texts of a page: one dictionary per language with the same keys. */
export type Dictionary<K extends string> = Record<K, string>;

/** The language chosen last (kept in localStorage), Chinese by default. */
export function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** Remembers the language and marks the document with it. */
export function rememberLang(lang: Lang): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage may be off (private mode): the choice then lasts this page only.
  }
}

/** A translator over the page's dictionaries: `t('search')`, `t('count', { n: 3 })`. */
export function translator<K extends string>(
  dictionaries: Record<Lang, Dictionary<K>>,
  lang: () => Lang,
): (key: K, values?: Record<string, string | number>) => string {
  return (key, values) =>
    dictionaries[lang()][key].replace(/\{(\w+)\}/g, (match, name: string) =>
      values && name in values ? String(values[name]) : match,
    );
}
