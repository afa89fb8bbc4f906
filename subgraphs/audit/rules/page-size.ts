import { badUserInput } from '../../kit/errors';

/** Validates a page size argument: a whole number from 1 to `max`. */
export function pageSizeArg(argument: string, value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw badUserInput(argument, `must be a whole number from 1 to ${max}, got ${String(value)}`);
  }
  return value;
}
