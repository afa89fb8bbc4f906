import { DEPARTMENT_REGISTRY } from '../lib/departments/department-registry';
import type { SubgraphName } from '../lib/departments/department-registry';
import { auditSubgraph } from './audit';
import { courtSubgraph } from './court';
import { creditSubgraph } from './credit';
import { educationSubgraph } from './education';
import { healthSubgraph } from './health';
import { hrssSubgraph } from './hrss';
import { justiceSubgraph } from './justice';
import { registerSubgraph } from './kit/subgraph-module';
import type { RegisteredSubgraph } from './kit/subgraph-module';
import { marketSubgraph } from './market';
import { populationSubgraph } from './population';
import { taxSubgraph } from './tax';

/**
 * The module of every subgraph the department registry names: the type requires one per
 * registered subgraph, so a registered department without its module does not compile.
 */
const MODULES: Readonly<Record<SubgraphName, RegisteredSubgraph>> = {
  population: registerSubgraph(populationSubgraph),
  tax: registerSubgraph(taxSubgraph),
  court: registerSubgraph(courtSubgraph),
  market: registerSubgraph(marketSubgraph),
  education: registerSubgraph(educationSubgraph),
  credit: registerSubgraph(creditSubgraph),
  hrss: registerSubgraph(hrssSubgraph),
  health: registerSubgraph(healthSubgraph),
  justice: registerSubgraph(justiceSubgraph),
  audit: registerSubgraph(auditSubgraph),
};

/**
 * Every subgraph of the system, in start order: the registry's order, the credit platform last
 * (its collector reads the others' feeds from the URLs they started on).
 */
export const ALL_SUBGRAPHS: readonly RegisteredSubgraph[] = DEPARTMENT_REGISTRY.flatMap((entry) =>
  entry.subgraph === null ? [] : [MODULES[entry.subgraph]],
).sort((a, b) => Number(a.name === 'credit') - Number(b.name === 'credit'));
