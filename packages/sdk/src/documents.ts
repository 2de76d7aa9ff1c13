/**
 * Partners' own documents: any `TypedDocumentNode` (what graphql-codegen's client preset, urql or
 * Apollo Client use) becomes an `Operation` the requester runs with the same retries,
 * idempotency, typed errors and scalar conversion as the SDK's own operations.
 *
 * The document's text is printed here (a small printer of executable documents, so that the SDK
 * needs no `graphql` package at run time), and where its Decimal / Date / DateTime fields are is
 * derived from the document and the schema map generated from the API's SDL (SCHEMA_MAP).
 */
import type { Operation, ScalarKind, ScalarPlan } from "./operation.js";
import { SCHEMA_MAP } from "./generated/schema-map.js";

/**
 * A GraphQL document typed with its result and variables, structurally compatible with
 * `TypedDocumentNode` of `@graphql-typed-document-node/core` (no dependency on it or on `graphql`).
 */
export interface TypedDocumentLike<TResult = unknown, TVariables = Record<string, unknown>> {
  readonly kind: "Document" | string;
  readonly definitions: readonly unknown[];
  /** Type-level only (`DocumentTypeDecoration`). */
  readonly __apiType?: (variables: TVariables) => TResult;
}

export type DocumentResultOf<D> = D extends TypedDocumentLike<infer R, infer _V> ? R : never;
export type DocumentVariablesOf<D> = D extends TypedDocumentLike<infer _R, infer V> ? V : never;

/* A minimal view of graphql-js's AST: only what printing and planning read. */
interface Named {
  readonly value: string;
}
interface Node {
  readonly kind: string;
  readonly [key: string]: unknown;
}
interface TypeNode extends Node {
  readonly name?: Named;
  readonly type?: TypeNode;
}
interface SelectionSet {
  readonly selections: readonly Selection[];
}
interface Selection extends Node {
  readonly name?: Named;
  readonly alias?: Named;
  readonly arguments?: readonly Argument[];
  readonly directives?: readonly Directive[];
  readonly selectionSet?: SelectionSet;
  readonly typeCondition?: { readonly name: Named };
}
interface Argument {
  readonly name: Named;
  readonly value: Node;
}
interface Directive {
  readonly name: Named;
  readonly arguments?: readonly Argument[];
}
interface VariableDefinition {
  readonly variable: { readonly name: Named };
  readonly type: TypeNode;
  readonly defaultValue?: Node;
  readonly directives?: readonly Directive[];
}
interface Definition extends Node {
  readonly operation?: "query" | "mutation" | "subscription";
  readonly name?: Named;
  readonly variableDefinitions?: readonly VariableDefinition[];
  readonly directives?: readonly Directive[];
  readonly typeCondition?: { readonly name: Named };
  readonly selectionSet: SelectionSet;
}

const str = (s: string) => JSON.stringify(s);

function value(v: Node): string {
  switch (v.kind) {
    case "Variable":
      return `$${(v.name as Named).value}`;
    case "IntValue":
    case "FloatValue":
    case "EnumValue":
      return String(v.value);
    case "StringValue":
      return str(String(v.value));
    case "BooleanValue":
      return v.value ? "true" : "false";
    case "NullValue":
      return "null";
    case "ListValue":
      return `[${(v.values as Node[]).map(value).join(",")}]`;
    case "ObjectValue":
      return `{${(v.fields as { name: Named; value: Node }[]).map((f) => `${f.name.value}:${value(f.value)}`).join(",")}}`;
    default:
      throw new TypeError(`unsupported GraphQL value node ${v.kind}`);
  }
}

const args = (list: readonly Argument[] | undefined) => (list && list.length > 0 ? `(${list.map((a) => `${a.name.value}:${value(a.value)}`).join(",")})` : "");
const directives = (list: readonly Directive[] | undefined) => (list ?? []).map((d) => ` @${d.name.value}${args(d.arguments)}`).join("");

