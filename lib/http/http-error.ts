/** An error that ends an HTTP request with `status` before GraphQL runs (e.g. 401). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}
