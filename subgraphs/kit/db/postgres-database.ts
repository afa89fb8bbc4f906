export { postgresDatabase } from '../../../lib/db/postgres-database';
export type { PostgresDatabaseOptions } from '../../../lib/db/postgres-database';
