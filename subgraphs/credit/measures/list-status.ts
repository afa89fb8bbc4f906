import type { CreditListEntryView } from '../lists/credit-lists';
import type { ListStatus } from './types';

/**
 * The one list status that selects measures, from the lists the person is on (creditLists of
 * subgraphs/credit/lists, the same rules as `CreditProfile.lists`): BLACK wins over RED (a
 * dishonest person gets discipline, never incentives), NONE when on no list.
 */
export function listStatus(lists: readonly Pick<CreditListEntryView, 'list'>[]): ListStatus {
  if (lists.some((entry) => entry.list === 'BLACK')) return 'BLACK';
  if (lists.some((entry) => entry.list === 'RED')) return 'RED';
  return 'NONE';
}
