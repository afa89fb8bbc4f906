import { isWildcardKey, typeOfKey } from './field-key';
import type { PolicyIndex, PolicyRule, TypeGrant } from './types';

/**
 * Builds the lookup index of a policy once at load, so `evaluateField` touches only the rules
 * that name the field (exactly or by `Type.*`) and never scans the whole rule list.
 */
export function compilePolicyIndex(
  rules: readonly PolicyRule[],
  identityFields: readonly string[],
  scopes: Readonly<Record<string, readonly string[]>>,
): PolicyIndex {
  const identity = new Set(identityFields);
  const byField = new Map<string, PolicyRule[]>();
  const byTypeWildcard = new Map<string, PolicyRule[]>();
  const byType = new Map<string, TypeGrant[]>();
  for (const rule of rules) {
    const keysByType = new Map<string, string[]>();
    for (const key of rule.fields) {
      const typeName = typeOfKey(key);
      push(
        isWildcardKey(key) ? byTypeWildcard : byField,
        isWildcardKey(key) ? typeName : key,
        rule,
      );
      // Identity fields are granted *because* another field is: they do not grant themselves,
      // and a deny rule grants nothing.
      if (!identity.has(key) && rule.effect.kind !== 'deny') push(keysByType, typeName, key);
    }
    for (const [typeName, keys] of keysByType) push(byType, typeName, { rule, keys });
  }
  return {
    byField,
    byTypeWildcard,
    byType,
    scopes: new Map(Object.entries(scopes)),
    identityFields: identity,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
