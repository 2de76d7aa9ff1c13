/**
 * Domain input errors (bad figures, a parameter with no version on a date, a bill provision needing
 * the operator's entry-into-force date…) are the caller's to fix: they become user errors or
 * BAD_USER_INPUT GraphQL errors naming the field, never a masked internal error.
 */
import { CompensationInputError, IndexResolutionError, ParameterResolutionError, TableLookupError } from "@abordable/domain";
import { GraphQLError } from "graphql";
import type { UserError } from "../schema/user-errors.js";

export function isDomainInputError(e: unknown): e is Error {
  return e instanceof CompensationInputError || e instanceof ParameterResolutionError || e instanceof IndexResolutionError || e instanceof TableLookupError || e instanceof RangeError;
}

/** A readable message; a bill provision without the operator's date says which setting is missing. */
export function domainMessage(e: Error): string {
  if (e instanceof ParameterResolutionError && /bill8535EntryIntoForce/.test(e.message))
    return `${e.message} — set ABORDABLE_BILL_8535_ENTRY_INTO_FORCE (the operator's date of the bill's entry into force)`;
  if (e instanceof ParameterResolutionError && /not in force/.test(e.message))
    return `${e.message} — no version of this legal parameter applies on that date (e.g. the RGD of 24 January 2024 fixes the amounts of conventions signed from 2023-10-01 only)`;
  return e.message;
}

/** The input field a domain message is about, when it names one (e.g. "firstLettingDate: …"). */
export function fieldOf(message: string, fields: readonly string[]): string | null {
  const lower = message.toLowerCase();
  for (const f of fields) if (lower.startsWith(f.toLowerCase()) || lower.includes(`${f.toLowerCase()}:`) || lower.includes(` ${f.toLowerCase()} `)) return f;
  return null;
}

export function domainUserError(e: Error, field = "input"): UserError {
  return {
    field: field === "input" ? ["input"] : ["input", ...field.split(".")],
    code: e instanceof ParameterResolutionError ? "RULE_VIOLATION" : "INVALID_VALUE",
    message: domainMessage(e),
    rule: null,
  };
}

export function badUserInput(message: string, field: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", field } });
}

/** Runs a pure computation; a domain input error becomes BAD_USER_INPUT naming the field it is about. */
export function computeOrBadInput<T>(compute: () => T, fields: readonly string[]): T {
  try {
    return compute();
  } catch (e) {
    if (isDomainInputError(e)) {
      const f = fieldOf(e.message, fields);
      throw badUserInput(domainMessage(e), f ? `input.${f}` : "input");
    }
    throw e;
  }
}
