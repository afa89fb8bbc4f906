import { DEPARTMENTS } from '../../../lib/auth/caller';
import type { Department } from '../../../lib/auth/caller';
import type { FieldSubject } from '../../../lib/policy/types';
import type { SubjectReference } from '../../../lib/subjects/subject-reference';
import type { ConsentStore } from '../consent-store';
import type { MeasuresStore } from '../measures/measures-store';
import type { ObjectionStore } from '../objections/objection-store';
import type { Catalog } from '../rules/types';

/** The stores whose data an id can name. */
export interface SubjectStores {
  objections: Pick<ObjectionStore, 'findRecord' | 'findObjection' | 'findRepair'>;
  measures: { store: Pick<MeasuresStore, 'findCheck'> };
  consents: Pick<ConsentStore, 'findPersonOf'>;
  rules: { catalog: Pick<Catalog, 'byCode'> };
}

/**
 * Whose data an id names, read from the credit platform's own stores: the person and source
 * department of a credit record, an objection or a repair application, the person and the
 * department that made a joint-measures check, the person who gave a consent, the bureau that
 * decides a catalog item. An id that names nothing is `unresolved` (deny rules then refuse: a
 * missing id answers like a foreign one). Used by the shield and by the gateway's `subjectsOf`.
 */
export async function resolveSubjectReference(
  services: SubjectStores,
  reference: SubjectReference,
): Promise<FieldSubject> {
  const { kind, id } = reference;
  switch (kind) {
    case 'CREDIT_RECORD': {
      const record = id === '' ? undefined : await services.objections.findRecord(id);
      return owned(
        record && { personId: record.personId, dept: record.sourceDept },
        `credit record ${id}`,
      );
    }
    case 'OBJECTION': {
      const objection = await services.objections.findObjection(id);
      return owned(
        objection && { personId: objection.personId, dept: objection.sourceDept },
        `objection ${id}`,
      );
    }
    case 'REPAIR': {
      const repair = await services.objections.findRepair(id);
      return owned(
        repair && { personId: repair.personId, dept: repair.sourceDept },
        `repair application ${id}`,
      );
    }
    case 'MEASURE_CHECK': {
      const check = await services.measures.store.findCheck(id);
      return owned(
        check ? { personId: check.personId, dept: check.dept } : undefined,
        `joint measures check ${id}`,
      );
    }
    case 'CONSENT': {
      const personId = await services.consents.findPersonOf(id);
      return personId === undefined
        ? { unresolved: `no consent ${id}` }
        : { personId: personId.trim() };
    }
    case 'CATALOG_ITEM': {
      const item = services.rules.catalog.byCode.get(id);
      return owned(item && { dept: item.sourceDept }, `catalog item ${id}`);
    }
  }
}

/** The subject of found data, or `unresolved` when nothing (or no known department) was found. */
function owned(found: { personId?: string; dept: string } | undefined, what: string): FieldSubject {
  if (!found) return { unresolved: `no ${what}` };
  if (!isDepartment(found.dept)) return { unresolved: `${what} names no known department` };
  return {
    ...(found.personId !== undefined && { personId: found.personId.trim() }),
    dept: found.dept,
  };
}

function isDepartment(value: string): value is Department {
  return (DEPARTMENTS as readonly string[]).includes(value);
}
