export { pgliteDatabase } from '../../../lib/db/pglite-database';
