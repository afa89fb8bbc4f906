import iconv from 'iconv-lite';
import { UnsupportedEncodingError, detectEncoding } from '../detect-encoding';

describe('detectEncoding', () => {
  it('takes a UTF-8 BOM as UTF-8', () => {
    expect(detectEncoding(Buffer.from('\uFEFF证件号码,a\n'))).toEqual({
      encoding: 'utf8',
      reason: 'utf8-bom',
    });
  });

  it('takes valid UTF-8 without a BOM as UTF-8, even when the sample cuts a character', () => {
    const text = Buffer.from('行政处罚决定书文号,处罚类别\n');
    expect(detectEncoding(text)).toEqual({ encoding: 'utf8', reason: 'valid-utf8' });
    expect(detectEncoding(text.subarray(0, 4))).toEqual({ encoding: 'utf8', reason: 'valid-utf8' });
  });

  it('takes anything else as GB18030, the default of Chinese office software', () => {
    const gbk = iconv.encode('行政处罚决定书文号,处罚类别\n罚款,警告\n', 'gb18030');
    expect(detectEncoding(gbk)).toEqual({ encoding: 'gb18030', reason: 'not-utf8' });
  });

  it('refuses UTF-16 with advice', () => {
    expect(() => detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toThrow(
      UnsupportedEncodingError,
    );
    expect(() => detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toThrow(/CSV UTF-8/);
  });
});
