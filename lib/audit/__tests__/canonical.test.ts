import { CanonicalJsonError, canonicalJson } from '../canonical';

describe('canonicalJson', () => {
  it('sorts keys by UTF-16 code units at every level and drops whitespace', () => {
    expect(
      canonicalJson({ b: 1, a: { d: [true, null], c: 'x' }, A: 0, é: 2, '10': 3, '9': 4 }),
    ).toBe('{"10":3,"9":4,"A":0,"a":{"c":"x","d":[true,null]},"b":1,"é":2}');
  });

  it('writes numbers in their shortest round-trip form, as JSON.parse reads them back', () => {
    expect(canonicalJson([1, 1.5, 0.1, -0, 1e21, 1e-7, 123456789012345680000, 5e-324])).toBe(
      '[1,1.5,0.1,0,1e+21,1e-7,123456789012345680000,5e-324]',
    );
    const value = JSON.parse('{"n":1.0,"m":1E21,"k":0.00000010}');
    expect(canonicalJson(value)).toBe('{"k":1e-7,"m":1e+21,"n":1}');
  });

  it('escapes strings as JSON.stringify does and keeps non-ASCII text as is', () => {
    expect(canonicalJson({ s: 'line\n"q"\\ 张三 \u001f' })).toBe(
      '{"s":"line\\n\\"q\\"\\\\ 张三 \\u001f"}',
    );
  });

  it('leaves out object properties that are undefined', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it.each([
    [{ a: [1, undefined] }, '$.a[1]', 'undefined'],
    [{ n: Number.NaN }, '$.n', 'number NaN'],
    [{ n: Infinity }, '$.n', 'number Infinity'],
    [{ d: new Date(0) }, '$.d', 'Date is not a plain object'],
    [{ b: BigInt(1) }, '$.b', 'bigint is not JSON'],
    [{ f: () => 1 }, '$.f', 'function is not JSON'],
    [{ s: 'a\u0000b' }, '$.s', 'string contains U+0000'],
    [{ s: 'a\ud800b' }, '$.s', 'string contains a lone surrogate'],
  ])('refuses %p naming the path', (value, path, problem) => {
    expect(() => canonicalJson(value)).toThrow(new CanonicalJsonError(path, problem));
    expect(() => canonicalJson(value)).toThrow(`cannot encode ${path} canonically: ${problem}`);
  });
});
