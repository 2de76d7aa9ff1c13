/**
 * THE mapping of domain errors to GraphQL: by the error's `code` (DomainError, @abordable/domain),
 * never by its message. A query answers a domain error with a GraphQL error
 * `{ code: BAD_USER_INPUT, userErrorCode, domainCode, field, rule }`; a mutation with a user error
 * `{ code: userErrorCode, field, rule }`: the same domain error has the same `userErrorCode` in both.
 * Data defects (the legal data is inconsistent) are not the caller's to fix and stay internal errors.
 */
import { DomainError, formatReference, type DomainErrorCode } from "@abordable/domain";
import { GraphQLError } from "graphql";
import type { UserError, UserErrorCode } from "./user-errors.js";

/** The user-error code of each domain error code (DATA_DEFECT: none, an internal error). */
export const USER_ERROR_CODE_OF: Readonly<Record<Exclude<DomainErrorCode, "DATA_DEFECT">, UserErrorCode>> = {
  INVALID_INPUT: "INVALID_VALUE",
  RULE_VIOLATION: "RULE_VIOLATION",
  NOT_IN_FORCE: "RULE_VIOLATION",
  REGIME_NOT_CONFIGURED: "REGIME_NOT_CONFIGURED",
  INDEX_MISSING: "INDEX_MISSING",
};

/** What the operator or caller can do, by code (appended to the domain's message). */
const HINT: Partial<Record<DomainErrorCode, string>> = {
  REGIME_NOT_CONFIGURED: "set ABORDABLE_BILL_8535_ENTRY_INTO_FORCE (the operator's date of the bill's entry into force), or ask for regime LAW",
  NOT_IN_FORCE:
    "no version of this legal parameter applies on that date (e.g. the RGD of 24 January 2024 fixes the amounts of conventions signed from 2023-10-01 only)",
  INDEX_MISSING: "an administrator records the sourced index value (STATEC) before this can be computed",
};

type UserFacing = DomainError & { code: Exclude<DomainErrorCode, "DATA_DEFECT"> };

/**
 * The domain error behind `e`, if the caller can act on it: a DomainError other than a data defect,
 * or a RangeError (the domain's guards on a single value, e.g. a malformed decimal) as INVALID_INPUT.
 */
export function toDomainError(e: unknown): UserFacing | null {
  if (e instanceof DomainError) return e.code === "DATA_DEFECT" ? null : (e as UserFacing);
  if (e instanceof RangeError) return new DomainError("INVALID_INPUT", e.message) as UserFacing;
  return null;
}

/** A domain error the caller can act on (see toDomainError). */
export function isUserFacingDomainError(e: unknown): e is Error {
  return toDomainError(e) !== null;
}

export function domainErrorMessage(error: unknown): string {
  const e = toDomainError(error);
  if (!e) return error instanceof Error ? error.message : String(error);
  const hint = HINT[e.code];
  return hint ? `${e.message} — ${hint}` : e.message;
}

/** The input path of a domain error: its own field when it is one of the adapter's input fields, else `fallback`. */
function pathOf(e: DomainError, fields: readonly string[], fallback: string): string {
  return e.field && fields.includes(e.field) ? `input.${e.field}` : fallback;
}

/** A domain error as a user error of a mutation payload. */
export function domainUserError(error: unknown, options: { fields?: readonly string[]; field?: string } = {}): UserError {
  const e = toDomainError(error);
  if (!e) throw error;
  const path = options.field ?? pathOf(e, options.fields ?? [], "input");
  return { field: path.split("."), code: USER_ERROR_CODE_OF[e.code], message: domainErrorMessage(e), rule: e.article ? formatReference(e.article) : null };
}

/** A domain error as a GraphQL error of a query. */
export function domainGraphQLError(error: unknown, options: { fields?: readonly string[]; field?: string } = {}): GraphQLError {
  const e = toDomainError(error);
  if (!e) throw error;
  const field = options.field ?? pathOf(e, options.fields ?? [], "input");
  return new GraphQLError(domainErrorMessage(e), {
    extensions: {
      code: "BAD_USER_INPUT",
      userErrorCode: USER_ERROR_CODE_OF[e.code],
      domainCode: e.code,
      field,
      rule: e.article ? formatReference(e.article) : null,
    },
  });
}

/** A GraphQL BAD_USER_INPUT raised by an adapter's own validation (not a domain error). */
export function badUserInput(message: string, field: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", userErrorCode: "INVALID_VALUE", field } });
}

/** Runs a pure computation in a query: a domain error becomes its GraphQL error (field among `fields`, else `input`). */
export function computeOrBadInput<T>(compute: () => T, fields: readonly string[] = [], field?: string): T {
  try {
    return compute();
  } catch (e) {
    if (toDomainError(e)) throw domainGraphQLError(e, { fields, ...(field !== undefined && { field }) });
    throw e;
  }
}
