/**
 * A typed GraphQL operation: its text and, from the schema, where its custom scalars are. Created
 * by codegen (src/generated/operations.ts) from the documents in src/operations.
 */
export type ScalarKind = "Decimal" | "Date" | "DateTime";

/** Response keys (or variable / input field names) leading to a converted scalar. */
export interface ScalarPlan {
  readonly [key: string]: ScalarKind | ScalarPlan;
}

export interface Operation<TResult, TVariables> {
  readonly kind: "query" | "mutation";
  readonly name: string;
  readonly document: string;
  readonly result: ScalarPlan;
  readonly variables: ScalarPlan;
  /** Type-level only: the operation's result and variables. */
  readonly __types?: { result: TResult; variables: TVariables };
}

export type ResultOf<O> = O extends Operation<infer R, unknown> ? R : never;
export type VariablesOf<O> = O extends Operation<unknown, infer V> ? V : never;
