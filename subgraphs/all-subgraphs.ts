import { auditSubgraph } from './audit';
import { courtSubgraph } from './court';
import { creditSubgraph } from './credit';
import { educationSubgraph } from './education';
import { registerSubgraph } from './kit/subgraph-module';
import type { RegisteredSubgraph } from './kit/subgraph-module';
import { marketSubgraph } from './market';
import { populationSubgraph } from './population';
import { taxSubgraph } from './tax';

/** Every subgraph of the system, in start order: credit last, its collector reads the others. */
export const ALL_SUBGRAPHS: readonly RegisteredSubgraph[] = [
  registerSubgraph(populationSubgraph),
  registerSubgraph(taxSubgraph),
  registerSubgraph(courtSubgraph),
  registerSubgraph(marketSubgraph),
  registerSubgraph(educationSubgraph),
  registerSubgraph(auditSubgraph),
  registerSubgraph(creditSubgraph),
];
