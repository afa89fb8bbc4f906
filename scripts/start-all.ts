/**
 * `npm start`: the whole system in one process on the embedded default, for a first look and for
 * development. Production runs each subgraph and the gateway alone (docs/OPERATIONS.md).
 */
import { startSystem } from './lib/start-system';
import { stopOnSignals } from './lib/stop-on-signals';

async function main(): Promise<void> {
  const began = Date.now();
  console.log('credit-federation: starting (embedded PostgreSQL under .data/)');
  const dataDir = process.env.DATA_DIR ?? '.data';
  // Progress for the person at the terminal; the services themselves log JSON lines.
  const system = await startSystem({ dataDir, log: (line) => console.log(line) });
  const seconds = ((Date.now() - began) / 1000).toFixed(1);
  const dataDirArg = dataDir === '.data' ? '' : ` --data-dir ${dataDir}`;
  console.log(`
ready in ${seconds} s
  GraphQL playground: ${system.gatewayUrl}   (sign in at the top of the page)
  audit console:      ${system.gatewayUrl}audit/
  citizen page:       ${system.gatewayUrl}me/
  health, metrics:    ${system.gatewayUrl}health   ${system.gatewayUrl}metrics
  example persons:    ${dataDir}/fixtures.json
  a token:            npm run token -- --dept NDRC --roles officer --client officer${dataDirArg}
  then send headers:  Authorization: Bearer <token>
                      X-Purpose: ADMIN_LICENSING   X-Case-Ref: CASE-2026-0001
Press Ctrl-C to stop.`);
  stopOnSignals(async () => {
    console.log(
      '\nstopping (closing every service, flushing the audit log, closing the database)…',
    );
    await system.stop();
    console.log('stopped cleanly');
  });
}

main().catch((error: unknown) => {
  console.error(
    'credit-federation failed to start:',
    error instanceof Error ? error.message : error,
  );
  process.exit(1);
});
