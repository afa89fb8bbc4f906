import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kindsMarkdown } from '../kinds-markdown';

/** Table cells without Prettier's alignment padding, so formatting the docs changes nothing. */
const unpadded = (markdown: string) =>
  markdown
    .trim()
    .split('\n')
    .map((line) => line.replace(/\s*\|\s*/g, '|').replace(/\|:?-+:?(?=\|)/g, '|---'))
    .join('\n');

describe('docs/IMPORT.md', () => {
  it('lists the columns of every kind exactly as the import reads them (npm run examples:import refreshes it)', () => {
    const text = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'IMPORT.md'), 'utf8');
    const section = text.slice(
      text.indexOf('<!-- kinds:start -->') + '<!-- kinds:start -->'.length,
      text.indexOf('<!-- kinds:end -->'),
    );
    expect(unpadded(section)).toBe(unpadded(kindsMarkdown()));
  });
});
