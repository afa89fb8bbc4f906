// ESLint rule: no import cycles between the project's files, not even type-only ones
// (docs/ARCHITECTURE.md, "Code layout and boundaries").
import { relative, resolve } from 'node:path';
import { buildModuleGraph, cyclesOf, resolveImport } from './module-graph.mjs';

const cache = new Map();

function cyclesUnder(root) {
  let cycles = cache.get(root);
  if (!cycles) {
    const graph = buildModuleGraph(root);
    cycles = { graph, componentOf: cyclesOf(graph) };
    cache.set(root, cycles);
  }
  return cycles;
}

/** A path from `from` back to `to` inside one component, for the message. */
function pathBack(graph, component, from, to) {
  const previous = new Map([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift();
    if (node === to) break;
    for (const next of graph.get(node) ?? []) {
      if (component.has(next) && !previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  const path = [];
  for (let node = to; node !== null && node !== undefined; node = previous.get(node)) {
    path.unshift(node);
  }
  return path;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'forbid import cycles between project files, type-only ones included' },
    schema: [
      { type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false },
    ],
    messages: { cycle: 'import cycle: {{path}}' },
  },
  create(context) {
    const root = resolve(context.options[0]?.root ?? context.cwd);
    const file = resolve(context.filename);
    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return;
      const target = resolveImport(file, specifier);
      if (!target) return;
      const { graph, componentOf } = cyclesUnder(root);
      const component = componentOf.get(file);
      if (!component || !component.has(target)) return;
      const path = [file, ...pathBack(graph, component, target, file)];
      context.report({
        node,
        messageId: 'cycle',
        data: { path: path.map((step) => relative(root, step)).join(' -> ') },
      });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
