import type { DecisionKind } from '../../lib/decision-kinds';
import type { ImportEncoding } from '../../lib/import/import-encoding';

/** A parsed `npm run import` command line. */
export interface ImportCommand {
  kind: DecisionKind;
  file: string;
  encoding?: ImportEncoding;
  mappingPath?: string;
  dryRun: boolean;
  gatewayUrl: string;
  tokenFile?: string;
  caseRef: string;
  purpose: string;
  batchRows: number;
  rejectsPath?: string;
  dataDir: string;
  quiet: boolean;
}
