import { Kind, parse } from 'graphql';
import type { ConstDirectiveNode, ConstValueNode } from 'graphql';

/** `Type.field` → the subgraph that resolves it, from a supergraph's join directives. */
export type FieldOwners = ReadonlyMap<string, string>;

/**
 * Which subgraph holds each field of a supergraph: the graph of its `@join__field` (the first
 * one that is not `external`), else of its type's `@join__type` (the first). The gateway names
 * it as `serviceName` in the FORBIDDEN errors it answers itself, as Apollo Gateway does for a
 * subgraph's errors, so an answer reads the same whichever enforced it.
 */
export function fieldOwners(supergraphSdl: string): FieldOwners {
  const document = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') {
      continue;
    }
    for (const value of definition.values ?? []) {
      const name = argument(directive(value.directives, 'join__graph'), 'name');
      if (name?.kind === Kind.STRING) graphNames.set(value.name.value, name.value);
    }
  }
  const graphOf = (directives: readonly ConstDirectiveNode[] | undefined, name: string) => {
    for (const found of (directives ?? []).filter((d) => d.name.value === name)) {
      const external = argument(found, 'external');
      if (external?.kind === Kind.BOOLEAN && external.value) continue;
      const graph = argument(found, 'graph');
      if (graph?.kind === Kind.ENUM) return graphNames.get(graph.value);
    }
    return undefined;
  };
  const owners = new Map<string, string>();
  for (const definition of document.definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION
    ) {
      continue;
    }
    const typeGraph = graphOf(definition.directives, 'join__type');
    for (const field of definition.fields ?? []) {
      const owner = graphOf(field.directives, 'join__field') ?? typeGraph;
      if (owner) owners.set(`${definition.name.value}.${field.name.value}`, owner);
    }
  }
  return owners;
}

function directive(
  directives: readonly ConstDirectiveNode[] | undefined,
  name: string,
): ConstDirectiveNode | undefined {
  return directives?.find((found) => found.name.value === name);
}

function argument(found: ConstDirectiveNode | undefined, name: string): ConstValueNode | undefined {
  return found?.arguments?.find((arg) => arg.name.value === name)?.value;
}
