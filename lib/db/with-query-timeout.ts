import type { Database, Queryable } from './database';

/** A statement that took longer than its caller may wait. */
export class QueryTimeoutError extends Error {
  constructor(ms: number) {
    super(`the database did not answer within ${ms} ms`);
    this.name = 'QueryTimeoutError';
  }
}

function bounded<T>(work: Promise<T>, ms: number): Promise<T> {
  // The statement may still finish later (PGlite cannot cancel; on a server the pool's
  // statement_timeout does): its result is then dropped.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueryTimeoutError(ms)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * `db` with every statement (and every transaction as a whole) bounded to `ms`: a caller waits at
 * most that long whether the store is locked, partitioned or just slow. For read sides that must
 * answer or fail, never hang (the auditors' reads).
 */
export function withQueryTimeout(db: Database, ms: number): Database {
  return {
    kind: db.kind,
    get statements() {
      return db.statements;
    },
    query: <Row>(sql: string, params?: readonly unknown[]) =>
      bounded(db.query<Row>(sql, params), ms),
    exec: (sql) => bounded(db.exec(sql), ms),
    transaction: <T>(work: (tx: Queryable & Pick<Database, 'exec'>) => Promise<T>) =>
      bounded(db.transaction(work), ms),
    close: () => db.close(),
  };
}
