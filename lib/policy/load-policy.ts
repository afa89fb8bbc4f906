/**
 * Loads the field-level access policy (DESIGN §4) — one versioned file read by the gateway and
 * every subgraph.
 *
 *   const policy = loadPolicy();                       // <repo>/policy/policy.yaml, validated
 *   validatePolicyAgainstSchema(policy, supergraph);   // every Type.field exists, maskers fit
 *   evaluateField(policy, caller, 'Person', 'name', { personId });
 *
 * `policy.version` (12 hex of the file's sha256) goes into every audit record.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parsePolicy } from './parse-policy';
import type { Policy } from './types';

/** The repository's policy file. */
export const DEFAULT_POLICY_PATH = join(__dirname, '..', '..', 'policy', 'policy.yaml');

/** Options of {@link loadPolicy}. */
export interface LoadPolicyOptions {
  /** The policy file; default `<repo>/policy/policy.yaml`. */
  path?: string;
}

/** Reads and validates the policy file; throws naming every bad rule and what is wrong. */
export function loadPolicy(options: LoadPolicyOptions = {}): Policy {
  const path = options.path ?? DEFAULT_POLICY_PATH;
  return parsePolicy(readFileSync(path, 'utf8'), relative(process.cwd(), path) || path);
}
