import { maskCitizenIdsInText } from '../ids/mask-citizen-ids-in-text';

/** Deeper structures are cut: a log line describes an event, it does not dump data. */
const MAX_DEPTH = 6;
/** Longer strings are cut (a stack trace or a message, never a payload). */
const MAX_STRING = 4000;

function scrubString(text: string): string {
  const cut = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text;
  return maskCitizenIdsInText(cut);
}

/**
 * A copy of a value about to be logged with every citizen id masked, errors turned into plain
 * `{ type, message, code, stack }`, strings and depth bounded. Names cannot be recognised in
 * free text: code never logs person data in the first place; this is the net under it.
 */
export function scrubLogValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubString(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[cut]';
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return {
      type: value.name,
      message: scrubString(value.message),
      ...(typeof code === 'string' && { code }),
      ...(value.stack !== undefined && { stack: scrubString(value.stack) }),
    };
  }
  if (Array.isArray(value)) return value.map((item) => scrubLogValue(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [scrubString(key), scrubLogValue(item, depth + 1)]),
  );
}
