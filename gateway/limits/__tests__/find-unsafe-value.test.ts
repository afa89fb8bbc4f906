import { findUnsafeValue } from '../find-unsafe-value';
import { unsafeCharacter } from '../unsafe-character';

describe('unsafeCharacter', () => {
  it.each([
    ['511921198503150012', undefined],
    ['张三 line\nbreak\ttab\r', undefined],
    ['emoji 😀 pair', undefined],
    ['a\u0000b', 'control character U+0000'],
    ['bell\u0007', 'control character U+0007'],
    ['del\u007f', 'control character U+007F'],
    ['lone \ud800 high', 'an unpaired surrogate U+D800'],
    ['lone \udc00 low', 'an unpaired surrogate U+DC00'],
  ])('%j → %s', (text, expected) => {
    expect(unsafeCharacter(text)).toBe(expected);
  });
});

describe('findUnsafeValue', () => {
  it('names the path of the first bad string or key', () => {
    expect(findUnsafeValue({ ids: ['ok', 'ok', 'x\u0000'] }, '$', 32)).toEqual({
      path: '$ids[2]',
      problem: 'contains control character U+0000',
    });
    expect(findUnsafeValue({ filter: { caseRef: '\ud800' } }, '$', 32)).toEqual({
      path: '$filter.caseRef',
      problem: 'contains an unpaired surrogate U+D800',
    });
    expect(findUnsafeValue({ filter: { 'k\u0001': 1 } }, '$', 32)).toEqual({
      path: '$filter',
      problem: 'has a key containing control character U+0001',
    });
    expect(findUnsafeValue({ id: '511921198503150012', n: 1, b: true, z: null }, '$', 32)).toBe(
      undefined,
    );
  });

  it('refuses a nesting deeper than the bound without recursing', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(findUnsafeValue({ v: deep }, '$', 32)).toMatchObject({
      problem: 'is nested deeper than 32 levels',
    });
  });
});
