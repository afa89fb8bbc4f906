import { Pool } from 'pg';
import { createLogger } from '../log/create-logger';
import type { Database, Queryable } from './database';

/** Options for a PostgreSQL server connection. */
export interface PostgresDatabaseOptions {
  /** Largest number of pooled connections; default 10. */
  maxConnections?: number;
  /**
   * The server cancels any statement running longer (its `statement_timeout`), freeing the
   * connection of a caller that gave up waiting; default none.
   */
  statementTimeoutMs?: number;
}

/** A Database over a PostgreSQL server: production, one database per department. */
export function postgresDatabase(url: string, options: PostgresDatabaseOptions = {}): Database {
  const pool = new Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    ...(options.statementTimeoutMs !== undefined && {
      statement_timeout: options.statementTimeoutMs,
    }),
  });
  let statements = 0;
  let closing = false;
  // The server may drop an idle pooled connection (restart, admin command, a forced DROP DATABASE
  // right after close()); pg reports that on the pool, and an unheard 'error' event would crash
  // the process. The pool discards the client and connects afresh on next use.
  pool.on('error', (error) => {
    if (!closing) {
      createLogger({ component: 'postgres' }).warn(`idle connection lost: ${error.message}`);
    }
  });
  return {
    kind: 'postgres',
    get statements() {
      return statements;
    },
    async query<Row>(sql: string, params?: readonly unknown[]) {
      statements += 1;
      const result = await pool.query(sql, params ? [...params] : undefined);
      return result.rows as Row[];
    },
    async exec(sql) {
      statements += 1;
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const scoped: Queryable & Pick<Database, 'exec'> = {
          async query<Row>(sql: string, params?: readonly unknown[]) {
            statements += 1;
            const result = await client.query(sql, params ? [...params] : undefined);
            return result.rows as Row[];
          },
          async exec(sql) {
            statements += 1;
            await client.query(sql);
          },
        };
        const value = await work(scoped);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      closing = true;
      await pool.end();
    },
  };
}
