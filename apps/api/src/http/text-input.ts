/**
 * Every string of a request — in its variables or written inline in the document — is checked
 * once here, before execution, and refused as bad input (BAD_USER_INPUT, HTTP 400) naming the
 * argument where it was found, when it is not text the database can hold:
 * - a NUL character (U+0000), which PostgreSQL text cannot hold;
 * - a lone UTF-16 surrogate (e.g. "\ud800" sent as a JSON escape): not well-formed Unicode, it
 *   cannot be encoded in UTF-8 and would fail deep inside as an internal error.
 */
import { GraphQLError, Kind, visit, type DocumentNode } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../schema/context.js";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a string, or null when it is well-formed text without NUL. */
export function badText(value: string): string | null {
  if (value.includes("\u0000")) return "contains a NUL character (U+0000), which text fields cannot hold";
  if (LONE_SURROGATE.test(value)) return "is not well-formed Unicode (an unpaired UTF-16 surrogate such as \\ud800)";
  return null;
}

/** Path of the first bad string inside a JSON value and what is wrong with it, or null. */
export function findBadText(value: unknown, path: string): { path: string; problem: string } | null {
  if (typeof value === "string") {
    const problem = badText(value);
    return problem ? { path, problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadText(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      const keyProblem = badText(key);
      if (keyProblem) return { path: `${path}.${JSON.stringify(key)}`, problem: `has a key that ${keyProblem}` };
      const found = findBadText(v, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/** The first bad inline string, with the argument path it sits in (field(arg: { sub: "…" }) → "field.arg.sub"). */
function inlineBadText(document: DocumentNode): { path: string; problem: string } | null {
  let found: { path: string; problem: string } | null = null;
  const stack: string[] = [];
  visit(document, {
    Field: { enter: (node) => void stack.push(node.alias?.value ?? node.name.value), leave: () => void stack.pop() },
    Argument: { enter: (node) => void stack.push(node.name.value), leave: () => void stack.pop() },
    ObjectField: { enter: (node) => void stack.push(node.name.value), leave: () => void stack.pop() },
    StringValue(node) {
      if (found) return;
      const problem = badText(node.value);
      if (problem) found = { path: stack.join("."), problem };
    },
  });
  return found;
}

function refuse(where: string, problem: string, field: string): GraphQLError {
  return new GraphQLError(`${where} ${problem}`, { extensions: { code: "BAD_USER_INPUT", field, http: { status: 400 } } });
}

export const textInputPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        for (const [name, value] of Object.entries(request.variables ?? {})) {
          const found = findBadText(value, name);
          if (found) throw refuse(`Variable "$${name}" at "${found.path}"`, found.problem, found.path);
        }
        if (document.kind === Kind.DOCUMENT) {
          const found = inlineBadText(document);
          if (found) throw refuse(`The string given for argument "${found.path}"`, found.problem, found.path);
        }
      },
    };
  },
};
