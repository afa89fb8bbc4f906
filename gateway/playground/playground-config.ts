/** What the playground page pre-fills in its first editor tab. */
export interface PlaygroundConfig {
  query: string;
  /** JSON text of the headers editor. */
  headers: string;
}