function typeRef(t: TypeNode): string {
  if (t.kind === "NonNullType") return `${typeRef(t.type!)}!`;
  if (t.kind === "ListType") return `[${typeRef(t.type!)}]`;
  return t.name!.value;
}

function selections(set: SelectionSet): string {
  return `{${set.selections
    .map((s) => {
      if (s.kind === "Field")
        return `${s.alias ? `${s.alias.value}:` : ""}${s.name!.value}${args(s.arguments)}${directives(s.directives)}${s.selectionSet ? selections(s.selectionSet) : ""}`;
      if (s.kind === "FragmentSpread") return `...${s.name!.value}${directives(s.directives)}`;
      if (s.kind === "InlineFragment")
        return `...${s.typeCondition ? ` on ${s.typeCondition.name.value}` : ""}${directives(s.directives)}${selections(s.selectionSet!)}`;
      throw new TypeError(`unsupported selection ${s.kind}`);
    })
    .join(" ")}}`;
}

/** Prints an executable document (operations and fragments) as compact GraphQL text. */
export function printDocument(document: TypedDocumentLike<unknown, never>): string {
  return (document.definitions as Definition[])
    .map((d) => {
      if (d.kind === "FragmentDefinition")
        return `fragment ${d.name!.value} on ${d.typeCondition!.name.value}${directives(d.directives)}${selections(d.selectionSet)}`;
      if (d.kind !== "OperationDefinition") throw new TypeError(`unsupported definition ${d.kind}: only operations and fragments can be sent`);
      const vars = d.variableDefinitions ?? [];
      const head =
        vars.length > 0
          ? `(${vars.map((v) => `$${v.variable.name.value}:${typeRef(v.type)}${v.defaultValue ? `=${value(v.defaultValue)}` : ""}${directives(v.directives)}`).join(",")})`
          : "";
      return `${d.operation}${d.name ? ` ${d.name.value}` : ""}${head}${directives(d.directives)}${selections(d.selectionSet)}`;
    })
    .join(" ");
}

const CONVERTED = new Set<string>(["Decimal", "Date", "DateTime"]);

function mergeInto(target: Record<string, ScalarKind | ScalarPlan>, key: string, sub: ScalarKind | ScalarPlan): void {
  const existing = target[key];
  if (existing === undefined || typeof existing === "string" || typeof sub === "string") {
    target[key] ??= sub;
    return;
  }
  const merged: Record<string, ScalarKind | ScalarPlan> = { ...existing };
  for (const [k, v] of Object.entries(sub)) mergeInto(merged, k, v);
  target[key] = merged;
}

function resultPlan(set: SelectionSet, parent: string, fragments: ReadonlyMap<string, Definition>, seen: ReadonlySet<string>): ScalarPlan {
  const plan: Record<string, ScalarKind | ScalarPlan> = {};
  const fields = SCHEMA_MAP.output[parent] ?? {};
  for (const s of set.selections) {
    if (s.kind === "Field") {
      const name = s.name!.value;
      const type = fields[name];
      if (type === undefined) continue; // a plain scalar or enum: passed as sent
      const key = s.alias?.value ?? name;
      if (CONVERTED.has(type)) mergeInto(plan, key, type as ScalarKind);
      else if (s.selectionSet) {
        const sub = resultPlan(s.selectionSet, type, fragments, seen);
        if (Object.keys(sub).length > 0) mergeInto(plan, key, sub);
      }
    } else {
      let on: string;
      let sub: SelectionSet;
      if (s.kind === "InlineFragment") {
        on = s.typeCondition?.name.value ?? parent;
        sub = s.selectionSet!;
      } else {
        const name = s.name!.value;
        const fragment = fragments.get(name);
        if (!fragment) throw new TypeError(`the document spreads fragment ${name} but does not define it`);
        if (seen.has(name)) continue;
        on = fragment.typeCondition!.name.value;
        sub = fragment.selectionSet;
        seen = new Set(seen).add(name);
      }
      for (const [k, v] of Object.entries(resultPlan(sub, on, fragments, seen))) mergeInto(plan, k, v);
    }
  }
  return plan;
}

