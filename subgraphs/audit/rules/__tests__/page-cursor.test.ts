import {
  decodeEntryCursor,
  decodeRequestCursor,
  encodeEntryCursor,
  encodeRequestCursor,
} from '../page-cursor';

describe('page cursors', () => {
  it('round-trip entry and request positions', () => {
    const entry = { recordedAt: '2025-03-03T02:00:00.123456Z', writer: 'gateway', seq: 42 };
    expect(decodeEntryCursor(encodeEntryCursor(entry))).toEqual(entry);
    const request = { firstAt: '2025-03-03T02:00:00.000000Z', requestId: 'req-1' };
    expect(decodeRequestCursor(encodeRequestCursor(request))).toEqual(request);
  });

  it('use the format of lib/audit search, so its cursors continue here', () => {
    expect(
      encodeEntryCursor({ recordedAt: '2025-01-01T00:00:00.000000Z', writer: 'tax', seq: 1 }),
    ).toBe(Buffer.from('["2025-01-01T00:00:00.000000Z","tax",1]').toString('base64url'));
  });

  it('refuse anything else', () => {
    const request = encodeRequestCursor({ firstAt: '2025-03-03T02:00:00Z', requestId: 'r' });
    expect(decodeEntryCursor(request)).toBeUndefined();
    expect(decodeEntryCursor('not a cursor')).toBeUndefined();
    expect(
      decodeEntryCursor(Buffer.from('["yesterday","tax",1]').toString('base64url')),
    ).toBeUndefined();
    expect(decodeRequestCursor(Buffer.from('{"a":1}').toString('base64url'))).toBeUndefined();
  });
});
