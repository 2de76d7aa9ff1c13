// @ts-check
/**
 * graphql-codegen plugin of @abordable/sdk: for every operation in src/operations, one exported
 * `Operation<Result, Variables>` constant holding
 *   - `document`: the query text with the fragments it uses (transitively), whitespace stripped,
 *     so that the SDK needs no `graphql` package at run time;
 *   - `result`: a plan of the response paths whose schema type is Decimal, Date or DateTime (the
 *     client turns them into Decimal / Date instances or keeps strings, by option);
 *   - `variables`: the same for the variables (input objects included), to serialise Decimal and
 *     Date values the caller passes.
 * The plans come from the schema's field types, so they follow the schema when it changes.
 */
const { Kind, getNamedType, isInputObjectType, isScalarType, isCompositeType, print, stripIgnoredCharacters, typeFromAST } = require("graphql");

/** Scalars the SDK converts; every other scalar is passed as it comes. */
const CONVERTED = new Set(["Decimal", "Date", "DateTime"]);

/** @typedef {{ [key: string]: string | Plan }} Plan */

/**
 * @param {Plan} plan
 * @param {string} key
 * @param {string | Plan} value
 * @param {string} where
 */
function merge(plan, key, value, where) {
  const existing = plan[key];
  if (existing === undefined) {
    plan[key] = value;
    return;
  }
  if (typeof existing === "string" || typeof value === "string") {
    if (existing !== value)
      throw new Error(
        `${where}: response key "${key}" is selected with different scalar types (${JSON.stringify(existing)} / ${JSON.stringify(value)}); alias one of them`,
      );
    return;
  }
  for (const [k, v] of Object.entries(value)) merge(existing, k, v, where);
}

/**
 * @param {import("graphql").GraphQLSchema} schema
 * @param {Map<string, import("graphql").FragmentDefinitionNode>} fragments
 * @param {import("graphql").SelectionSetNode} selectionSet
 * @param {import("graphql").GraphQLCompositeType} parentType
 * @param {string} where
 * @returns {Plan}
 */
function resultPlan(schema, fragments, selectionSet, parentType, where) {
  /** @type {Plan} */
  const plan = {};
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name.startsWith("__")) continue;
      if (!("getFields" in parentType)) throw new Error(`${where}: field ${name} on union ${parentType.name}`);
      const field = parentType.getFields()[name];
      if (!field) throw new Error(`${where}: no field ${name} on ${parentType.name}`);
      const type = getNamedType(field.type);
      const key = selection.alias?.value ?? name;
      if (isScalarType(type)) {
        if (CONVERTED.has(type.name)) merge(plan, key, type.name, where);
      } else if (selection.selectionSet && isCompositeType(type)) {
        const sub = resultPlan(schema, fragments, selection.selectionSet, type, where);
        if (Object.keys(sub).length > 0) merge(plan, key, sub, where);
      }
    } else {
      let typeName;
      let set;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        typeName = selection.typeCondition?.name.value ?? parentType.name;
        set = selection.selectionSet;
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) throw new Error(`${where}: unknown fragment ${selection.name.value}`);
        typeName = fragment.typeCondition.name.value;
        set = fragment.selectionSet;
      }
      const type = schema.getType(typeName);
      if (!type || !isCompositeType(type)) throw new Error(`${where}: unknown type ${typeName}`);
      for (const [k, v] of Object.entries(resultPlan(schema, fragments, set, type, where))) merge(plan, k, v, where);
    }
  }
  return plan;
}

/**
 * @param {import("graphql").GraphQLNamedType} type
 * @param {Set<string>} seen
 * @returns {string | Plan | undefined}
 */
function inputPlan(type, seen) {
  if (isScalarType(type)) return CONVERTED.has(type.name) ? type.name : undefined;
  if (!isInputObjectType(type) || seen.has(type.name)) return undefined;
  /** @type {Plan} */
  const plan = {};
  const inner = new Set(seen).add(type.name);
  for (const field of Object.values(type.getFields())) {
    const sub = inputPlan(getNamedType(field.type), inner);
    if (sub !== undefined) plan[field.name] = sub;
  }
  return Object.keys(plan).length > 0 ? plan : undefined;
}

