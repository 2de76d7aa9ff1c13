/**
 * Cursor pagination over any Relay connection: pages are fetched one after the other, each as
 * an ordinary (retried) read, and the nodes handed out one by one.
 */
import type { Operation } from "./operation.js";
import type { Requester, RequestOptions } from "./requester.js";
import type { Resolved, ScalarModes } from "./scalars.js";

/** The parts of a connection the iterator needs. */
export interface ConnectionPage<N> {
  readonly edges: readonly { readonly node: N }[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

export interface PageOptions extends RequestOptions {
  /** Items per request (default 50; the API caps pages at 100). */
  readonly pageSize?: number;
  /** Stop after this many items. */
  readonly limit?: number;
}

/** Variables of a paginated operation, without the ones the iterator sets. */
export type PageVariables<V> = Omit<V, "first" | "after" | "last" | "before">;

export async function* paginate<R, V extends { first?: number | null; after?: string | null }, N, M extends ScalarModes>(
  requester: Requester<M>,
  operation: Operation<R, V>,
  variables: PageVariables<V>,
  select: (data: Resolved<R, M>) => ConnectionPage<N> | null | undefined,
  options: PageOptions = {},
): AsyncGenerator<N, void, undefined> {
  const { pageSize = 50, limit = Number.POSITIVE_INFINITY, ...call } = options;
  let after: string | null = null;
  let count = 0;
  while (count < limit) {
    const data = await requester.execute(operation, { ...variables, first: pageSize, after } as V, call);
    const page = select(data);
    if (!page) return;
    for (const edge of page.edges) {
      if (count >= limit) return;
      count += 1;
      yield edge.node;
    }
    if (!page.pageInfo.hasNextPage || page.pageInfo.endCursor === null || page.edges.length === 0) return;
    after = page.pageInfo.endCursor;
  }
}
