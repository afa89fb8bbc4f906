export { migrate } from '../../../lib/db/migrate';
