import { SCENARIOS } from '../../../subgraphs/kit/seed/scenarios';
import { parseSeedArgs, SeedUsageError } from '../parse-seed-args';

const TODAY = '2025-06-30';

function expectUsageError(argv: string[], message: string) {
  expect(() => parseSeedArgs(argv, TODAY)).toThrow(new SeedUsageError(message));
  expect(() => parseSeedArgs(argv, TODAY)).toThrow(SeedUsageError);
}

describe('parseSeedArgs', () => {
  it('applies the defaults: 5000 persons, seed 2018, as of today, .data', () => {
    expect(parseSeedArgs([], TODAY)).toEqual({
      help: false,
      command: { persons: 5000, seed: 2018, asOf: TODAY, dataDir: '.data' },
    });
  });

  it('reads every option, in both --name value and --name=value forms', () => {
    expect(
      parseSeedArgs(
        ['--persons', '300', '--seed=0', '--as-of', '2024-02-29', '--data-dir=/tmp/county'],
        TODAY,
      ),
    ).toEqual({
      help: false,
      command: { persons: 300, seed: 0, asOf: '2024-02-29', dataDir: '/tmp/county' },
    });
  });

  it.each([['--help'], ['-h'], ['--persons', '0', '--help']])(
    'asks for the usage with %s',
    (...argv) => {
      expect(parseSeedArgs(argv, TODAY)).toEqual({ help: true });
    },
  );

  it.each([
    [['--persons', '0'], '--persons must be a positive whole number, got "0"'],
    [['--persons=-5'], '--persons must be a positive whole number, got "-5"'],
    [['--persons', 'many'], '--persons must be a positive whole number, got "many"'],
    [['--persons', '12.5'], '--persons must be a positive whole number, got "12.5"'],
    [['--persons', '1e3'], '--persons must be a positive whole number, got "1e3"'],
    [['--persons', ''], '--persons must be a positive whole number, got ""'],
    [
      ['--persons', String(SCENARIOS.length - 1)],
      `--persons must be at least ${SCENARIOS.length} (one person per fixture scenario), got ${SCENARIOS.length - 1}`,
    ],
    [['--persons', '1000001'], '--persons must be at most 1000000, got 1000001'],
    [['--seed=-1'], '--seed must be a whole number from 0 to 4294967295, got "-1"'],
    [
      ['--seed', '4294967296'],
      '--seed must be a whole number from 0 to 4294967295, got "4294967296"',
    ],
    [['--seed', 'abc'], '--seed must be a whole number from 0 to 4294967295, got "abc"'],
    [['--as-of', '2025-02-30'], '--as-of must be a real date written yyyy-mm-dd, got "2025-02-30"'],
    [['--as-of', '2023-02-29'], '--as-of must be a real date written yyyy-mm-dd, got "2023-02-29"'],
    [['--as-of', '30.06.2025'], '--as-of must be a real date written yyyy-mm-dd, got "30.06.2025"'],
    [['--as-of', '1969-12-31'], '--as-of must be 1970-01-01 or later, got 1969-12-31'],
    [['--as-of', '2025-07-01'], '--as-of must not be after today (2025-06-30), got 2025-07-01'],
    [['--data-dir', ''], '--data-dir must not be empty'],
  ])('rejects %p', (argv, message) => {
    expectUsageError(argv, message);
  });

  it('rejects an unknown option, a missing value and a positional argument', () => {
    expect(() => parseSeedArgs(['--people', '5'], TODAY)).toThrow(
      new SeedUsageError("Unknown option '--people'"),
    );
    // node:util's own wording, which starts with the option it is about.
    expect(() => parseSeedArgs(['--seed', '-1'], TODAY)).toThrow(
      /^Option '--seed.*' argument is ambiguous/,
    );
    expect(() => parseSeedArgs(['--persons'], TODAY)).toThrow(
      new SeedUsageError("Option '--persons <value>' argument missing"),
    );
    expect(() => parseSeedArgs(['5000'], TODAY)).toThrow(/^Unexpected argument '5000'/);
  });
});
