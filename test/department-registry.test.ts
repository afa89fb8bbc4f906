import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import type { DocumentNode, ObjectTypeDefinitionNode, ObjectTypeExtensionNode } from 'graphql';
import { DEFAULT_PORTS } from '../lib/config/default-ports';
import { ALL_DECISION_KINDS, DEPARTMENT_AUTHORITIES } from '../lib/decision-kinds';
import { DEPARTMENT_REGISTRY } from '../lib/departments/department-registry';
import type { DepartmentEntry } from '../lib/departments/department-registry';
import { loadPolicy } from '../lib/policy/load-policy';
import type { PolicyRule } from '../lib/policy/types';
import { generatePersons } from '../scripts/seed/generate-persons';
import { ALL_SUBGRAPHS } from '../subgraphs/all-subgraphs';
import { loadCatalog } from '../subgraphs/credit/rules/load-catalog';
import { migrateSubgraph } from '../subgraphs/kit/db/migrate-subgraph';
import { loadSubgraphSdl } from '../subgraphs/kit/load-sdl';
import { SCENARIOS } from '../subgraphs/kit/seed/scenarios';
import type { RegisteredSubgraph } from '../subgraphs/kit/subgraph-module';
import { DB_MODES, openTestDatabases } from './support/test-databases';
import type { TestDatabases } from './support/test-databases';

/**
 * Adding a department is one registry row and one folder (docs/ARCHITECTURE.md, "Adding a
 * department"): every registered department must have every part, or this test names the part.
 */
const policy = loadPolicy();
const catalog = loadCatalog();
const withSubgraph = DEPARTMENT_REGISTRY.filter(
  (entry): entry is Extract<(typeof DEPARTMENT_REGISTRY)[number], { subgraph: string }> =>
    entry.subgraph !== null,
);
const feeding = withSubgraph.filter((entry) => entry.creditFeed);
const ROOT = join(__dirname, '..');
/** The write API's mutations of a subgraph (docs/DECISIONS.md). */
const writeMutations = (subgraph: string) =>
  ['Import', 'RecordDecision', 'CorrectDecision', 'RevokeDecision'].map(
    (suffix) => `Mutation.${subgraph}${suffix}`,
  );
/** Types every feeding subgraph shares from the kit: the collector's rule governs them. */
const SHARED_TYPES = new Set([
  'OccupationFeedEntry',
  'OccupationFeedPage',
  'CreditFeedEntry',
  'CreditFeedPage',
  'DisclosureFeedEntry',
  'DisclosureFeedPage',
]);

function moduleOf(entry: DepartmentEntry): RegisteredSubgraph {
  const module = ALL_SUBGRAPHS.find((candidate) => candidate.name === entry.subgraph);
  if (!module) throw new Error(`${entry.code}: no module named ${entry.subgraph} in ALL_SUBGRAPHS`);
  return module;
}

/** `Type.field` of every field the subgraph's own SDL defines (federation keys and `_` fields aside). */
function ownFields(document: DocumentNode): string[] {
  return document.definitions
    .filter(
      (definition): definition is ObjectTypeDefinitionNode | ObjectTypeExtensionNode =>
        definition.kind === 'ObjectTypeDefinition' || definition.kind === 'ObjectTypeExtension',
    )
    .filter((definition) => !SHARED_TYPES.has(definition.name.value))
    .flatMap((definition) =>
      (definition.fields ?? [])
        .filter((field) => !field.name.value.startsWith('_'))
        .filter((field) => !(definition.name.value === 'Person' && field.name.value === 'id'))
        .filter((field) => !(definition.name.value === 'Enterprise' && field.name.value === 'uscc'))
        .map((field) => `${definition.name.value}.${field.name.value}`),
    );
}

function covers(rule: PolicyRule, key: string): boolean {
  const [type] = key.split('.');
  return rule.fields.includes(key) || rule.fields.includes(`${type}.*`);
}

function sdlOf(entry: DepartmentEntry): DocumentNode {
  return parse(loadSubgraphSdl(moduleOf(entry)));
}

