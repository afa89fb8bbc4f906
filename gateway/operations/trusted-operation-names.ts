import { Kind, parse } from 'graphql';
import type { TrustedDocument } from './load-trusted-documents';

/** The operation names the trusted documents define (always kept as metric labels). */
export function trustedOperationNames(documents: readonly TrustedDocument[]): string[] {
  const names: string[] = [];
  for (const document of documents) {
    for (const definition of parse(document.text).definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) {
        names.push(definition.name.value);
      }
    }
  }
  return names;
}
