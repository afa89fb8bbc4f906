import { createHash } from 'node:crypto';
import { toStoredRecord } from '../stored-record';
import { maskId, subjectRef } from '../subject-hmac';
import { operationRecord, personId, resolverRecord } from './sample-records';

const key = Buffer.alloc(32, 3);

describe('toStoredRecord', () => {
  it('stores an operation record with subjects as HMAC + masked id, caller fields flat', () => {
    const stored = toStoredRecord(
      operationRecord('r1', { subjects: [personId(1), personId(2), personId(1).toLowerCase()] }),
      key,
    );
    const subjects = [subjectRef(key, personId(1)), subjectRef(key, personId(2))];
    expect(stored).toEqual({
      kind: 'operation',
      requestId: 'r1',
      subjects,
      payload: {
        user: 'officer-7',
        dept: 'TAX',
        clientType: 'officer',
        roles: ['officer'],
        purpose: 'ADMIN_LICENSING',
        caseRef: 'XK-2025-0001',
        operationName: 'PersonCredit',
        documentHash: 'a'.repeat(64),
        subjects,
        fields: {
          returned: ['Person.name'],
          masked: ['Person.idNumber'],
          denied: ['Person.address'],
        },
        subgraphs: [{ subgraph: 'population', outcome: 'ok', latencyMs: 4 }],
        policyVersion: 'p1',
        latencyMs: 12,
        result: 'partial',
      },
    });
  });

  it('stores a resolver log with each resolved subject as HMAC + masked id', () => {
    const stored = toStoredRecord(
      resolverRecord('r2', {
        resolved: [
          { subject: personId(1), fields: ['Person.name'] },
          {
            subject: personId(2),
            fields: ['Person.name'],
            masked: ['Person.idNumber'],
            denied: [],
          },
        ],
      }),
      key,
    );
    expect(stored).toEqual({
      kind: 'resolver',
      requestId: 'r2',
      subjects: [subjectRef(key, personId(1)), subjectRef(key, personId(2))],
      payload: {
        user: 'officer-7',
        dept: 'TAX',
        clientType: 'officer',
        roles: [],
        purpose: 'ADMIN_LICENSING',
        resolved: [
          { subject: subjectRef(key, personId(1)), fields: ['Person.name'] },
          {
            subject: subjectRef(key, personId(2)),
            fields: ['Person.name'],
            masked: ['Person.idNumber'],
            denied: [],
          },
        ],
        subjects: [subjectRef(key, personId(1)), subjectRef(key, personId(2))],
        policyVersion: 'p1',
      },
    });
  });

  it('stores a citizen caller by HMAC + masked id, never in clear', () => {
    const me = personId(5);
    const stored = toStoredRecord(
      operationRecord('r3', {
        caller: { sub: me, clientType: 'citizen', roles: [], personId: me, purpose: 'SELF_QUERY' },
        subjects: [me],
      }),
      key,
    );
    expect(stored.payload).toMatchObject({
      user: maskId(me),
      userHmac: subjectRef(key, me).hmac,
      callerPerson: subjectRef(key, me),
      clientType: 'citizen',
    });
    expect(JSON.stringify(stored)).not.toContain(me);
  });

  it('masks a citizen id left in clear anywhere else (case ref, error, extra keys and values)', () => {
    const id = personId(9);
    const stored = toStoredRecord(
      operationRecord('r4', {
        caller: { sub: 'u1', clientType: 'officer', dept: 'TAX', caseRef: id },
        error: `no person ${id}`,
        extra: { [id]: [`see ${id}.`] },
        subjects: [],
      }),
      key,
    );
    const masked = maskId(id);
    expect(stored.payload).toMatchObject({
      caseRef: masked,
      error: `no person ${masked}`,
      extra: { [masked]: [`see ${masked}.`] },
    });
    expect(JSON.stringify(stored)).not.toContain(id);
  });

  it('masks a citizen id glued to letters or inside a longer run of digits', () => {
    const id = personId(9);
    const stored = toStoredRecord(
      operationRecord('r4', {
        caller: { sub: 'u1', clientType: 'officer', dept: 'TAX', caseRef: `CASE${id}` },
        // A client picks its persisted-query "hash": an id hidden in one is still an id.
        documentHash: `ab${id}${'c'.repeat(44)}`,
        error: `7${id}9`,
      }),
      key,
    );
    const masked = maskId(id);
    expect(stored.payload).toMatchObject({
      caseRef: `CASE${masked}`,
      documentHash: `ab${masked}${'c'.repeat(44)}`,
      error: `7${masked}9`,
    });
    expect(JSON.stringify(stored)).not.toContain(id);
  });

  it('leaves real sha256 digests as they are', () => {
    for (let i = 0; i < 200; i += 1) {
      const digest = createHash('sha256').update(`document ${i}`).digest('hex');
      const stored = toStoredRecord(operationRecord('r4', { documentHash: digest }), key);
      expect(stored.payload).toMatchObject({ documentHash: digest });
    }
  });

  it('stores a subject that is no valid id (control characters, lone surrogates) masked and storable', () => {
    const stored = toStoredRecord(
      operationRecord('r6', { subjects: ['51192119850315001\u0000', '51192119850315\ud800'] }),
      key,
    );
    expect(JSON.stringify(stored.payload)).not.toMatch(/\\u0000|\\ud800/);
    expect(stored.subjects.map((subject) => subject.masked)).toEqual([
      '511921********001?',
      '511921*****315?',
    ]);
  });

  it('refuses a payload the store cannot hold, naming the path', () => {
    expect(() =>
      toStoredRecord(operationRecord('r5', { extra: { note: 'a\u0000b' } }), key),
    ).toThrow('cannot encode $.extra.note canonically: string contains U+0000');
  });

  it('refuses a record without request id', () => {
    expect(() => toStoredRecord(operationRecord(''), key)).toThrow(
      'an audit record needs a requestId',
    );
  });
});
