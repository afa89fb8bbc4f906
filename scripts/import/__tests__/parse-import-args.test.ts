import { parseImportArgs } from '../parse-import-args';

const NOW = new Date('2026-12-02T03:00:00Z');

describe('parseImportArgs', () => {
  it('reads an import with its defaults', () => {
    const request = parseImportArgs(['--dept', 'amr', '--kind', 'penalties', 'f.csv'], {}, NOW);
    expect(request.action).toBe('import');
    if (request.action !== 'import') return;
    expect({ ...request.command, kind: request.command.kind.kind }).toEqual({
      kind: 'penalties',
      file: 'f.csv',
      encoding: undefined,
      mappingPath: undefined,
      dryRun: false,
      gatewayUrl: 'http://127.0.0.1:4000',
      tokenFile: undefined,
      caseRef: 'IMPORT-AMR-20261202',
      purpose: 'DATA_ENTRY',
      batchRows: 200,
      rejectsPath: undefined,
      dataDir: '.data',
      quiet: false,
    });
  });

  it('takes gbk as GB18030 and the gateway from GATEWAY_URL', () => {
    const request = parseImportArgs(
      ['--dept', 'TAX', '--kind', 'arrears', '--encoding', 'GBK', '--dry-run', 'a.csv'],
      { GATEWAY_URL: 'http://gw:4000' },
      NOW,
    );
    expect(
      request.action === 'import' && [
        request.command.encoding,
        request.command.gatewayUrl,
        request.command.dryRun,
      ],
    ).toEqual(['gb18030', 'http://gw:4000', true]);
  });

  it('refuses, naming what to change', () => {
    const refuse = (argv: string[]) => () => parseImportArgs(argv, {}, NOW);
    expect(refuse(['--kind', 'penalties', 'f.csv'])).toThrow(
      '--dept is required: one of TAX, COURT, AMR, EDU, PSB, NDRC',
    );
    expect(refuse(['--dept', 'AMR', '--kind', 'arrears', 'f.csv'])).toThrow(
      '--kind arrears: AMR imports licences, penalties, penalty-revocations, abnormal-operations, abnormal-operation-removals',
    );
    expect(refuse(['--dept', 'PBOC', '--kind', 'x', 'f.csv'])).toThrow('PBOC records no decisions');
    expect(refuse(['--dept', 'AMR', '--kind', 'penalties'])).toThrow(
      'give exactly one file to import (got 0)',
    );
    expect(
      refuse(['--dept', 'AMR', '--kind', 'penalties', '--batch-size', '501', 'f.csv']),
    ).toThrow('--batch-size must be a whole number from 1 to 500');
    expect(refuse(['--dept', 'AMR', '--kind', 'penalties', '--encoding', 'big5', 'f.csv'])).toThrow(
      '--encoding big5: utf8 or gb18030 (gbk)',
    );
    expect(refuse(['--dept', 'AMR', '--kind', 'penalties', '--case-ref', 'a b', 'f.csv'])).toThrow(
      '--case-ref a b: 1 to 64 of A-Z a-z 0-9 - _ /',
    );
    expect(refuse(['--dept', 'AMR', '--kind', 'penalties', '--token', 'x', 'f.csv'])).toThrow(
      "Unknown option '--token'",
    );
  });
});
