/**
 * How many GraphQL requests a server is answering right now (apollo-http-server.ts counts them),
 * so that a request can tell it is alone: its audit record then commits at once, with no wait for
 * company that cannot come (lib/audit/audit-writer.ts).
 */
export interface InFlightRequests {
  /** Requests received and not yet answered (or abandoned). */
  readonly count: number;
  started(): void;
  finished(): void;
}

/** A counter starting at zero. */
export function createInFlightRequests(): InFlightRequests {
  let count = 0;
  return {
    get count() {
      return count;
    },
    started() {
      count += 1;
    },
    finished() {
      count = Math.max(0, count - 1);
    },
  };
}
