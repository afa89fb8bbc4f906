/** Anything that runs one parameterized SQL statement. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

/**
 * One subgraph's view of its PostgreSQL store: the same interface over PGlite (embedded) and a
 * PostgreSQL server (`pg`). `statements` counts every statement sent, so tests can prove batching.
 */
export interface Database extends Queryable {
  /** Runs a script of several statements without parameters (migrations only). */
  exec(sql: string): Promise<void>;
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable & Pick<Database, 'exec'>) => Promise<T>): Promise<T>;
  /** Statements sent through this view since it was opened. */
  readonly statements: number;
  /** `pglite` or `postgres`, for logs and health output. */
  readonly kind: 'pglite' | 'postgres';
  /** Releases the connection (the shared PGlite instance is closed by its owner only). */
  close(): Promise<void>;
}
