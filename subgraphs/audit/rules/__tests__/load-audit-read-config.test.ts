import { DEFAULT_AUDIT_READ_CONFIG } from '../audit-read-config';
import { loadAuditReadConfig, parseAuditReadConfig } from '../load-audit-read-config';

describe('loadAuditReadConfig', () => {
  it('reads the repository file: the documented defaults', () => {
    expect(loadAuditReadConfig()).toEqual(DEFAULT_AUDIT_READ_CONFIG);
  });

  it('takes the default for every setting left out', () => {
    expect(parseAuditReadConfig('format: 1\n')).toEqual(DEFAULT_AUDIT_READ_CONFIG);
  });

  it('reads every setting', () => {
    const text = `format: 1
timeZone: Asia/Urumqi
alerts:
  clientTypes: [officer]
  exampleRequestIds: 3
  manySubjectsPerHour: { threshold: 5 }
  offHours:
    businessHours: { start: '09:30', end: '17:00' }
    weekendDays: [FRIDAY, SUNDAY]
    threshold: 2
  caseRefReuse: { threshold: 7 }
accessLog:
  judicialDisclosureDelayMonths: 6
`;
    expect(parseAuditReadConfig(text)).toEqual({
      timeZone: 'Asia/Urumqi',
      alerts: {
        clientTypes: ['officer'],
        exampleRequestIds: 3,
        manySubjectsPerHour: 5,
        businessHours: { startMinute: 570, endMinute: 1020 },
        weekendDays: [5, 7],
        offHoursOperations: 2,
        caseRefSubjects: 7,
      },
      accessLog: { judicialDisclosureDelayMonths: 6 },
    });
  });

  it('names every problem of a bad file at once', () => {
    const text = `format: 2
timeZone: Mars/Olympus
colour: red
alerts:
  clientTypes: [officer, robot]
  manySubjectsPerHour: { threshold: 0, window: 2 }
  offHours:
    businessHours: { start: 8, end: '07:00' }
    weekendDays: [SATURDAY, SOMEDAY]
accessLog:
  judicialDisclosureDelayMonths: 1.5
`;
    expect(() => parseAuditReadConfig(text, 'audit-read.yaml')).toThrow(
      new Error(
        [
          'Invalid audit-read.yaml (9 problems):',
          '  - (root).colour: unknown key (expected one of format, timeZone, alerts, accessLog)',
          '  - format: must be 1, got 2',
          '  - timeZone: must be an IANA time zone such as Asia/Shanghai, got "Mars/Olympus"',
          '  - alerts.manySubjectsPerHour.window: unknown key (expected one of threshold)',
          '  - alerts.offHours.businessHours.start: must be a quoted time "HH:MM" (00:00 to 24:00), got 8',
          '  - alerts.clientTypes[1]: unknown value "robot" (expected client types (officer, system, citizen, org, auditor, developer, public))',
          '  - alerts.manySubjectsPerHour.threshold: must be a whole number from 1 to 1000000, got 0',
          '  - alerts.offHours.weekendDays[1]: unknown value "SOMEDAY" (expected day names (MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY))',
          '  - accessLog.judicialDisclosureDelayMonths: must be a whole number from 0 to 1200, got 1.5',
        ].join('\n'),
      ),
    );
  });

  it('refuses business hours that end before they start', () => {
    expect(() =>
      parseAuditReadConfig(
        "format: 1\nalerts:\n  offHours:\n    businessHours: { start: '18:00', end: '08:00' }\n",
        'x.yaml',
      ),
    ).toThrow(
      new Error(
        'Invalid x.yaml (1 problem):\n  - alerts.offHours.businessHours: start must be before end',
      ),
    );
  });

  it('refuses text that is not YAML', () => {
    expect(() => parseAuditReadConfig('format: [1', 'x.yaml')).toThrow(
      /^Invalid x\.yaml \(1 problem\):\n {2}- \(file\): not valid YAML/,
    );
  });
});
