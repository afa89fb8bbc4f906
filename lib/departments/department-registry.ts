/**
 * The county's departments (DESIGN §3): the one list every other list of departments is derived
 * from (department codes, names, subgraph names and ports, credit and disclosure sources). A
 * department is added with one row here and one folder under `subgraphs/` (docs/ARCHITECTURE.md,
 * "Adding a department"; test/department-registry.test.ts checks every part is there).
 *
 * Pure data, no imports: the pages' browser code reads the names from here too.
 */
export const DEPARTMENT_REGISTRY = [
  {
    code: 'PSB',
    nameZh: '县公安局',
    nameEn: 'Public security bureau (household register)',
    subgraph: 'population',
    port: 4101,
    creditFeed: false,
    disclosureFeed: false,
    recordsDecisions: true,
    occupationFeed: false,
  },
  {
    code: 'TAX',
    nameZh: '县税务局',
    nameEn: 'Tax bureau',
    subgraph: 'tax',
    port: 4102,
    creditFeed: true,
    disclosureFeed: true,
    recordsDecisions: true,
    occupationFeed: false,
  },
  {
    code: 'COURT',
    nameZh: '县人民法院',
    nameEn: "People's court",
    subgraph: 'court',
    port: 4103,
    creditFeed: true,
    disclosureFeed: false,
    recordsDecisions: true,
    occupationFeed: false,
  },
  {
    code: 'AMR',
    nameZh: '县市场监管局',
    nameEn: 'Market regulation bureau',
    subgraph: 'market',
    port: 4104,
    creditFeed: true,
    disclosureFeed: true,
    recordsDecisions: true,
    occupationFeed: false,
  },
  {
    code: 'EDU',
    nameZh: '县教科体局',
    nameEn: 'Education, science and sports bureau',
    subgraph: 'education',
    port: 4105,
    creditFeed: true,
    disclosureFeed: false,
    recordsDecisions: true,
    occupationFeed: false,
  },
  {
    code: 'NDRC',
    nameZh: '县发改局',
    nameEn: 'Development and reform bureau (credit platform)',
    subgraph: 'credit',
    port: 4106,
    creditFeed: false,
    disclosureFeed: false,
    recordsDecisions: true,
    occupationFeed: false,
  },
  {
    code: 'PBOC',
    nameZh: '人民银行县支行',
    nameEn: "People's Bank of China, county branch",
    subgraph: null,
    port: null,
    creditFeed: false,
    disclosureFeed: false,
    recordsDecisions: false,
    occupationFeed: false,
  },
  {
    code: 'CIVIL',
    nameZh: '县民政局',
    nameEn: 'Civil affairs bureau',
    subgraph: null,
    port: null,
    creditFeed: false,
    disclosureFeed: false,
    recordsDecisions: false,
    occupationFeed: false,
  },
  {
    code: 'HRSS',
    nameZh: '县人社局',
    nameEn: 'Human resources and social security bureau',
    subgraph: 'hrss',
    port: 4108,
    creditFeed: true,
    disclosureFeed: true,
    recordsDecisions: true,
    occupationFeed: true,
  },
  {
    code: 'HEALTH',
    nameZh: '县卫健局',
    nameEn: 'Health bureau',
    subgraph: 'health',
    port: 4109,
    creditFeed: true,
    disclosureFeed: true,
    recordsDecisions: true,
    occupationFeed: true,
  },
  {
    code: 'JUSTICE',
    nameZh: '县司法局',
    nameEn: 'Justice bureau',
    subgraph: 'justice',
    port: 4110,
    creditFeed: true,
    disclosureFeed: true,
    recordsDecisions: true,
    occupationFeed: true,
  },
  {
    code: 'AUDIT',
    nameZh: '审计组',
    nameEn: 'Audit team',
    subgraph: 'audit',
    port: 4107,
    creditFeed: false,
    disclosureFeed: false,
    recordsDecisions: false,
    occupationFeed: false,
  },
] as const satisfies readonly DepartmentEntry[];

/** One row of the registry. */
export interface DepartmentEntry {
  /** Department code (JWT claim `dept`, policy `dept`, a credit record's `sourceDept`). */
  code: string;
  /** What a citizen reads for the department, in the county's own words. */
  nameZh: string;
  nameEn: string;
  /** Name of the department's subgraph (service and database schema); null: it runs none. */
  subgraph: string | null;
  /** Port of the subgraph in the embedded default and the composed supergraph; null without one. */
  port: number | null;
  /** Publishes a credit feed (`<subgraph>CreditFeed`) the credit platform collects. */
  creditFeed: boolean;
  /** Publishes a disclosure feed (双公示, `<subgraph>DisclosureFeed`) the credit platform collects. */
  disclosureFeed: boolean;
  /**
   * Records its own decisions through the write API (`<subgraph>RecordDecision`, ...) and imports
   * them (`<subgraph>Import`): its kinds are in lib/decision-kinds. Every department that
   * publishes a feed records the decisions the feed carries.
   */
  recordsDecisions: boolean;
  /**
   * Licenses or registers a key occupational group and publishes its licences on an occupation
   * feed (`<subgraph>OccupationFeed`) the credit platform collects for `Person.occupations`.
   */
  occupationFeed: boolean;
}

/** A registered department code. */
export type Department = (typeof DEPARTMENT_REGISTRY)[number]['code'];

/** A registered subgraph name. */
export type SubgraphName = Exclude<(typeof DEPARTMENT_REGISTRY)[number]['subgraph'], null>;
