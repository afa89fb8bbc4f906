/**
 * Secures a subgraph schema with the policy: the one call the subgraph bootstrap makes.
 *
 *   const schema = applyPolicy(buildSubgraphSchema({ typeDefs, resolvers }), policy);
 *   // context must carry `caller: Caller` (from the verified internal context token)
 */
import type { GraphQLSchema } from 'graphql';
import { isObjectType } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import type { Policy } from '../../../lib/policy/types';
import { buildPermissions } from './build-shield';
import type { PermissionsOptions } from './build-shield';

/**
 * `schema` with the policy's shield and maskers applied (see build-shield.ts). `applyMiddleware`
 * rebuilds every type; entity resolution depends on `__resolveReference`, which
 * `buildSubgraphSchema` keeps in each type's `extensions.apollo.subgraph`. graphql-middleware
 * 6.1.35 carries extensions over; should a version not, they are copied back here so `_entities`
 * never silently falls back to returning bare representations.
 */
export function applyPolicy(
  schema: GraphQLSchema,
  policy: Policy,
  options: PermissionsOptions = {},
): GraphQLSchema {
  const secured = applyMiddleware(schema, ...buildPermissions(policy, schema, options));
  for (const type of Object.values(schema.getTypeMap())) {
    const rebuilt = secured.getType(type.name);
    if (!isObjectType(type) || !rebuilt || rebuilt.extensions.apollo !== undefined) continue;
    if (type.extensions.apollo !== undefined) {
      (rebuilt as { extensions: typeof type.extensions }).extensions = type.extensions;
    }
  }
  return secured;
}
