import {
  birthDateOf,
  citizenIdCheckChar,
  genderOf,
  makeCitizenId,
  validateCitizenId,
} from '../citizen-id';

/** A pinned "today" so the future-date rules do not depend on when the tests run. */
const TODAY = new Date('2025-06-30T00:00:00Z');
/** The example of GB 11643-1999 (a woman born 1949-12-31 in Beijing, check character X). */
const GB_EXAMPLE = '11010519491231002X';
/** The standard's second example: a correct check digit, but born 1880 (before 1900). */
const GB_EXAMPLE_1880 = '440524188001010014';
const CHECK_CHARS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X'];
const ALL_PROVINCES = [
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
  53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
];

function validate(input: unknown) {
  return validateCitizenId(input, TODAY);
}

function expectValid(id: string, value = id) {
  expect(validate(id)).toEqual({ ok: true, value });
}

/** Id with the given 17 leading digits and the correct check character. */
function withCheck(first17: string): string {
  return first17 + citizenIdCheckChar(first17);
}

/** Id with a correct check character and an arbitrary (possibly impossible) birth field. */
function idBornOn(yyyymmdd: string, region = '511921', sequence = '123'): string {
  return withCheck(`${region}${yyyymmdd}${sequence}`);
}

/** One valid Tongjiang id for every check character, found by walking the sequence numbers. */
function idsForEveryCheckChar(): Map<string, string> {
  const found = new Map<string, string>();
  for (let sequence = 0; found.size < CHECK_CHARS.length; sequence += 1) {
    const id = makeCitizenId('511921', '19850315', sequence);
    if (!found.has(id[17])) found.set(id[17], id);
  }
  return found;
}

/** Representative valid ids: the GB example and one per check character. */
const SAMPLE_IDS = [GB_EXAMPLE, ...idsForEveryCheckChar().values()];

