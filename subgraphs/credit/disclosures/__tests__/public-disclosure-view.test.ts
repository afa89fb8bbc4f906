import { makeCitizenId } from '../../../../lib/ids/citizen-id';
import { decodeDisclosureCursor, encodeDisclosureCursor } from '../disclosure-cursor';
import { DISCLOSURE_ENTRY_READER } from '../disclosure-entry-reader';
import { loadCatalog } from '../../rules/load-catalog';
import { toPublicDisclosure } from '../public-disclosure-view';

const ID = makeCitizenId('511921', '1985-03-12', 123);

describe('toPublicDisclosure', () => {
  it('masks the id number to region and last four characters, and adds nothing of the party', () => {
    expect(
      toPublicDisclosure(
        {
          id: 'AMR:AMR-PEN-000001',
          kind: 'PENALTY',
          dept: 'AMR',
          personId: ID,
          partyNameMasked: '张*',
          decisionNo: '通市监罚〔2025〕12号',
          decidedAt: '2025-05-01',
          disclosureItem: 'AMR_PENALTY_FINE',
          authority: '通江县市场监督管理局',
          validUntil: null,
        },
        loadCatalog(),
      ),
    ).toEqual({
      id: 'AMR:AMR-PEN-000001',
      kind: 'PENALTY',
      dept: 'AMR',
      decisionNo: '通市监罚〔2025〕12号',
      decidedAt: '2025-05-01',
      // The catalog's name of the kind: the facts and the amount stay with the bureau.
      title: '行政处罚（罚款）',
      authority: '通江县市场监督管理局',
      validUntil: null,
      partyName: '张*',
      partyIdNumber: `511921********${ID.slice(-4)}`,
    });
  });
});

describe('disclosure cursor', () => {
  it('round-trips a position and refuses anything else', () => {
    const position = { decidedAt: '2025-05-01', id: 'AMR:AMR-LIC-000007' };
    expect(decodeDisclosureCursor(encodeDisclosureCursor(position))).toEqual(position);
    expect(decodeDisclosureCursor('not-a-cursor')).toBeNull();
  });
});

describe('DISCLOSURE_ENTRY_READER', () => {
  const raw = {
    sourceRecordId: 'AMR-LIC-000007',
    kind: 'LICENSING',
    personId: ID,
    partyName: '张三',
    decisionNo: '通市监许〔2024〕7号',
    decidedAt: '2024-03-01',
    disclosureItem: 'AMR_LICENSING_FOOD_BUSINESS',
    authority: '通江县市场监督管理局',
    validUntil: '2029-02-28',
    status: 'ACTIVE',
    statusChangedAt: null,
    catalogCode: null,
    changeSeq: '42',
  };

  it('reads a valid entry as it is', () => {
    expect(DISCLOSURE_ENTRY_READER.read(raw, 'e')).toEqual(raw);
    const penalty = { ...raw, kind: 'PENALTY', catalogCode: 'AMR_PENALTY_MINOR' };
    expect(DISCLOSURE_ENTRY_READER.read(penalty, 'e')).toEqual(penalty);
  });

  it('reads an entry of a feed without catalog codes as having none', () => {
    const older: Record<string, unknown> = { ...raw };
    delete older.catalogCode;
    expect(DISCLOSURE_ENTRY_READER.read(older, 'e')).toEqual(raw);
  });

  it('names the first wrong field', () => {
    expect(() => DISCLOSURE_ENTRY_READER.read({ ...raw, status: 'PERFORMED' }, 'e[0]')).toThrow(
      'e[0].status: unknown status "PERFORMED"',
    );
    expect(() => DISCLOSURE_ENTRY_READER.read({ ...raw, partyName: 3 }, 'e[0]')).toThrow(
      'e[0].partyName: expected a string',
    );
    expect(() =>
      DISCLOSURE_ENTRY_READER.read({ ...raw, catalogCode: 'x'.repeat(65) }, 'e[0]'),
    ).toThrow('e[0].catalogCode: expected a catalog code or null');
  });
});
