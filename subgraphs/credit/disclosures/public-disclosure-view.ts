import { maskIdNumber } from '../../../lib/policy/maskers';
import type { Catalog } from '../rules/types';
import type { StoredDisclosure } from './disclosure-store';

/** A decision as the public sees it (`PublicDisclosure`): the party masked, nothing else of them. */
export interface PublicDisclosureView {
  id: string;
  kind: 'LICENSING' | 'PENALTY';
  dept: string;
  decisionNo: string;
  decidedAt: string;
  title: string;
  authority: string;
  validUntil: string | null;
  /** 张* — masked when collected. */
  partyName: string;
  /** 511921********1234. */
  partyIdNumber: string;
}

/**
 * The public view of a stored decision. The id number is masked here, always, whatever the
 * access policy says: the disclosure is public by nature, so no client gets the clear id from it
 * (task 14: public disclosure never touches personal privacy). No citizen id leaves in any other
 * field, so the view carries no `personId` either. The title is the catalog's name of the kind of
 * decision (an unknown code shows as itself).
 */
export function toPublicDisclosure(
  stored: StoredDisclosure,
  catalog: Pick<Catalog, 'disclosureItems'>,
): PublicDisclosureView {
  return {
    id: stored.id,
    kind: stored.kind,
    dept: stored.dept,
    decisionNo: stored.decisionNo,
    decidedAt: stored.decidedAt,
    title: catalog.disclosureItems.get(stored.disclosureItem)?.name ?? stored.disclosureItem,
    authority: stored.authority,
    validUntil: stored.validUntil,
    partyName: stored.partyNameMasked,
    partyIdNumber: maskIdNumber(stored.personId.trim()),
  };
}