describe('validateCitizenId', () => {
  describe('known-good ids', () => {
    it('accepts the GB 11643-1999 example 11010519491231002X', () => {
      expectValid(GB_EXAMPLE);
    });

    it('accepts the example with a lower-case x and returns it upper-cased', () => {
      expectValid('11010519491231002x', GB_EXAMPLE);
    });

    it('computes the right check digit for the 1880 example but rejects it as born before 1900', () => {
      expect(citizenIdCheckChar(GB_EXAMPLE_1880.slice(0, 17))).toBe('4');
      expect(validate(GB_EXAMPLE_1880)).toEqual({
        ok: false,
        reason: 'birth date 18800101 is out of range',
      });
    });

    it('accepts an id for every one of the 11 check characters', () => {
      const ids = idsForEveryCheckChar();
      expect([...ids.keys()].sort()).toEqual(CHECK_CHARS);
      for (const id of ids.values()) expectValid(id);
    });

    it('accepts every province-level code of GB/T 2260', () => {
      for (const province of ALL_PROVINCES) {
        expectValid(makeCitizenId(`${province}0102`, '19700101', 11));
      }
    });
  });

  describe('check character', () => {
    it('rejects each wrong check character with the expected one named', () => {
      for (const id of SAMPLE_IDS) {
        for (const wrong of CHECK_CHARS.filter((c) => c !== id[17])) {
          expect(validate(id.slice(0, 17) + wrong)).toEqual({
            ok: false,
            reason: `check character is ${wrong}, expected ${id[17]}`,
          });
        }
      }
    });

    it('rejects a lower-case x where the check digit is not X', () => {
      const id = SAMPLE_IDS.find((candidate) => candidate[17] === '7') ?? '';
      expect(validate(`${id.slice(0, 17)}x`)).toEqual({
        ok: false,
        reason: 'check character is X, expected 7',
      });
    });

    it('detects every single-character substitution at every position', () => {
      let tried = 0;
      for (const id of SAMPLE_IDS) {
        for (let position = 0; position < 18; position += 1) {
          for (const replacement of CHECK_CHARS) {
            if (replacement === id[position]) continue;
            const corrupted = id.slice(0, position) + replacement + id.slice(position + 1);
            tried += 1;
            if (validate(corrupted).ok) throw new Error(`undetected corruption ${corrupted}`);
          }
        }
      }
      // 12 ids x 18 positions x 10 replacements (digits or X other than the original).
      expect(tried).toBe(12 * 18 * 10);
    });

    it('detects every transposition of two adjacent different characters', () => {
      let tried = 0;
      for (const id of SAMPLE_IDS) {
        for (let position = 0; position < 17; position += 1) {
          if (id[position] === id[position + 1]) continue;
          const swapped =
            id.slice(0, position) + id[position + 1] + id[position] + id.slice(position + 2);
          tried += 1;
          expect({ swapped, ok: validate(swapped).ok }).toEqual({ swapped, ok: false });
        }
      }
      expect(tried).toBeGreaterThan(100);
    });

    it('detects the transposition of two digits of the body that keeps the date real', () => {
      // 1985-03-15 -> 1985-03-51 would be caught by the calendar; 123 -> 213 only by the check.
      const id = makeCitizenId('511921', '19850315', 123);
      const swapped = `${id.slice(0, 14)}213${id[17]}`;
      expect(validate(swapped)).toEqual({
        ok: false,
        reason: `check character is ${id[17]}, expected ${citizenIdCheckChar(swapped.slice(0, 17))}`,
      });
    });
  });

  describe('shape', () => {
    it.each([
      ['empty', '', 0],
      ['17 characters', GB_EXAMPLE.slice(0, 17), 17],
      ['19 characters', `${GB_EXAMPLE}0`, 19],
      ['15 characters (the old first-generation id)', '110105491231002', 15],
      ['inner whitespace', '110105 19491231 002X', 20],
    ])('rejects a wrong length: %s', (_label, input, length) => {
      expect(validate(input)).toEqual({
        ok: false,
        reason: `must be 18 characters, got ${length}`,
      });
    });

    it.each([
      ['a letter in the body', '1101051949123100AX'],
      ['X before the last position', '11010519491231X025'],
      ['a check character other than X', '11010519491231002Y'],
      ['full-width digits', '１１０１０５１９４９１２３１００２X'],
      ['hyphens', '110105-1949123100X'],
      ['a sign', '+1010519491231002X'],
      ['a decimal point', '1101051949.231002X'],
      ['ß, which would upper-case to two letters', '1101051949123100ß2'],
    ])('rejects a non-digit character: %s', (_label, input) => {
      expect(validate(input)).toEqual({
        ok: false,
        reason: 'must be 17 digits followed by a digit or X',
      });
    });

    it.each([
      ['spaces', `  ${GB_EXAMPLE}  `],
      ['tab and newline', `\t${GB_EXAMPLE}\n`],
      ['the ideographic space U+3000', `\u3000${GB_EXAMPLE}\u3000`],
      ['a byte-order mark', `\ufeff${GB_EXAMPLE}`],
      ['whitespace and a lower-case x', ` 11010519491231002x\r\n`],
    ])('trims surrounding whitespace: %s', (_label, input) => {
      expect(validate(input)).toEqual({ ok: true, value: GB_EXAMPLE });
    });

    it.each([
      ['undefined', undefined],
      ['null', null],
      ['a number', 511921198503151],
      ['a bigint', BigInt('110105194912310020')],
      ['an array', [GB_EXAMPLE]],
      ['an object', { id: GB_EXAMPLE }],
      ['a String object', Object(GB_EXAMPLE) as object],
      ['a boolean', true],
    ])('rejects non-string input: %s', (_label, input) => {
      expect(validate(input)).toEqual({ ok: false, reason: 'must be a string' });
    });
  });

  describe('province code', () => {
    it('rejects every two-digit prefix that is not a province', () => {
      const rejected: string[] = [];
      for (let prefix = 0; prefix < 100; prefix += 1) {
        const code = String(prefix).padStart(2, '0');
        const result = validate(withCheck(`${code}010219700101011`));
        if (!result.ok) {
          expect(result).toEqual({ ok: false, reason: `unknown province code ${code}` });
          rejected.push(code);
        }
      }
      expect(rejected.length).toBe(100 - ALL_PROVINCES.length);
      expect(rejected).toEqual(expect.arrayContaining(['00', '10', '20', '39', '72', '80', '83']));
    });
  });

  describe('birth date', () => {
    it.each([
      ['30 February', '19490230'],
      ['29 February of a common year', '19490229'],
      ['29 February 1900 (century, not divisible by 400)', '19000229'],
      ['29 February 2100 (century, not divisible by 400)', '21000229'],
      ['29 February 2023', '20230229'],
      ['31 April', '19850431'],
      ['31 June', '19850631'],
      ['31 September', '19850931'],
      ['31 November', '19851131'],
      ['month 00', '19850015'],
      ['month 13', '19851315'],
      ['day 00', '19850300'],
      ['day 32', '19850132'],
    ])('rejects an impossible date: %s', (_label, yyyymmdd) => {
      expect(validate(idBornOn(yyyymmdd))).toEqual({
        ok: false,
        reason: `birth date ${yyyymmdd} is not a real date`,
      });
    });

    it.each([
      ['29 February 2000 (divisible by 400)', '20000229'],
      ['29 February 1904', '19040229'],
      ['29 February 1996', '19960229'],
      ['29 February 2024', '20240229'],
      ['31 December', '19851231'],
      ['31 January', '19850131'],
      ['1 January 1900, the earliest accepted', '19000101'],
    ])('accepts a real date: %s', (_label, yyyymmdd) => {
      expectValid(idBornOn(yyyymmdd));
    });

    it.each([
      ['31 December 1899', '18991231'],
      ['1 January 1800', '18000101'],
      ['year 0050 (Date.UTC would read it as 1950)', '00500101'],
      ['year 0000', '00000101'],
    ])('rejects a birth year before 1900: %s', (_label, yyyymmdd) => {
      expect(validate(idBornOn(yyyymmdd))).toEqual({
        ok: false,
        reason: `birth date ${yyyymmdd} is out of range`,
      });
    });

    it('accepts a birth today and rejects a birth tomorrow or later', () => {
      expectValid(idBornOn('20250630'));
      for (const future of ['20250701', '20260101', '29991231']) {
        expect(validate(idBornOn(future))).toEqual({
          ok: false,
          reason: `birth date ${future} is out of range`,
        });
      }
    });

    it('judges the future against the real clock when no date is given', () => {
      const tomorrow = new Date(Date.now() + 36 * 3600 * 1000).toISOString().slice(0, 10);
      const yyyymmdd = tomorrow.replace(/-/g, '');
      expect(validateCitizenId(idBornOn(yyyymmdd))).toEqual({
        ok: false,
        reason: `birth date ${yyyymmdd} is out of range`,
      });
      expect(validateCitizenId(GB_EXAMPLE)).toEqual({ ok: true, value: GB_EXAMPLE });
    });
  });
});

