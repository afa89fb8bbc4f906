import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import type { CallerIdentity } from '../../../lib/auth/caller';
import { allowedPurposes, readPurpose } from '../read-purpose';
import type { RequestHeaders } from '../read-purpose';

const officer: CallerIdentity = {
  sub: 'o-1',
  clientType: 'officer',
  dept: 'AMR',
  roles: ['officer'],
};
const citizen: CallerIdentity = {
  sub: 'c-1',
  clientType: 'citizen',
  roles: [],
  personId: '11010519491231002X',
};
const auditor: CallerIdentity = { sub: 'a-1', clientType: 'auditor', dept: 'AUDIT', roles: [] };
const anonymous: CallerIdentity = { sub: 'anonymous', clientType: 'public', roles: [] };

const OFFICER_PURPOSES =
  'ADMIN_LICENSING (行政许可), ADMIN_ENFORCEMENT (监管执法), JOINT_DISCIPLINE (联合奖惩), ' +
  'PUBLIC_SERVICE (公共服务), CREDIT_REPAIR (异议与修复), JUDICIAL (司法), AUTHORIZED_QUERY (授权查询), ' +
  'DATA_ENTRY (信息记录)';

function refusal(identity: CallerIdentity, headers: RequestHeaders) {
  try {
    readPurpose(identity, headers);
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    const { message, extensions } = error as GraphQLError;
    return { message, extensions };
  }
  throw new Error('expected readPurpose to refuse the headers');
}

describe('readPurpose: defaults', () => {
  it('lets an officer send no purpose (the policy check decides if person data needs one)', () => {
    expect(readPurpose(officer, {})).toEqual({});
  });

  it('defaults a citizen to SELF_QUERY without a case ref', () => {
    expect(readPurpose(citizen, {})).toEqual({ purpose: 'SELF_QUERY' });
  });

  it('defaults an auditor to AUDIT_REVIEW without a case ref', () => {
    expect(readPurpose(auditor, {})).toEqual({ purpose: 'AUDIT_REVIEW' });
  });

  it('gives the public client no purpose', () => {
    expect(readPurpose(anonymous, {})).toEqual({});
  });

  it('treats empty header values as absent', () => {
    expect(readPurpose(officer, { 'x-purpose': ' ', 'x-case-ref': '' })).toEqual({});
  });
});

describe('readPurpose: declared purposes', () => {
  it('returns the purpose and case ref of an officer', () => {
    const headers = { 'x-purpose': 'ADMIN_LICENSING', 'x-case-ref': 'XK-2025/0001_a' };
    expect(readPurpose(officer, headers)).toEqual({
      purpose: 'ADMIN_LICENSING',
      caseRef: 'XK-2025/0001_a',
    });
  });

  it('reads an Apollo HeaderMap as well as node headers', () => {
    const headers = new HeaderMap([
      ['x-purpose', 'JUDICIAL'],
      ['x-case-ref', 'ZX-2025-123'],
    ]);
    expect(readPurpose(officer, headers)).toEqual({ purpose: 'JUDICIAL', caseRef: 'ZX-2025-123' });
  });

  it('lets a citizen send SELF_QUERY and a case ref', () => {
    const headers = { 'x-purpose': 'SELF_QUERY', 'x-case-ref': 'C-1' };
    expect(readPurpose(citizen, headers)).toEqual({ purpose: 'SELF_QUERY', caseRef: 'C-1' });
  });

  it('lets an auditor declare another purpose with a case ref', () => {
    const headers = { 'x-purpose': 'JUDICIAL', 'x-case-ref': 'SJ-7' };
    expect(readPurpose(auditor, headers)).toEqual({ purpose: 'JUDICIAL', caseRef: 'SJ-7' });
  });

  it('accepts a 64-character case ref', () => {
    const caseRef = 'A'.repeat(64);
    expect(readPurpose(officer, { 'x-purpose': 'PUBLIC_SERVICE', 'x-case-ref': caseRef })).toEqual({
      purpose: 'PUBLIC_SERVICE',
      caseRef,
    });
  });
});

