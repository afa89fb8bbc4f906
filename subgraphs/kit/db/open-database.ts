export { openDatabase, openEmbeddedPostgres } from '../../../lib/db/open-database';