/** The plan of an input type; recursive input types share one (cyclic) plan object. */
function inputPlan(type: string, memo: Map<string, ScalarPlan | ScalarKind | undefined>): ScalarPlan | ScalarKind | undefined {
  if (CONVERTED.has(type)) return type as ScalarKind;
  if (memo.has(type)) return memo.get(type);
  const fields = SCHEMA_MAP.input[type];
  if (!fields) return undefined;
  const plan: Record<string, ScalarKind | ScalarPlan> = {};
  memo.set(type, plan);
  for (const [field, sub] of Object.entries(fields)) {
    const p = inputPlan(sub, memo);
    if (p !== undefined) plan[field] = p;
  }
  return plan;
}

/** The fragments an operation spreads, transitively (GraphQL refuses a document with unused ones). */
function usedFragments(op: Definition, fragments: ReadonlyMap<string, Definition>): Definition[] {
  const used = new Map<string, Definition>();
  const walk = (set: SelectionSet) => {
    for (const s of set.selections) {
      if (s.kind === "FragmentSpread") {
        const name = s.name!.value;
        const fragment = fragments.get(name);
        if (fragment && !used.has(name)) {
          used.set(name, fragment);
          walk(fragment.selectionSet);
        }
      } else if (s.selectionSet) walk(s.selectionSet);
    }
  };
  walk(op.selectionSet);
  return [...used.values()];
}

const namedType = (t: TypeNode): string => (t.type ? namedType(t.type) : t.name!.value);

const cache = new WeakMap<object, Operation<unknown, unknown>>();

/**
 * The `Operation` of a partner's document: its one query or mutation (or the one named
 * `operationName`), printed with its fragments, and its scalar plans from the schema map.
 */
export function operationFromDocument<R, V>(document: TypedDocumentLike<R, V>, operationName?: string): Operation<R, V> {
  const cached = operationName === undefined ? cache.get(document) : undefined;
  if (cached) return cached as Operation<R, V>;
  const definitions = document.definitions as Definition[];
  const operations = definitions.filter((d) => d.kind === "OperationDefinition");
  const chosen = operationName === undefined ? operations : operations.filter((d) => d.name?.value === operationName);
  if (chosen.length !== 1) {
    throw new TypeError(
      operationName === undefined
        ? `a document run by the SDK holds exactly one operation (this one has ${operations.length}); pass its name`
        : `the document has no operation named ${operationName}`,
    );
  }
  const op = chosen[0]!;
  if (op.operation !== "query" && op.operation !== "mutation") throw new TypeError(`${op.operation} operations are not supported`);
  const fragments = new Map(definitions.filter((d) => d.kind === "FragmentDefinition").map((d) => [d.name!.value, d] as const));
  const root = op.operation === "query" ? SCHEMA_MAP.query : SCHEMA_MAP.mutation;
  const memo = new Map<string, ScalarPlan | ScalarKind | undefined>();
  const variables: Record<string, ScalarKind | ScalarPlan> = {};
  for (const v of op.variableDefinitions ?? []) {
    const plan = inputPlan(namedType(v.type), memo);
    if (plan !== undefined) variables[v.variable.name.value] = plan;
  }
  const operation: Operation<R, V> = {
    kind: op.operation,
    name: op.name?.value ?? "anonymous",
    document: printDocument({ kind: "Document", definitions: [op, ...usedFragments(op, fragments)] }),
    result: resultPlan(op.selectionSet, root, fragments, new Set()),
    variables,
  };
  if (operationName === undefined) cache.set(document, operation);
  return operation;
}

/** Whether `x` is a GraphQL document (AST) rather than one of the SDK's generated operations. */
export function isDocument(x: unknown): x is TypedDocumentLike<unknown, unknown> {
  return typeof x === "object" && x !== null && (x as { kind?: unknown }).kind === "Document" && Array.isArray((x as { definitions?: unknown }).definitions);
}
