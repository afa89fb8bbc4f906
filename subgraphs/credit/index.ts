import { createCreditSubgraph } from './create-credit-subgraph';

export { createCreditSubgraph } from './create-credit-subgraph';
export type { CreditSubgraphModule, CreditSubgraphOptions } from './create-credit-subgraph';

/** Credit platform subgraph (发改局 NDRC) with the policy files of the repository. */
export const creditSubgraph = createCreditSubgraph();
