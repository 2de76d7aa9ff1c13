/**
 * PostgreSQL text cannot hold the NUL character (U+0000): a string carrying one would reach the
 * database and fail there as an internal error. Every string of a request — in its variables or
 * written inline in the document — is checked once here, before execution, and refused as bad
 * input naming where it was found.
 */
import { GraphQLError, Kind, visit, type DocumentNode } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../schema/context.js";

/** Path of the first string holding a NUL character inside a JSON value, or null. */
export function findNul(value: unknown, path: string): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (key.includes("\u0000")) return `${path}.${JSON.stringify(key)}`;
      const found = findNul(v, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

function inlineNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (node.value.includes("\u0000")) found = true;
    },
  });
  return found;
}

function refuse(where: string): GraphQLError {
  return new GraphQLError(`${where} contains a NUL character (U+0000), which text fields cannot hold`, {
    extensions: { code: "BAD_USER_INPUT", http: { status: 400 } },
  });
}

export const textInputPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        for (const [name, value] of Object.entries(request.variables ?? {})) {
          const path = findNul(value, name);
          if (path) throw refuse(`Variable "$${name}" at "${path}"`);
        }
        if (document.kind === Kind.DOCUMENT && inlineNul(document)) throw refuse("A string in the query");
      },
    };
  },
};
