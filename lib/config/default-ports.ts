/**
 * Fixed ports of the embedded default and of the URLs written into `schema/supergraph.graphql`
 * (`http://127.0.0.1:<port>/`). Production and tests override them per subgraph by name.
 */
export const DEFAULT_PORTS: Readonly<Record<string, number>> = {
  gateway: 4000,
  population: 4101,
  tax: 4102,
  court: 4103,
  market: 4104,
  education: 4105,
  credit: 4106,
  audit: 4107,
};