describe('readPurpose: refusals', () => {
  it('refuses an unknown purpose, listing the allowed values with their Chinese terms', () => {
    expect(refusal(officer, { 'x-purpose': 'CURIOSITY', 'x-case-ref': 'A-1' })).toEqual({
      message: `Unknown X-Purpose "CURIOSITY". Allowed values: ${OFFICER_PURPOSES}.`,
      extensions: {
        code: 'BAD_USER_INPUT',
        header: 'X-Purpose',
        allowed: [
          'ADMIN_LICENSING',
          'ADMIN_ENFORCEMENT',
          'JOINT_DISCIPLINE',
          'PUBLIC_SERVICE',
          'CREDIT_REPAIR',
          'JUDICIAL',
          'AUTHORIZED_QUERY',
          'DATA_ENTRY',
        ],
        http: { status: 400 },
      },
    });
  });

  it('refuses purposes in the wrong case (values are exact)', () => {
    expect(refusal(officer, { 'x-purpose': 'judicial' }).message).toBe(
      `Unknown X-Purpose "judicial". Allowed values: ${OFFICER_PURPOSES}.`,
    );
  });

  it('lists SELF_QUERY among the allowed values for a citizen', () => {
    expect(refusal(citizen, { 'x-purpose': 'NOSY' }).extensions.allowed).toEqual([
      'ADMIN_LICENSING',
      'ADMIN_ENFORCEMENT',
      'JOINT_DISCIPLINE',
      'PUBLIC_SERVICE',
      'CREDIT_REPAIR',
      'JUDICIAL',
      'AUTHORIZED_QUERY',
      'DATA_ENTRY',
      'SELF_QUERY',
    ]);
  });

  it('requires X-Case-Ref with a purpose other than SELF_QUERY and AUDIT_REVIEW', () => {
    expect(refusal(officer, { 'x-purpose': 'ADMIN_ENFORCEMENT' })).toEqual({
      message:
        'X-Case-Ref (办件编号, the business matter number) is required with X-Purpose ADMIN_ENFORCEMENT (监管执法).',
      extensions: { code: 'BAD_USER_INPUT', header: 'X-Case-Ref', http: { status: 400 } },
    });
    expect(refusal(citizen, { 'x-purpose': 'CREDIT_REPAIR' }).message).toBe(
      'X-Case-Ref (办件编号, the business matter number) is required with X-Purpose CREDIT_REPAIR (异议与修复).',
    );
  });

  it.each([
    ['too long', 'A'.repeat(65)],
    ['a space', 'XK 2025'],
    ['a non-ASCII character', '川-2025-1'],
    ['a dot', '../etc'],
  ])('refuses a case ref with %s', (_name, caseRef) => {
    expect(refusal(officer, { 'x-purpose': 'JUDICIAL', 'x-case-ref': caseRef })).toEqual({
      message: 'X-Case-Ref must be 1-64 characters of A-Z a-z 0-9 - _ /.',
      extensions: { code: 'BAD_USER_INPUT', header: 'X-Case-Ref', http: { status: 400 } },
    });
  });

  it('refuses SELF_QUERY from anyone but a citizen', () => {
    expect(refusal(officer, { 'x-purpose': 'SELF_QUERY' })).toEqual({
      message: 'X-Purpose SELF_QUERY (本人查询) is only for citizen clients, not officer.',
      extensions: {
        code: 'FORBIDDEN',
        header: 'X-Purpose',
        allowed: allowedPurposes('officer'),
        http: { status: 403 },
      },
    });
    expect(refusal(auditor, { 'x-purpose': 'SELF_QUERY' }).message).toBe(
      'X-Purpose SELF_QUERY (本人查询) is only for citizen clients, not auditor.',
    );
  });

  it('refuses AUDIT_REVIEW from anyone but an auditor', () => {
    expect(refusal(citizen, { 'x-purpose': 'AUDIT_REVIEW' }).message).toBe(
      'X-Purpose AUDIT_REVIEW (审计复核) is only for auditor clients, not citizen.',
    );
    expect(refusal(officer, { 'x-purpose': 'AUDIT_REVIEW', 'x-case-ref': 'A-1' }).message).toBe(
      'X-Purpose AUDIT_REVIEW (审计复核) is only for auditor clients, not officer.',
    );
  });

  it('refuses two X-Purpose values', () => {
    expect(
      refusal(officer, { 'x-purpose': ['JUDICIAL', 'ADMIN_LICENSING'], 'x-case-ref': 'A-1' })
        .message,
    ).toBe(`Unknown X-Purpose "JUDICIAL, ADMIN_LICENSING". Allowed values: ${OFFICER_PURPOSES}.`);
  });
});
