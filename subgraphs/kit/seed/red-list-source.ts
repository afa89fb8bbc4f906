import type { SyntheticPerson } from './synthetic-person';

/**
 * Which department gives a `good_record_red_list` person their departmental GOOD record (besides
 * the tax bureau's TAX_A_LEVEL): the market bureau (AMR_CONTRACT_HONOUR) for an even person seed,
 * the education bureau (EDU_EXCELLENT_TEACHER) for an odd one. One shared rule, so each such
 * person gets exactly one of the two although the departments seed independently.
 */
export function redListGoodRecordSource(
  person: Pick<SyntheticPerson, 'seed'>,
): 'market' | 'education' {
  return person.seed % 2 === 0 ? 'market' : 'education';
}