describe('citizenIdCheckChar', () => {
  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(citizenIdCheckChar('11010519491231002')).toBe('X');
    expect(citizenIdCheckChar('44052418800101001')).toBe('4');
    expect(citizenIdCheckChar('00000000000000000')).toBe('1');
  });

  it.each([
    ['16 digits', '1101051949123100'],
    ['18 digits', '110105194912310020'],
    ['a letter', '1101051949123100X'],
    ['surrounding spaces', ' 11010519491231002 '],
  ])('refuses anything but 17 digits: %s', (_label, input) => {
    expect(() => citizenIdCheckChar(input)).toThrow('citizenIdCheckChar needs exactly 17 digits');
  });
});

describe('makeCitizenId', () => {
  it('builds the GB example from its parts', () => {
    expect(makeCitizenId('110105', '19491231', 2)).toBe(GB_EXAMPLE);
  });

  it('accepts an ISO date with hyphens', () => {
    expect(makeCitizenId('110105', '1949-12-31', 2)).toBe(GB_EXAMPLE);
  });

  it('pads the sequence to three digits', () => {
    expect(makeCitizenId('511921', '19850315', 7).slice(14, 17)).toBe('007');
    expect(makeCitizenId('511921', '19850315', 42).slice(14, 17)).toBe('042');
    expect(makeCitizenId('511921', '19850315', 999).slice(14, 17)).toBe('999');
  });

  it('makes a valid id for every sequence number of a day', () => {
    const ids = new Set<string>();
    for (let sequence = 0; sequence <= 999; sequence += 1) {
      const id = makeCitizenId('511921', '2000-02-29', sequence);
      expectValid(id);
      ids.add(id);
    }
    expect(ids.size).toBe(1000);
  });

  it('refuses a sequence that does not fit in three digits', () => {
    expect(() => makeCitizenId('511921', '19850315', 1000)).toThrow(
      'citizenIdCheckChar needs exactly 17 digits',
    );
  });
});

describe('birthDateOf', () => {
  it('reads the ISO birth date encoded in an id', () => {
    expect(birthDateOf(GB_EXAMPLE)).toBe('1949-12-31');
    expect(birthDateOf(makeCitizenId('511921', '2000-02-29', 1))).toBe('2000-02-29');
  });

  it('round-trips every day of a leap year through makeCitizenId', () => {
    const day = new Date('2024-01-01T00:00:00Z');
    for (let i = 0; i < 366; i += 1) {
      const iso = day.toISOString().slice(0, 10);
      expect(birthDateOf(makeCitizenId('511921', iso, 11))).toBe(iso);
      day.setUTCDate(day.getUTCDate() + 1);
    }
  });
});

describe('genderOf', () => {
  it('reads female from the GB example (sequence 002)', () => {
    expect(genderOf(GB_EXAMPLE)).toBe('FEMALE');
  });

  it('reads male for an odd and female for an even sequence digit, whatever the check character', () => {
    for (let sequence = 0; sequence <= 999; sequence += 1) {
      const id = makeCitizenId('511921', '19850315', sequence);
      expect(genderOf(id)).toBe(sequence % 2 === 1 ? 'MALE' : 'FEMALE');
    }
  });
});
