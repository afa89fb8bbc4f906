import { validateCitizenId } from '../ids/citizen-id';

/**
 * The one normalization of a person id as a subject: a valid citizen id, trimmed and ASCII
 * upper-cased (`...x` → `...X`), or undefined for anything else (an enterprise code, a UUID, a
 * typo). The gateway, the consent lookup, the audit record and the subgraph shield all read
 * subjects through this, so the same argument is the same person everywhere.
 */
export function subjectPersonId(value: unknown): string | undefined {
  const id = validateCitizenId(value);
  return id.ok ? id.value : undefined;
}
