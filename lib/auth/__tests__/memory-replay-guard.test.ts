import { createMemoryReplayGuard } from '../memory-replay-guard';

describe('createMemoryReplayGuard', () => {
  it('accepts a token id once per scope, until it expires', async () => {
    let now = 1000;
    const guard = createMemoryReplayGuard({ now: () => now });
    expect(await guard.accept('tax', 'j1', 5000)).toBe('first');
    expect(await guard.accept('tax', 'j1', 5000)).toBe('replayed');
    // Another subgraph's token of the same id is another token.
    expect(await guard.accept('court', 'j1', 5000)).toBe('first');
    now = 5000;
    // Expired: the token itself is refused by its verifier by now; the id may be forgotten.
    expect(await guard.accept('tax', 'j1', 9000)).toBe('first');
  });

  it('holds at most maxEntries live ids and refuses (fails closed) beyond', async () => {
    let now = 0;
    const guard = createMemoryReplayGuard({ now: () => now, maxEntries: 3 });
    for (const id of ['a', 'b', 'c']) expect(await guard.accept('tax', id, 100)).toBe('first');
    expect(await guard.accept('tax', 'd', 100)).toBe('full');
    now = 100;
    expect(await guard.accept('tax', 'd', 200)).toBe('first');
  });
});
