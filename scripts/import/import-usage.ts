import { IMPORT_LIMITS } from '../../lib/import/import-limits';

/** The `npm run import -- --help` text. */
export const IMPORT_USAGE = `Imports a department's decisions from a CSV or XLSX file through the gateway.

usage: npm run import -- --dept <CODE> --kind <kind> [options] <file.csv|file.xlsx>
  --dept <CODE>        department: TAX, COURT, AMR, EDU, PSB, NDRC
  --kind <kind>        kind of decision (--list-kinds shows them and their columns)
  --encoding <enc>     utf8 | gb18030 (also gbk); default: detected (BOM, valid UTF-8, else GB18030)
  --mapping <file>     YAML mapping of your own headers (and enum names) to the standard ones
  --dry-run            the server validates every row and writes nothing
  --gateway <url>      default $GATEWAY_URL or http://127.0.0.1:4000
  --token-file <file>  the department's system-client token (or $IMPORT_TOKEN); in development,
                       left out, a dev token is signed with <data-dir>/keys/user-token.private.pem
  --case-ref <ref>     the matter the import serves (X-Case-Ref); default IMPORT-<DEPT>-<yyyymmdd>
  --purpose <purpose>  X-Purpose; default DATA_ENTRY
  --batch-size <n>     rows per request, 1 to ${IMPORT_LIMITS.maxBatchRows} (default ${IMPORT_LIMITS.defaultBatchRows})
  --rejects <file>     where rejected rows go; default <file>.rejects.csv beside the input
  --data-dir <dir>     where the dev keys live (default $DATA_DIR or .data)
  --quiet              no progress bar
  --list-kinds         print every department's kinds and columns, and exit
  --help               this text

exit codes: 0 all rows imported or already recorded; 1 some rows rejected (see the rejects file);
2 bad command line; 3 the file cannot be imported; 4 the gateway refused or is unreachable;
5 an unexpected error.
docs/IMPORT.md (中文/English) explains columns, mapping files, encodings and limits.`;
