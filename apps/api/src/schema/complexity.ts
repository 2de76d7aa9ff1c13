/**
 * Cost of a connection field: its page size multiplies the cost of what is selected inside, so
 * that `first: 100` nested three deep is priced as the million rows it could be.
 */
const DEFAULT_PAGE = 20;

export function pageCost(args: { first?: number | null; last?: number | null }): { field: number; multiplier: number } {
  return { field: 1, multiplier: Math.max(1, Math.min(args.first ?? args.last ?? DEFAULT_PAGE, 100)) };
}

/**
 * Computational fields are priced by their work, not as one field: an eligibility check runs the
 * art. 55 conditions and the income computation for every member of the household, so it costs
 * WORK_PER_MEMBER per member given (at most 20). With the default cost limit (20,000), a request
 * may check about 40 households of 20 members at once, not a hundred aliased ones.
 */
export const WORK_PER_MEMBER = 25;

export function eligibilityCost(args: { input?: { members?: readonly unknown[] | null } | null }): number {
  const members = Math.max(1, Math.min(args.input?.members?.length ?? 20, 20));
  return 5 + members * WORK_PER_MEMBER;
}

/** A stored candidate's household is not known when the query is priced: priced as a full one. */
export const CANDIDATE_ELIGIBILITY_COST = 5 + 20 * WORK_PER_MEMBER;
