/**
 * Cost of a connection field: its page size multiplies the cost of what is selected inside, so
 * that `first: 100` nested three deep is priced as the million rows it could be.
 */
const DEFAULT_PAGE = 20;

export function pageCost(args: { first?: number | null; last?: number | null }): { field: number; multiplier: number } {
  return { field: 1, multiplier: Math.max(1, Math.min(args.first ?? args.last ?? DEFAULT_PAGE, 100)) };
}
