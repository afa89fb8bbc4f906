import pino from 'pino';
import type { Logger } from 'pino';
import { scrubLogValue } from './scrub-log-value';

/** Where log lines go: stdout by default, a test's buffer while it captures them. */
export interface LogOutput {
  write(line: string): void;
}

/** Levels in order, as `LOG_LEVEL` names them. */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

const stdout: LogOutput = {
  // Synchronous: a line is out before the process exits on a signal, and there are few lines
  // (one per request and service at `info`).
  write: (line) => void process.stdout.write(line),
};

/**
 * The one root logger of the process and its output, swappable (captureLogs). Tests default to
 * `silent` so Jest's output stays readable; everything else to `info` (`LOG_LEVEL` overrides).
 */
export const logOutput = {
  target: stdout as LogOutput,
  root: undefined as Logger | undefined,
  defaultLevel(): LogLevel {
    const configured = process.env.LOG_LEVEL?.trim();
    if (configured) return configured as LogLevel;
    return process.env.NODE_ENV === 'test' ? 'silent' : 'info';
  },
  /** The root logger, created on first use. */
  rootLogger(): Logger {
    this.root ??= pino(
      {
        level: this.defaultLevel(),
        base: { pid: process.pid },
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        hooks: {
          // Every argument passes the net: citizen ids masked, errors flattened, size bounded.
          logMethod(args, method) {
            const scrubbed = args.map((arg) => scrubLogValue(arg)) as Parameters<typeof method>;
            method.apply(this, scrubbed);
          },
        },
      },
      { write: (line: string) => this.target.write(line) },
    );
    return this.root;
  },
};
