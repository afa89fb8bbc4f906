/**
 * Test helper: a Database wrapper that can hold statements at a gate, fail before they run (the
 * store is down) or fail after they ran (the acknowledgement is lost), and logs each call.
 */
import type { Database, Queryable } from '../../db/database';

/** One call through the wrapper: `insert` = a batch insert of `rows` entries. */
export type LoggedCall =
  | { call: 'transaction' }
  | { call: 'query'; rows?: number }
  | { call: 'exec' };

/** The switches of a wrapper. */
export interface Switches {
  /** Statements fail before reaching the store while true. */
  down: boolean;
  /** Statements reach the store, then fail (lost acknowledgement) while true. */
  loseAcks: boolean;
  /** Every call, in order. */
  calls: LoggedCall[];
}

/** The wrapper and its switches. */
export interface ControllableDatabase {
  db: Database;
  switches: Switches;
  /** Holds every statement until the returned function is called. */
  closeGate(): () => void;
}

function insertedRows(sql: string, params?: readonly unknown[]): number | undefined {
  if (!sql.includes('INSERT INTO audit.entries') || typeof params?.[0] !== 'string')
    return undefined;
  const rows: unknown = JSON.parse(params[0]);
  return Array.isArray(rows) ? rows.length : undefined;
}

export function controllableDatabase(inner: Database): ControllableDatabase {
  let gate: Promise<void> | undefined;
  const switches: Switches = { down: false, loseAcks: false, calls: [] };
  const before = async () => {
    if (gate) await gate;
    if (switches.down) throw new Error('connection refused (test: store down)');
  };
  const after = () => {
    if (switches.loseAcks) throw new Error('connection reset (test: acknowledgement lost)');
  };
  const db: Database = {
    kind: inner.kind,
    get statements() {
      return inner.statements;
    },
    async query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]) {
      const rows = insertedRows(sql, params);
      switches.calls.push(rows === undefined ? { call: 'query' } : { call: 'query', rows });
      await before();
      const result = await inner.query<Row>(sql, params);
      after();
      return result;
    },
    async exec(sql: string) {
      switches.calls.push({ call: 'exec' });
      await before();
      await inner.exec(sql);
      after();
    },
    async transaction<T>(work: (tx: Queryable & Pick<Database, 'exec'>) => Promise<T>) {
      switches.calls.push({ call: 'transaction' });
      await before();
      const result = await inner.transaction(work);
      after();
      return result;
    },
    close: () => inner.close(),
  };
  return {
    db,
    switches,
    closeGate() {
      let open: () => void = () => undefined;
      gate = new Promise<void>((resolve) => {
        open = () => {
          gate = undefined;
          resolve();
        };
      });
      return open;
    },
  };
}
