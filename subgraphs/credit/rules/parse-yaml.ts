import { parse } from 'yaml';

/** Parses YAML text, naming the file in syntax errors (duplicate keys are errors too). */
export function parseYaml(text: string, file: string): unknown {
  try {
    return parse(text, { uniqueKeys: true, prettyErrors: true }) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Invalid ${file}: not valid YAML: ${message}`);
  }
}
