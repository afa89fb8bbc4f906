/** What the gateway tells every page (inert JSON in the HTML, read by the page's script). */
export interface PageConfig {
  /** The gateway offers dev sign-in (`/dev/identities`, `/dev/token`): development mode only. */
  devSignIn: boolean;
}
