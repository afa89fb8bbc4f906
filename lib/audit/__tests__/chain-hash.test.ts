import { createHash } from 'node:crypto';
import { GENESIS_HASH, entryHash, toRecordedAt } from '../chain-hash';

describe('entryHash', () => {
  const entry = {
    writer: 'gateway',
    seq: 1,
    prevHash: GENESIS_HASH,
    recordedAt: '2025-01-02T03:04:05.678000Z',
    kind: 'operation' as const,
    requestId: 'r1',
    payload: { user: 'u1', subjects: [] },
  };

  it('is sha256 of the canonical entry (without hash) followed by prevHash', () => {
    const canonical =
      '{"kind":"operation","payload":{"subjects":[],"user":"u1"},"prevHash":"' +
      GENESIS_HASH +
      '","recordedAt":"2025-01-02T03:04:05.678000Z","requestId":"r1","seq":1,"writer":"gateway"}';
    const expected = createHash('sha256')
      .update(canonical + GENESIS_HASH)
      .digest('hex');
    expect(entryHash(entry)).toBe(expected);
  });

  it('ignores properties outside the entry (the stored hash, extra fields)', () => {
    const stored = { ...entry, hash: 'x', extra: 1 };
    expect(entryHash(stored)).toBe(entryHash(entry));
  });

  it.each([
    ['writer', { writer: 'tax' }],
    ['seq', { seq: 2 }],
    ['prevHash', { prevHash: '1'.repeat(64) }],
    ['recordedAt by a microsecond', { recordedAt: '2025-01-02T03:04:05.678001Z' }],
    ['kind', { kind: 'resolver' as const }],
    ['requestId', { requestId: null }],
    ['payload', { payload: { user: 'u2', subjects: [] } }],
  ])('changes with %s', (_name, change) => {
    expect(entryHash({ ...entry, ...change })).not.toBe(entryHash(entry));
  });

  it('genesis is 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0000000000000000000000000000000000000000000000000000000000000000');
  });
});

describe('toRecordedAt', () => {
  it('is UTC with six fraction digits', () => {
    expect(toRecordedAt(new Date('2025-01-02T11:04:05.678+08:00'))).toBe(
      '2025-01-02T03:04:05.678000Z',
    );
  });
});
