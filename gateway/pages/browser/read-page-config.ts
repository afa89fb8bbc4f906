import type { PageConfig } from './page-config';

/** The page's config from `<script type="application/json" id="page-config">`. */
export function readPageConfig<T extends PageConfig = PageConfig>(): T {
  const element = document.getElementById('page-config');
  return JSON.parse(element?.textContent ?? '{}') as T;
}
