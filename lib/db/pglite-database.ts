import type { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database';

/**
 * A Database over a PGlite instance. In the embedded default all subgraphs share one instance
 * (each ~190 MB), each store touching only its own schema; the owner closes the instance.
 */
export function pgliteDatabase(pg: PGlite, options: { ownsInstance?: boolean } = {}): Database {
  let statements = 0;
  const run = async <Row>(
    target: Pick<PGlite, 'query'>,
    sql: string,
    params?: readonly unknown[],
  ) => {
    statements += 1;
    const result = await target.query<Row>(sql, params ? [...params] : undefined);
    return result.rows;
  };
  return {
    kind: 'pglite',
    get statements() {
      return statements;
    },
    query: (sql, params) => run(pg, sql, params),
    async exec(sql) {
      statements += 1;
      await pg.exec(sql);
    },
    transaction(work) {
      return pg.transaction(async (tx) => {
        const scoped: Queryable & Pick<Database, 'exec'> = {
          query: (sql, params) => run(tx, sql, params),
          async exec(sql) {
            statements += 1;
            await tx.exec(sql);
          },
        };
        return work(scoped);
      });
    },
    async close() {
      if (options.ownsInstance ?? false) await pg.close();
    },
  };
}
