import { makeUscc, usccCheckChar, validateUscc } from '../uscc';

/** The example code of GB 32100-2015. */
const GB_EXAMPLE = '91350100M000100Y43';
/** Codes printed on published business licences of large companies (public data). */
const PUBLISHED = ['914403001922038216', '91440300708461136T', '91110108551385082Q'];
const ALPHABET = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];
const EXCLUDED = ['I', 'O', 'S', 'V', 'Z'];
const ALL_ASCII = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const AUTHORITIES = [...'123456789ABCDEFGY'];

function expectValid(code: string, value = code) {
  expect(validateUscc(code)).toEqual({ ok: true, value });
}

/** One valid Tongjiang enterprise code per check character, found by walking the body. */
function codesForEveryCheckChar(): Map<string, string> {
  const found = new Map<string, string>();
  for (let n = 0; found.size < ALPHABET.length; n += 1) {
    const code = makeUscc(`91511921MA6${String(n).padStart(6, '0')}`);
    if (!found.has(code[17])) found.set(code[17], code);
  }
  return found;
}

const SAMPLE_CODES = [GB_EXAMPLE, ...PUBLISHED, ...codesForEveryCheckChar().values()];

describe('validateUscc', () => {
  describe('known-good codes', () => {
    it('accepts the GB 32100-2015 example 91350100M000100Y43', () => {
      expectValid(GB_EXAMPLE);
    });

    it.each(PUBLISHED)('accepts the published code %s', (code) => {
      expectValid(code);
    });

    it('accepts a code for every one of the 31 check characters', () => {
      const codes = codesForEveryCheckChar();
      expect([...codes.keys()].sort()).toEqual([...ALPHABET].sort());
      for (const code of codes.values()) expectValid(code);
    });

    it('upper-cases a lower-case code', () => {
      expectValid('91350100m000100y43', GB_EXAMPLE);
      expectValid(' 91440300708461136t ', '91440300708461136T');
    });

    it.each([
      ['spaces', `  ${GB_EXAMPLE}  `],
      ['tab and newline', `\t${GB_EXAMPLE}\n`],
      ['the ideographic space U+3000', `\u3000${GB_EXAMPLE}`],
    ])('trims surrounding whitespace: %s', (_label, input) => {
      expectValid(input, GB_EXAMPLE);
    });
  });

  describe('alphabet', () => {
    it.each(EXCLUDED)('rejects the excluded letter %s in the body, in either case', (letter) => {
      const input = `91511921MA6${letter}23456X`;
      expect(validateUscc(input)).toEqual({
        ok: false,
        reason: `character ${letter} is not allowed`,
      });
      expect(validateUscc(input.toLowerCase())).toEqual({
        ok: false,
        reason: `character ${letter} is not allowed`,
      });
    });

    it.each(EXCLUDED)('rejects the excluded letter %s as check character', (letter) => {
      expect(validateUscc(`${GB_EXAMPLE.slice(0, 17)}${letter}`)).toEqual({
        ok: false,
        reason: `character ${letter} is not allowed`,
      });
    });

    it.each([
      ['a hyphen', '91350100-000100Y43', '-'],
      ['a full-width digit', '９1350100M000100Y43', '９'],
      ['a Chinese character', '91350100M000100码43', '码'],
      ['the dotless ı (upper-cases to I)', '91350100M000100ı43', 'ı'],
      ['ß', '91350100M000100ß43', 'ß'],
    ])('rejects a character outside the alphabet: %s', (_label, input, bad) => {
      expect(validateUscc(input)).toEqual({ ok: false, reason: `character ${bad} is not allowed` });
    });

    it('rejects a 17-character input whose ligature would upper-case to two valid letters', () => {
      for (const [pair, ligature] of [
        ['FF', '\ufb00'],
        ['FL', '\ufb02'],
      ]) {
        const code = makeUscc(`91511921M${pair}123456`);
        expectValid(code);
        const input = code.replace(pair, ligature);
        expect(validateUscc(input)).toEqual({ ok: false, reason: 'must be 18 characters, got 17' });
      }
    });
  });

  describe('structure', () => {
    it('accepts every registration authority 1-9, A-G and Y', () => {
      for (const authority of AUTHORITIES) {
        expectValid(makeUscc(`${authority}1511921MA6123456`));
      }
    });

    it('rejects every other character of the alphabet as registration authority', () => {
      const others = ALPHABET.filter((c) => !AUTHORITIES.includes(c));
      expect(others).toEqual([...'0HJKLMNPQRTUWX']);
      for (const authority of others) {
        expect(validateUscc(makeUscc(`${authority}1511921MA6123456`))).toEqual({
          ok: false,
          reason: `unknown registration authority ${authority}`,
        });
      }
    });

    it.each([
      ['a letter at the start', 'A11921'],
      ['a letter at the end', '51192A'],
      ['all letters', 'ABCDEF'],
    ])('rejects a region code that is not 6 digits: %s', (_label, region) => {
      expect(validateUscc(makeUscc(`91${region}MA6123456`))).toEqual({
        ok: false,
        reason: 'region code must be 6 digits',
      });
    });

    it.each([
      ['empty', '', 0],
      ['17 characters', GB_EXAMPLE.slice(0, 17), 17],
      ['19 characters', `${GB_EXAMPLE}0`, 19],
      ['the old 15-character registration number', '350100400012345', 15],
      ['inner spaces', '9135 0100 M000 100Y 43', 22],
    ])('rejects a wrong length: %s', (_label, input, length) => {
      expect(validateUscc(input)).toEqual({
        ok: false,
        reason: `must be 18 characters, got ${length}`,
      });
    });

    it.each([
      ['undefined', undefined],
      ['null', null],
      ['a number', 913501001000100],
      ['an array', [GB_EXAMPLE]],
      ['an object', { uscc: GB_EXAMPLE }],
    ])('rejects non-string input: %s', (_label, input) => {
      expect(validateUscc(input)).toEqual({ ok: false, reason: 'must be a string' });
    });
  });

  describe('check character', () => {
    it('names the expected check character', () => {
      expect(validateUscc('91350100M000100Y44')).toEqual({
        ok: false,
        reason: 'check character is 4, expected 3',
      });
    });

    it('detects every single-character substitution at every position', () => {
      let tried = 0;
      for (const code of SAMPLE_CODES) {
        for (let position = 0; position < 18; position += 1) {
          for (const replacement of ALL_ASCII) {
            if (replacement === code[position]) continue;
            const corrupted = code.slice(0, position) + replacement + code.slice(position + 1);
            tried += 1;
            if (validateUscc(corrupted).ok) throw new Error(`undetected corruption ${corrupted}`);
          }
        }
      }
      // 35 codes x 18 positions x 35 other characters.
      expect(tried).toBe(SAMPLE_CODES.length * 18 * 35);
    });

    it('detects every transposition of two adjacent different characters', () => {
      let tried = 0;
      for (const code of SAMPLE_CODES) {
        for (let position = 0; position < 17; position += 1) {
          if (code[position] === code[position + 1]) continue;
          const swapped =
            code.slice(0, position) +
            code[position + 1] +
            code[position] +
            code.slice(position + 2);
          tried += 1;
          expect({ swapped, ok: validateUscc(swapped).ok }).toEqual({ swapped, ok: false });
        }
      }
      expect(tried).toBeGreaterThan(400);
    });
  });
});

describe('usccCheckChar', () => {
  it('computes the GB 32100 MOD 31 check character', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('91440300708461136')).toBe('T');
    expect(usccCheckChar('00000000000000000')).toBe('0');
  });

  it.each(EXCLUDED)('refuses the excluded letter %s', (letter) => {
    expect(() => usccCheckChar(`9135010${letter}M000100Y4`)).toThrow(
      `usccCheckChar: invalid character ${letter}`,
    );
  });

  it('refuses lower-case letters (callers normalise first)', () => {
    expect(() => usccCheckChar('91350100m000100y4')).toThrow('usccCheckChar: invalid character m');
  });
});

describe('makeUscc', () => {
  it('appends the check character to the first 17 characters', () => {
    expect(makeUscc('91350100M000100Y4')).toBe(GB_EXAMPLE);
  });

  it('makes valid codes for a run of bodies', () => {
    for (let n = 0; n < 1000; n += 1) {
      expectValid(makeUscc(`92511921MA${String(n).padStart(7, '0')}`));
    }
  });
});
