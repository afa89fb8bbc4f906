/** Optional parts of an {@link HttpError}. */
export interface HttpErrorDetails {
  /** More `extensions` of the GraphQL-shaped error body (e.g. the limit and the measured value). */
  extensions?: Readonly<Record<string, unknown>>;
  /** Response headers (e.g. `retry-after`). */
  headers?: Readonly<Record<string, string>>;
}

/** An error that ends an HTTP request with `status` before GraphQL runs (e.g. 401). */
export class HttpError extends Error {
  readonly extensions: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
    details: HttpErrorDetails = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.extensions = details.extensions ?? {};
    this.headers = details.headers ?? {};
  }
}
