import { print } from 'graphql';
import type { DocumentNode } from 'graphql';
import { filterOperation } from '../filter-operation';
import { A, AMR, CITIZEN_A, TAX, accessOf } from './support/access-fixture';

/** The filtered operation, printed on one line. */
function planned(document: DocumentNode | null | undefined): string | null | undefined {
  return document && print(document).replace(/\s+/g, ' ');
}

describe('filterOperation', () => {
  it('plans the client document itself when nothing is denied or decided from the data', () => {
    expect(
      filterOperation(accessOf(`{ person(id: "${A}") { name tax { level } } }`, TAX)),
    ).toBeNull();
  });

  it('removes denied fields (and all below them) before planning, fragments inlined', () => {
    const access = accessOf(
      `query Q { person(id: "${A}") { ...F court { cases } } } fragment F on Person { name tax { level } }`,
      AMR,
    );
    const filtered = filterOperation(access);
    expect(planned(filtered?.document)).toBe(`query Q { person(id: "${A}") { name } }`);
    expect(filtered?.queryHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps an object whose every field is denied by a __typename placeholder', () => {
    const filtered = filterOperation(accessOf(`{ person(id: "${A}") { tax { level } } }`, AMR));
    expect(planned(filtered?.document)).toBe(
      `{ person(id: "${A}") { _cfPlaceholder: __typename } }`,
    );
  });

  it('plans nothing when every root field is denied', () => {
    const filtered = filterOperation(
      accessOf(
        `{ person(id: "${A}") { name } }`,
        CITIZEN_A === undefined ? TAX : { ...TAX, clientType: 'public', dept: undefined },
      ),
    );
    expect(filtered?.document).toBeNull();
  });

  it('fetches the key of objects whose subject only the answer tells, under an unused alias', () => {
    const access = accessOf(
      `{ person(id: "${A}") { enterprises { _cfSubject: name legalRepresentative { name } } } }`,
      CITIZEN_A,
    );
    const filtered = filterOperation(access);
    expect(planned(filtered?.document)).toBe(
      `{ person(id: "${A}") { enterprises { _cfSubject: name legalRepresentative { name _cfSubject: id } } } }`,
    );
    const holder = access.analysis.fields.find(
      (field) => field.key === 'Enterprise.legalRepresentative',
    );
    expect(holder && filtered?.subjectAliases.get(holder)).toBe('_cfSubject');
  });

  it('runs no mutation field after a refused non-null one, as graphql-js would not', () => {
    const access = accessOf(
      'mutation { a: note(text: "1") b: fileObjection(recordId: "R") { status } c: note(text: "2") }',
      CITIZEN_A,
    );
    // Not looked up here, so whose the record is stays unknown and the deny rule refuses.
    expect(access.removed.size).toBe(1);
    expect(planned(filterOperation(access)?.document)).toBe('mutation { a: note(text: "1") }');
  });
});
