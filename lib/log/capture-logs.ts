import type { LogLevel, LogOutput } from './log-output';
import { logOutput } from './log-output';

/** Log lines captured by a test, and how to stop capturing. */
export interface CapturedLogs {
  /** Every line written since capture began, as written (JSON text). */
  lines: string[];
  /** Sends lines back to stdout at the default level. */
  restore(): void;
}

/**
 * Captures every log line of this process from now on at `level` (default `debug`), for tests
 * that read what operators would read. Loggers created before the call keep their level.
 */
export function captureLogs(level: LogLevel = 'debug'): CapturedLogs {
  const lines: string[] = [];
  const previous: LogOutput = logOutput.target;
  logOutput.target = { write: (line) => void lines.push(line) };
  const root = logOutput.rootLogger();
  const previousLevel = root.level;
  root.level = level;
  return {
    lines,
    restore() {
      logOutput.target = previous;
      root.level = previousLevel;
    },
  };
}
