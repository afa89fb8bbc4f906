export type { Database, Queryable } from '../../../lib/db/database';
