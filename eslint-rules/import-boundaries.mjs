// ESLint rule: the import boundaries of docs/ARCHITECTURE.md ("Code layout and boundaries"),
// decided on resolved paths, so `../audit` in lib/ and the audit subgraph are never confused:
// - gateway/ never imports subgraphs/ (it knows them through the supergraph and HTTP);
// - a department's subgraph never imports another department's (shared code lives in kit/);
// - subgraphs/kit/ imports no department and not the gateway;
// - lib/ imports neither the gateway, nor the subgraphs, nor the scripts.
import { relative, resolve, sep } from 'node:path';
import { resolveImport } from './module-graph.mjs';

/** The layer and (for subgraphs) the folder of a project file. */
function placeOf(root, file) {
  const parts = relative(root, file).split(sep);
  if (parts[0] === 'subgraphs') {
    // subgraphs/all-subgraphs.ts is the wiring of every department: it belongs to no department.
    if (parts.length === 2) return { layer: 'subgraphs', folder: null };
    return { layer: 'subgraphs', folder: parts[1] };
  }
  return { layer: parts[0], folder: null };
}

function violation(from, to) {
  if (from.layer === 'gateway' && to.layer === 'subgraphs') {
    return 'the gateway never imports subgraphs/: it knows them through the supergraph and HTTP';
  }
  if (from.layer === 'lib' && ['gateway', 'subgraphs', 'scripts'].includes(to.layer)) {
    return `lib/ is shared by everyone and imports no ${to.layer}/ code`;
  }
  if (from.layer !== 'subgraphs' || from.folder === null) return null;
  if (from.folder === 'kit') {
    if (to.layer === 'gateway') return 'subgraphs/kit imports not the gateway';
    if (to.layer === 'subgraphs' && to.folder !== 'kit') {
      return 'subgraphs/kit imports no department: the departments import the kit';
    }
    return null;
  }
  if (to.layer === 'gateway') return 'a subgraph never imports the gateway';
  if (to.layer === 'scripts') return 'a subgraph never imports scripts/';
  if (to.layer === 'subgraphs' && to.folder !== 'kit' && to.folder !== from.folder) {
    return `a department never imports another department (subgraphs/${to.folder ?? 'all-subgraphs.ts'}): shared code lives in subgraphs/kit`;
  }
  return null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'enforce the import boundaries of docs/ARCHITECTURE.md' },
    schema: [
      { type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false },
    ],
    messages: { boundary: '{{reason}}' },
  },
  create(context) {
    const root = resolve(context.options[0]?.root ?? context.cwd);
    const file = resolve(context.filename);
    const from = placeOf(root, file);
    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return;
      const target = resolveImport(file, specifier);
      if (!target) return;
      const reason = violation(from, placeOf(root, target));
      if (reason) context.report({ node, messageId: 'boundary', data: { reason } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