describe('the department registry', () => {
  it('names each code, subgraph and port once, and every module the system runs', () => {
    const codes = DEPARTMENT_REGISTRY.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    const subgraphs = withSubgraph.map((entry) => entry.subgraph);
    expect(new Set(subgraphs).size).toBe(subgraphs.length);
    const ports = [...withSubgraph.map((entry) => entry.port), DEFAULT_PORTS.gateway];
    expect(new Set(ports).size).toBe(ports.length);
    expect(ALL_SUBGRAPHS.map((module) => module.name).sort()).toEqual([...subgraphs].sort());
    // The collector reads the others' feeds from the URLs they started on: credit starts last.
    expect(ALL_SUBGRAPHS.at(-1)?.name).toBe('credit');
  });

  describe.each(withSubgraph.map((entry) => [entry.code, entry] as const))('%s', (_code, entry) => {
    const module = moduleOf(entry);

    it('has its SDL (with the federation link) and versioned migrations', () => {
      const sdl = loadSubgraphSdl(module);
      expect(sdl.trimStart().startsWith('extend schema')).toBe(true);
      expect(sdl).toContain('@link(');
      expect(() => parse(sdl)).not.toThrow();
      expect(
        readdirSync(module.migrationsDir).filter((file) => /^\d{3,}_[\w-]+\.sql$/.test(file)),
      ).not.toHaveLength(0);
    });

    it('has a policy rule for every field of its SDL (nothing is dead by default-deny)', () => {
      const ungoverned = ownFields(sdlOf(entry)).filter(
        (key) => !policy.rules.some((rule) => covers(rule, key)),
      );
      expect(ungoverned).toEqual([]);
    });

    if (entry.creditFeed) {
      it('publishes a credit feed the collector alone may read, with catalog items of its own', () => {
        const feedField = `${entry.subgraph}CreditFeed`;
        expect(loadSubgraphSdl(module)).toMatch(/^# @include credit-feed$/m);
        expect(ownFields(sdlOf(entry))).toContain(`Query.${feedField}`);
        const grants = policy.rules.filter((rule) => covers(rule, `Query.${feedField}`));
        expect(grants.map((rule) => rule.id)).toEqual(['credit-collector-feeds']);
        const items = catalog.items.filter((item) => item.sourceDept === entry.code);
        expect(items).not.toHaveLength(0);
        for (const item of items) expect(item.legalBasis.trim()).not.toBe('');
      });

      it('sees its own domain in full: a rule of its own grants fields of its SDL', () => {
        const own = policy.rules.filter(
          (rule) =>
            rule.effect.kind === 'allow' &&
            rule.when.dept?.length === 1 &&
            rule.when.dept[0] === entry.code &&
            ownFields(sdlOf(entry)).some((key) => covers(rule, key)),
        );
        expect(own.map((rule) => rule.id)).toContain(`${entry.code.toLowerCase()}-own-domain`);
      });

      it('has a seed', () => {
        expect(typeof module.seed).toBe('function');
      });
    }

    if (entry.occupationFeed) {
      it('publishes an occupation feed the collector alone may read', () => {
        const feedField = `${entry.subgraph}OccupationFeed`;
        expect(loadSubgraphSdl(module)).toMatch(/^# @include occupation-feed$/m);
        expect(ownFields(sdlOf(entry))).toContain(`Query.${feedField}`);
        const grants = policy.rules.filter((rule) => covers(rule, `Query.${feedField}`));
        expect(grants.map((rule) => rule.id)).toEqual(['credit-collector-feeds']);
      });
    }

    if (entry.creditFeed || entry.disclosureFeed) {
      it('records the decisions its feeds carry', () => {
        expect(entry.recordsDecisions).toBe(true);
      });
    }

    if (entry.recordsDecisions) {
      const kinds = ALL_DECISION_KINDS.filter((kind) => kind.dept === entry.code);
      const code = entry.code.toLowerCase();

      it('has decision kinds (record and import) kept by its own subgraph', () => {
        expect(kinds.map((kind) => kind.kind)).not.toHaveLength(0);
        for (const kind of kinds) {
          expect([kind.kind, kind.subgraph, kind.importMutation]).toEqual([
            kind.kind,
            entry.subgraph,
            `${entry.subgraph}Import`,
          ]);
          if (kind.ends) {
            expect(kinds.map((other) => other.kind)).toContain(kind.ends.kind);
          }
        }
        expect(DEPARTMENT_AUTHORITIES[entry.code] ?? []).not.toHaveLength(0);
      });

      it('exposes the write mutations, granted only by its recorder and recording-system rules', () => {
        expect(loadSubgraphSdl(module)).toMatch(/^# @include decision-writes$/m);
        for (const field of writeMutations(entry.subgraph)) {
          expect(ownFields(sdlOf(entry))).toContain(field);
          const grants = policy.rules.filter(
            (rule) => rule.effect.kind === 'allow' && covers(rule, field),
          );
          expect([field, grants.map((rule) => rule.id).sort()]).toEqual([
            field,
            [`${code}-recorders`, `${code}-recording-systems`],
          ]);
        }
      });

      it('has reviewed trusted documents for its systems and an example file per import kind', () => {
        for (const operation of [
          'import',
          'record-decision',
          'correct-decision',
          'revoke-decision',
        ]) {
          const file = join(ROOT, 'operations', `${entry.subgraph}-${operation}.graphql`);
          expect([file, existsSync(file)]).toEqual([file, true]);
        }
        for (const kind of kinds) {
          for (const extension of ['csv', 'xlsx']) {
            const file = join(ROOT, 'examples', 'import', `${code}-${kind.kind}.${extension}`);
            expect([file, existsSync(file)]).toEqual([file, true]);
          }
        }
      });

      if (kinds.some((kind) => kind.disclosed)) {
        it('publishes its licences and penalties (双公示) on a disclosure feed', () => {
          expect(entry.disclosureFeed).toBe(true);
        });
      }
    }

    if (entry.disclosureFeed) {
      it('publishes a disclosure feed with disclosure items of its own', () => {
        expect(ownFields(sdlOf(entry))).toContain(`Query.${entry.subgraph}DisclosureFeed`);
        const items = [...catalog.disclosureItems.values()].filter(
          (item) => item.sourceDept === entry.code,
        );
        expect(items).not.toHaveLength(0);
      });
    }
  });

  describe('seeds of the feeding departments', () => {
    let databases: TestDatabases;
    const asOf = '2026-06-30';
    const persons = generatePersons({ count: SCENARIOS.length * 3, seed: 7, asOf });
    const scenarioOf = new Map(persons.map((person) => [person.id, person.scenario]));

    beforeAll(async () => {
      // A server database is much cheaper to create than another PGlite, when there is a server.
      databases = await openTestDatabases(
        DB_MODES.includes('postgres') ? 'postgres' : 'pglite',
        feeding.map((entry) => entry.subgraph),
      );
    });

    afterAll(async () => {
      await databases?.close();
    });

    it.each(feeding.map((entry) => [entry.code, entry] as const))(
      '%s: the kit migrates its outbox and its seed gives fixture scenarios credit records',
      async (_code, entry) => {
        const module = moduleOf(entry);
        const db = databases.dbs[entry.subgraph];
        await migrateSubgraph(db, module);
        await module.seed?.(db, persons, { asOf });
        const rows = await db.query<{ personId: string; catalogCode: string }>(
          `SELECT DISTINCT person_id AS "personId", catalog_code AS "catalogCode"
           FROM ${entry.subgraph}.credit_feed`,
        );
        const scenarios = new Set(
          rows.map((row) => scenarioOf.get(row.personId)).filter((s) => s && s !== 'background'),
        );
        expect(scenarios.size).toBeGreaterThan(0);
        for (const row of rows)
          expect(catalog.byCode.get(row.catalogCode)?.sourceDept).toBe(entry.code);
        const versions = await db.query<{ version: string }>(
          `SELECT version FROM ${entry.subgraph}.schema_migrations WHERE version LIKE 'kit_%'`,
        );
        expect(versions.map((row) => row.version)).toContain('kit_credit_feed_001_credit_feed');
      },
    );
  });
});
