import { makeCitizenId } from '../../ids/citizen-id';
import { captureLogs } from '../capture-logs';
import { createLogger } from '../create-logger';
import { scrubLogValue } from '../scrub-log-value';

const id = makeCitizenId('511921', '19850315', 101);
const masked = `511921********${id.slice(-4)}`;

describe('log lines never hold a citizen id', () => {
  it('masks ids in strings, keys, nested values and errors', () => {
    const error = new Error(`person ${id} not found`);
    expect(scrubLogValue({ msg: `about ${id}`, [id]: [id], err: error })).toEqual({
      msg: `about ${masked}`,
      [masked]: [masked],
      err: { type: 'Error', message: `person ${masked} not found`, stack: expect.any(String) },
    });
    expect(JSON.stringify(scrubLogValue(error))).not.toContain(id);
  });

  it('masks an id even inside a longer token, and leaves other numbers alone', () => {
    // One rule with the audit store (mask-citizen-ids-in-text.ts): an id glued to letters, as in a
    // case reference or a made-up hash, is still an id.
    expect(scrubLogValue(`ab${id}cd 12345678901234567`)).toBe(`ab${masked}cd 12345678901234567`);
  });

  it('writes JSON lines with the bindings, masking what slipped into a message', () => {
    const logs = captureLogs('info');
    try {
      createLogger({ service: 'tax' }).warn({ requestId: 'r1', err: new Error(id) }, `no ${id}`);
    } finally {
      logs.restore();
    }
    expect(logs.lines).toHaveLength(1);
    expect(logs.lines[0]).not.toContain(id);
    expect(JSON.parse(logs.lines[0])).toMatchObject({
      level: 'warn',
      service: 'tax',
      requestId: 'r1',
      msg: `no ${masked}`,
      err: { message: masked },
    });
  });
});
