import { DEPARTMENT_REGISTRY } from '../departments/department-registry';

/**
 * Fixed ports of the embedded default and of the URLs written into `schema/supergraph.graphql`
 * (`http://127.0.0.1:<port>/`): the gateway's, and each subgraph's from the department registry.
 * Production and tests override them per subgraph by name.
 */
export const DEFAULT_PORTS: Readonly<Record<string, number>> = {
  gateway: 4000,
  ...Object.fromEntries(
    DEPARTMENT_REGISTRY.flatMap((entry) =>
      entry.subgraph === null ? [] : [[entry.subgraph, entry.port] as const],
    ),
  ),
};
