import { createResolverLog } from '../resolver-log';
import { personId } from './sample-records';

describe('createResolverLog', () => {
  it('collects the fields of each subject once, subjects in first-seen order', () => {
    const log = createResolverLog();
    log.resolved(personId(2), 'Person.name');
    log.resolved(personId(1), 'Person.name');
    log.resolved(personId(2), 'Person.birthDate');
    log.resolved(personId(2), 'Person.name');
    log.masked(personId(1), 'Person.idNumber');
    log.denied(personId(1), 'Person.address', 'default-deny');
    log.denied(personId(1), 'Person.tax', 'citizen-own-record');
    log.denied(personId(1), 'Person.address', 'default-deny');
    expect(log.subjectCount).toBe(2);
    expect(
      log.toRecord({
        requestId: 'r1',
        caller: { sub: 'u1', clientType: 'officer', dept: 'TAX' },
        policyVersion: 'p1',
      }),
    ).toEqual({
      kind: 'resolver',
      requestId: 'r1',
      caller: { sub: 'u1', clientType: 'officer', dept: 'TAX' },
      resolved: [
        { subject: personId(2), fields: ['Person.birthDate', 'Person.name'] },
        {
          subject: personId(1),
          fields: ['Person.name'],
          masked: ['Person.idNumber'],
          denied: ['Person.address', 'Person.tax'],
          rules: [
            { field: 'Person.address', outcome: 'denied', ruleId: 'default-deny' },
            { field: 'Person.tax', outcome: 'denied', ruleId: 'citizen-own-record' },
          ],
        },
      ],
      policyVersion: 'p1',
    });
  });

  it('merges ids written with a lower-case x', () => {
    const log = createResolverLog();
    log.resolved('51192119850312123x', 'Person.name');
    log.resolved('51192119850312123X', 'Person.gender');
    expect(log.toRecord({ requestId: 'r2' }).resolved).toEqual([
      { subject: '51192119850312123X', fields: ['Person.gender', 'Person.name'] },
    ]);
  });
});
