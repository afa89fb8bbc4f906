import { validateCitizenId } from '../../lib/ids/citizen-id';
import { validateUscc } from '../../lib/ids/uscc';
import { badUserInput } from './errors';

/** Validates a citizen id argument before anything touches the database. */
export function citizenIdArg(argument: string, value: unknown): string {
  const result = validateCitizenId(value);
  if (!result.ok) throw badUserInput(argument, result.reason);
  return result.value;
}

/** Validates a list of citizen ids (at most `max`), naming the first bad element. */
export function citizenIdListArg(
  argument: string,
  values: readonly unknown[],
  max: number,
): string[] {
  if (values.length > max) throw badUserInput(argument, `at most ${max} ids, got ${values.length}`);
  return values.map((value, index) => citizenIdArg(`${argument}[${index}]`, value));
}

/** Validates a unified social credit code argument. */
export function usccArg(argument: string, value: unknown): string {
  const result = validateUscc(value);
  if (!result.ok) throw badUserInput(argument, result.reason);
  return result.value;
}
