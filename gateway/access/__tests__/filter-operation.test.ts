import { parse, print } from 'graphql';
import type { DocumentNode } from 'graphql';
import * as documentQueryHash from '../document-query-hash';
import { filterOperation } from '../filter-operation';
import { createFilteredHashes } from '../filtered-hashes';
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

  describe('printing and hashing (the plan cache key of a filtered document)', () => {
    const prints = () => jest.spyOn(documentQueryHash, 'documentQueryHash');
    afterEach(() => jest.restoreAllMocks());
    const client = (source: string, hashes = createFilteredHashes()) => ({
      document: parse(source),
      queryHash: `client-hash-of-${source.length}`,
      hashes,
    });

    it('prints nothing when nothing is removed and the only key needed is one the client asked for', () => {
      const printed = prints();
      const source = `{ person(id: "${A}") { enterprises { name legalRepresentative { name id } } } }`;
      const access = accessOf(source, CITIZEN_A);
      expect(access.dynamic.length).toBeGreaterThan(0); // decided per object: the key is needed
      const given = client(source);
      const filtered = filterOperation(access, given);
      expect(filtered?.document).toBe(given.document);
      expect(filtered?.queryHash).toBe(given.queryHash);
      const holder = access.analysis.fields.find(
        (field) => field.key === 'Enterprise.legalRepresentative',
      );
      expect(holder && filtered?.subjectAliases.get(holder)).toBe('id');
      expect(printed).not.toHaveBeenCalled();
    });

    it('prints and hashes a filtered document once, however many requests filter it alike', () => {
      const printed = prints();
      const source = `query Q { person(id: "${A}") { ...F court { cases } } } fragment F on Person { name tax { level } }`;
      const hashes = createFilteredHashes();
      const first = filterOperation(accessOf(source, AMR), client(source, hashes));
      const second = filterOperation(accessOf(source, AMR), client(source, hashes));
      expect(printed).toHaveBeenCalledTimes(1);
      expect(second?.queryHash).toBe(first?.queryHash);
      expect(first?.queryHash).toBe(
        documentQueryHash.documentQueryHash(first?.document as DocumentNode),
      );
      // Another caller keeps other fields: another document, printed once, another key.
      const taxes = filterOperation(accessOf(source, TAX), client(source, hashes));
      const placeholder = filterOperation(
        accessOf(`query Q { person(id: "${A}") { tax { level } } }`, AMR),
        client(`query Q { person(id: "${A}") { tax { level } } }`, hashes),
      );
      expect(printed).toHaveBeenCalledTimes(4); // 3 distinct documents, and the check above
      expect(new Set([first?.queryHash, taxes?.queryHash, placeholder?.queryHash]).size).toBe(3);
      expect(hashes.size).toBe(3);
    });

    it('tells apart the documents one text becomes with other variables (@skip, @include)', () => {
      const printed = prints();
      const hashes = createFilteredHashes();
      const source = `query Q($s: Boolean!) { person(id: "${A}") { name @skip(if: $s) court { cases } } }`;
      const shown = filterOperation(accessOf(source, AMR, { s: false }), client(source, hashes));
      const skipped = filterOperation(accessOf(source, AMR, { s: true }), client(source, hashes));
      expect(planned(shown?.document)).toBe(
        `query Q($s: Boolean!) { person(id: "${A}") { name } }`,
      );
      expect(planned(skipped?.document)).toBe(
        `query Q($s: Boolean!) { person(id: "${A}") { _cfPlaceholder: __typename } }`,
      );
      expect(printed).toHaveBeenCalledTimes(2);
      expect(skipped?.queryHash).not.toBe(shown?.queryHash);
    });
  });
});
