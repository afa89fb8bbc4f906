import type { CreditCategory } from '../rules/types';

/** Matters an approval system asks about, as the `MatterType` SDL enum. */
export const MATTER_TYPES = [
  'LICENSING',
  'GOVERNMENT_PROCUREMENT',
  'PUBLIC_HIRING',
  'SUBSIDY',
  'HONOURS',
] as const;
export type MatterType = (typeof MATTER_TYPES)[number];

/** Credit lists a person can be on, as the `CreditListStatus` SDL enum. */
export const LIST_STATUSES = ['BLACK', 'RED', 'NONE'] as const;
export type ListStatus = (typeof LIST_STATUSES)[number];

/** Kinds of measure, as the `MeasureKind` SDL enum. */
export const MEASURE_KINDS = ['INCENTIVE', 'DISCIPLINE'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** One measure of policy/measures.yaml. */
export interface Measure {
  code: string;
  /** Chinese description of what the approval system does. */
  description: string;
  kind: MeasureKind;
  legalBasis: string;
}

/** What an entry of the catalog applies to: a list, or a category of displayed record. */
export type MeasureTrigger = { list: Exclude<ListStatus, 'NONE'> } | { category: CreditCategory };

/** One entry of policy/measures.yaml: the measures for a trigger and a matter. */
export interface MeasureEntry {
  trigger: MeasureTrigger;
  matter: MatterType;
  measures: readonly Measure[];
}

/** The loaded, validated measures catalog. */
export interface MeasuresCatalog {
  version: string;
  entries: readonly MeasureEntry[];
  /** Every measure by code. */
  byCode: ReadonlyMap<string, Measure>;
}

/** A measure selected for a person, with what triggered it (`BLACK`, `RED` or a category). */
export interface SelectedMeasure extends Measure {
  trigger: string;
}
