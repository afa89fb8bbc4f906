import { SUBJECT_REFERENCE_KINDS } from '../../../lib/subjects/subject-reference';
import type { SubjectReferenceKind } from '../../../lib/subjects/subject-reference';
import { badUserInput } from '../../kit/errors';
import { resolveSubjectReference } from './resolve-subject-reference';
import type { SubjectStores } from './resolve-subject-reference';

/** The most references one `subjectsOf` call may name. */
export const MAX_SUBJECT_REFERENCES = 50;

/** One answer of `subjectsOf` (type SubjectOfReference). */
interface SubjectOfReference {
  kind: SubjectReferenceKind;
  id: string;
  personId: string | null;
  dept: string | null;
  unresolved: string | null;
}

function isKind(value: unknown): value is SubjectReferenceKind {
  return (SUBJECT_REFERENCE_KINDS as readonly unknown[]).includes(value);
}

/** `subjectsOf`: the gateway's subject lookup, answered from the same resolver as the shield. */
export const subjectResolvers = {
  Query: {
    subjectsOf: async (
      _root: unknown,
      args: { references: readonly { kind: unknown; id: unknown }[] },
      context: { services: SubjectStores },
    ): Promise<SubjectOfReference[]> => {
      if (args.references.length > MAX_SUBJECT_REFERENCES) {
        throw badUserInput('references', `at most ${MAX_SUBJECT_REFERENCES}`);
      }
      return Promise.all(
        args.references.map(async ({ kind, id }) => {
          if (!isKind(kind) || typeof id !== 'string') {
            throw badUserInput('references', 'each needs a kind and a string id');
          }
          const subject = await resolveSubjectReference(context.services, { kind, id });
          return {
            kind,
            id,
            personId: subject.personId ?? null,
            dept: subject.dept ?? null,
            unresolved: subject.unresolved ?? null,
          };
        }),
      );
    },
  },
};
