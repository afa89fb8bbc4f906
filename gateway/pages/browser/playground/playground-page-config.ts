import type { PageConfig } from '../page-config';

/** One tab of the playground as the gateway pre-fills it. */
export interface PlaygroundTab {
  query: string;
  /** JSON text of the variables editor. */
  variables?: string;
  /** JSON text of the headers editor. */
  headers: string;
}

/** What the gateway tells the playground page. */
export interface PlaygroundPageConfig extends PageConfig {
  /** The sample tabs, one per kind of user. */
  tabs: PlaygroundTab[];
  /** sha256 of every trusted document: a tab holding one exactly is sent by hash only. */
  trustedHashes: string[];
}
