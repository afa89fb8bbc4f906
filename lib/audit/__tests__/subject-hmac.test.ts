import { createHmac } from 'node:crypto';
import { maskId, normalizeSubjectId, subjectHmac, subjectRef } from '../subject-hmac';

const key = Buffer.alloc(32, 7);

describe('subject references', () => {
  it('HMACs the normalized id with the key (hex sha256)', () => {
    const expected = createHmac('sha256', key).update('51192119850312123X').digest('hex');
    expect(subjectHmac(key, '51192119850312123X')).toBe(expected);
    expect(subjectHmac(key, ' 51192119850312123x ')).toBe(expected);
  });

  it('differs with another key', () => {
    expect(subjectHmac(Buffer.alloc(32, 8), '51192119850312123X')).not.toBe(
      subjectHmac(key, '51192119850312123X'),
    );
  });

  it('masks an 18-character id to first 6 + 8 stars + last 4', () => {
    expect(maskId('51192119850312123x')).toBe('511921********123X');
    expect(maskId('12345')).toBe('*****');
  });

  it('normalizes like id validation: trimmed, x upper-cased', () => {
    expect(normalizeSubjectId(' 51192119850312123x\n')).toBe('51192119850312123X');
  });

  it('builds the stored reference', () => {
    expect(subjectRef(key, '51192119850312123X')).toEqual({
      hmac: createHmac('sha256', key).update('51192119850312123X').digest('hex'),
      masked: '511921********123X',
    });
  });
});
