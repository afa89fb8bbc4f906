import { formatDigestLines, parseKnownDigests } from '../known-digests';

const a = 'a'.repeat(64);
const b = 'b'.repeat(64);

describe('known digests', () => {
  it('prints head and anchor lines of intact chains only', () => {
    expect(
      formatDigestLines([
        {
          writer: 'gateway',
          entries: 3,
          head: { seq: 9, hash: a },
          anchor: { seq: 6, hash: b },
          digestsChecked: 0,
        },
        { writer: 'tax', entries: 2, head: { seq: 2, hash: b }, digestsChecked: 0 },
        {
          writer: 'court',
          entries: 0,
          head: { seq: 4, hash: a },
          digestsChecked: 0,
          firstBroken: { seq: 1, reason: 'seq gap', detail: '' },
        },
      ]),
    ).toEqual([
      `head gateway seq=9 sha256=${a}`,
      `anchor gateway seq=6 sha256=${b}`,
      `head tax seq=2 sha256=${b}`,
    ]);
  });

  it('parses those lines back out of a whole verify output', () => {
    const output = [
      '> credit-federation@0.1.0 audit:verify',
      'ok     gateway: 3 entries, head seq 9, from the prune anchor at seq 6',
      `head gateway seq=9 sha256=${a}`,
      `anchor gateway seq=6 sha256=${b}\r`,
      `head tax seq=x sha256=${a}`,
      'audit:verify: 2 chain(s), 5 entries, all intact (0.1 s)',
    ].join('\n');
    expect(parseKnownDigests(output)).toEqual([
      { writer: 'gateway', seq: 9, hash: a },
      { writer: 'gateway', seq: 6, hash: b },
    ]);
  });
});