/** @param {import("graphql").FragmentDefinitionNode | import("graphql").OperationDefinitionNode} node */
function spreadsOf(node) {
  /** @type {Set<string>} */
  const names = new Set();
  /** @param {import("graphql").SelectionSetNode} set */
  const walk = (set) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FRAGMENT_SPREAD) names.add(s.name.value);
      else if (s.selectionSet) walk(s.selectionSet);
    }
  };
  walk(node.selectionSet);
  return names;
}

/**
 * @param {import("graphql").GraphQLSchema} schema
 * @param {{ document?: import("graphql").DocumentNode; location?: string }[]} documents
 * @param {{ typesModule: string; operationModule: string }} config
 */
const plugin = (schema, documents, config) => {
  /** @type {Map<string, import("graphql").FragmentDefinitionNode>} */
  const fragments = new Map();
  /** @type {{ node: import("graphql").OperationDefinitionNode; location: string }[]} */
  const operations = [];
  for (const doc of documents) {
    for (const def of doc.document?.definitions ?? []) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) {
        if (fragments.has(def.name.value)) throw new Error(`${doc.location}: fragment ${def.name.value} defined twice`);
        fragments.set(def.name.value, def);
      } else if (def.kind === Kind.OPERATION_DEFINITION) {
        if (!def.name) throw new Error(`${doc.location}: every operation needs a name`);
        operations.push({ node: def, location: doc.location ?? "?" });
      }
    }
  }
  const imports = new Set();
  const out = [];
  const names = new Set();
  for (const { node, location } of operations.sort((a, b) => (a.node.name?.value ?? "").localeCompare(b.node.name?.value ?? ""))) {
    const name = node.name?.value ?? "";
    if (names.has(name)) throw new Error(`${location}: operation ${name} defined twice`);
    names.add(name);
    if (node.operation === "subscription") throw new Error(`${location}: subscriptions are not supported`);
    const suffix = node.operation === "query" ? "Query" : "Mutation";
    const resultType = `${name}${suffix}`;
    const variablesType = `${name}${suffix}Variables`;
    imports.add(resultType);
    imports.add(variablesType);

    // Fragments used, transitively, in a stable order.
    /** @type {string[]} */
    const used = [];
    const pending = [...spreadsOf(node)];
    while (pending.length > 0) {
      const next = /** @type {string} */ (pending.shift());
      if (used.includes(next)) continue;
      const fragment = fragments.get(next);
      if (!fragment) throw new Error(`${location}: unknown fragment ${next}`);
      used.push(next);
      pending.push(...spreadsOf(fragment));
    }
    const text = [node, ...used.map((f) => /** @type {import("graphql").FragmentDefinitionNode} */ (fragments.get(f)))]
      .map((d) => stripIgnoredCharacters(print(d)))
      .join(" ");

    const root = node.operation === "query" ? schema.getQueryType() : schema.getMutationType();
    if (!root) throw new Error(`${location}: the schema has no ${node.operation} type`);
    const result = resultPlan(schema, fragments, node.selectionSet, root, `${location} (${name})`);
    /** @type {Plan} */
    const variables = {};
    for (const def of node.variableDefinitions ?? []) {
      const type = typeFromAST(schema, /** @type {import("graphql").NamedTypeNode} */ (def.type));
      if (!type) throw new Error(`${location}: unknown type of $${def.variable.name.value}`);
      const sub = inputPlan(getNamedType(type), new Set());
      if (sub !== undefined) variables[def.variable.name.value] = sub;
    }
    out.push(
      `/** \`${node.operation} ${name}\` (${location.replace(/^.*?src\//, "src/")}). */`,
      `export const ${name}Document: Operation<${resultType}, ${variablesType}> = {`,
      `  kind: ${JSON.stringify(node.operation)},`,
      `  name: ${JSON.stringify(name)},`,
      `  document: ${JSON.stringify(text)},`,
      `  result: ${JSON.stringify(result)},`,
      `  variables: ${JSON.stringify(variables)},`,
      `};`,
      "",
    );
  }
  return [
    "// Generated by graphql-codegen (codegen/operations-plugin.cjs) from src/operations: do not edit.",
    `import type { Operation } from ${JSON.stringify(config.operationModule)};`,
    `import type {\n${[...imports].map((i) => `  ${i},`).join("\n")}\n} from ${JSON.stringify(config.typesModule)};`,
    "",
    ...out,
  ].join("\n");
};

module.exports = { plugin };
