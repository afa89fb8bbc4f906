import DataLoader from 'dataloader';
import { groupByKey } from '../group-by-key';
import type { BaseSubgraphContext } from '../subgraph-module';
import type { LicenceRecord, SanctionRecord } from './licensing-records';
import type { LicensingStore } from './create-licensing-store';

/** Request context of a licensing department: its store and this request's DataLoaders. */
export interface LicensingContext extends BaseSubgraphContext {
  store: LicensingStore;
  /** Licences per person; one statement per batch. */
  licencesByPerson: DataLoader<string, LicenceRecord[]>;
  /** Sanctions per person; one statement per batch. */
  sanctionsByPerson: DataLoader<string, SanctionRecord[]>;
}

/** One DataLoader set per request: every person of a request shares one statement per field. */
export function createLicensingContext(
  store: LicensingStore,
  base: BaseSubgraphContext,
): LicensingContext {
  return {
    ...base,
    store,
    licencesByPerson: new DataLoader(async (ids) =>
      groupByKey(ids, await store.findLicences(ids), (licence) => licence.personId),
    ),
    sanctionsByPerson: new DataLoader(async (ids) =>
      groupByKey(ids, await store.findSanctions(ids), (sanction) => sanction.personId),
    ),
  };
}
