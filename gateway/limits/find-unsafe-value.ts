import { unsafeCharacter } from './unsafe-character';

/** Where in a JSON value a problem was found, and what it is. */
export interface UnsafeValue {
  /** Like `$ids[3]` or `$filter.caseRef` for root `$` (keys are checked too; long ones shortened). */
  path: string;
  problem: string;
}

interface Item {
  value: unknown;
  parent?: Item;
  key?: string | number;
  depth: number;
}

function pathOf(item: Item, root: string): string {
  const parts: string[] = [];
  for (let at: Item | undefined = item; at?.parent; at = at.parent) {
    const key = at.key as string | number;
    const first = at.parent.parent === undefined;
    parts.unshift(typeof key === 'number' ? `[${key}]` : `${first ? '' : '.'}${key.slice(0, 40)}`);
  }
  return root + parts.join('');
}

/**
 * The first string (or object key) of a JSON value holding an unsafe character, or a nesting
 * deeper than `maxNesting`; undefined when the value is clean. Iterative, so a hostile nesting
 * cannot exhaust the stack; linear in the value's size.
 */
export function findUnsafeValue(
  value: unknown,
  root: string,
  maxNesting: number,
): UnsafeValue | undefined {
  const stack: Item[] = [{ value, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (typeof item.value === 'string') {
      const problem = unsafeCharacter(item.value);
      if (problem) return { path: pathOf(item, root), problem: `contains ${problem}` };
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= maxNesting) {
      return { path: pathOf(item, root), problem: `is nested deeper than ${maxNesting} levels` };
    }
    const depth = item.depth + 1;
    if (Array.isArray(item.value)) {
      for (let index = item.value.length - 1; index >= 0; index -= 1) {
        stack.push({ value: item.value[index], parent: item, key: index, depth });
      }
      continue;
    }
    for (const [key, entry] of Object.entries(item.value)) {
      const problem = unsafeCharacter(key);
      if (problem) return { path: pathOf(item, root), problem: `has a key containing ${problem}` };
      stack.push({ value: entry, parent: item, key, depth });
    }
  }
  return undefined;
}
