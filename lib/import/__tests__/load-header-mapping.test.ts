import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadHeaderMapping } from '../load-header-mapping';
import { normalizeHeader } from '../normalize-header';

const dir = mkdtempSync(join(tmpdir(), 'mapping-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

describe('loadHeaderMapping', () => {
  it('reads columns (normalized) and enum names', async () => {
    const mapping = await loadHeaderMapping(
      file(
        'ok.yaml',
        'columns:\n  当事人身份证号（本人）: personId\n  内部流水号: null\nvalues:\n  penaltyKind: { 一般罚款: FINE }\n',
      ),
    );
    expect([...mapping.columns]).toEqual([
      [normalizeHeader('当事人身份证号(本人)'), 'personId'],
      [normalizeHeader('内部流水号'), null],
    ]);
    expect(mapping.values).toEqual({ penaltyKind: { 一般罚款: 'FINE' } });
  });

  it('refuses unknown keys, wrong shapes, a missing or too large file', async () => {
    await expect(loadHeaderMapping(file('a.yaml', 'column: {}\n'))).rejects.toThrow(
      'unknown key column (only columns, values)',
    );
    await expect(loadHeaderMapping(file('b.yaml', 'columns:\n  a: [1]\n'))).rejects.toThrow(
      'columns.a must be a name or null',
    );
    await expect(
      loadHeaderMapping(file('c.yaml', 'values:\n  penaltyKind: { a: 1 }\n')),
    ).rejects.toThrow('values.penaltyKind.a must be a text');
    await expect(loadHeaderMapping(join(dir, 'none.yaml'))).rejects.toThrow('no such file');
    await expect(loadHeaderMapping(file('big.yaml', `# ${'x'.repeat(70_000)}\n`))).rejects.toThrow(
      'more than 65536',
    );
  });
});
