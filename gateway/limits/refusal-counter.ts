/** One refusal of the request gate, as metrics and logs see it (no client text). */
export interface RefusalEvent {
  /** The error code sent (e.g. `DEPTH_LIMIT_EXCEEDED`, `RATE_LIMITED`, `QUERY_NOT_IN_SAFELIST`). */
  code: string;
  /** The limit's name when a limit refused (e.g. `maxDepth`). */
  limit?: string;
  clientType: string;
}

/** Counts the gate's refusals by code and tells listeners (e.g. a metrics exporter) of each. */
export interface RefusalCounter {
  record(event: RefusalEvent): void;
  /** Refusals so far by code. */
  counts(): Record<string, number>;
  /** Calls `listener` on every later refusal; returns how to stop. */
  subscribe(listener: (event: RefusalEvent) => void): () => void;
}

/** A fresh counter. A throwing listener is ignored: metrics never fail a request. */
export function createRefusalCounter(): RefusalCounter {
  const counts = new Map<string, number>();
  const listeners = new Set<(event: RefusalEvent) => void>();
  return {
    record(event) {
      counts.set(event.code, (counts.get(event.code) ?? 0) + 1);
      for (const listener of listeners) {
        try {
          listener(event);
        } catch {
          // a listener's failure is its own
        }
      }
    },
    counts: () => Object.fromEntries(counts),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
