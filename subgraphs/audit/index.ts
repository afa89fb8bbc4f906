import { createAuditSubgraph } from './create-audit-subgraph';

export { createAuditSubgraph } from './create-audit-subgraph';
export type { AuditSubgraphOptions } from './create-audit-subgraph';

/** Audit read side (subgraph `audit`) with the repository's settings and the system's HMAC key. */
export const auditSubgraph = createAuditSubgraph();
