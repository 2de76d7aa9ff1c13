/**
 * Rule violations are data, not exceptions: every mutation payload carries `userErrors`, each
 * naming the input field (as a path), the rule broken (with its article where there is one) and a
 * stable code. A mutation with any user error changes nothing.
 */
import { builder } from "./builder.js";

export const USER_ERROR_CODES = {
  INVALID_ID: "The ID is malformed or of the wrong type.",
  NOT_FOUND: "No such object, or not one the caller may change.",
  INVALID_VALUE: "The value is malformed or not allowed.",
  TOO_LONG: "The text is longer than allowed.",
  OUT_OF_RANGE: "The number or date is outside the allowed range.",
  REQUIRED: "A value is required here.",
  CONFLICT: "The change conflicts with existing data (e.g. a duplicate reference).",
  RULE_VIOLATION: "The change breaks a legal rule; `rule` cites it.",
  INVALID_STATE: "The object is not in a state that allows this change.",
  FORBIDDEN: "The caller's role may not make this change.",
  REGIME_NOT_CONFIGURED:
    "The bill 8535 regime was asked but no entry-into-force date is set (operator setting ABORDABLE_BILL_8535_ENTRY_INTO_FORCE); ask for regime LAW.",
  INDEX_MISSING: "An index value the rule needs (cote d'application, construction-price semester) is not recorded; the message names it.",
} as const;
export type UserErrorCode = keyof typeof USER_ERROR_CODES;

export interface UserError {
  field: string[];
  message: string;
  code: UserErrorCode;
  rule?: string | null;
}

export const UserErrorCodeEnum = builder.enumType("UserErrorCode", {
  description: "Stable code of a user error.",
  values: Object.fromEntries(Object.entries(USER_ERROR_CODES).map(([k, description]) => [k, { description }])) as {
    [K in UserErrorCode]: { description: string };
  },
});

export const UserErrorRef = builder.objectRef<UserError>("UserError").implement({
  description: "A rule the input breaks. Nothing was changed.",
  fields: (t) => ({
    field: t.exposeStringList("field", { description: 'Path of the input field at fault, e.g. ["input", "usefulArea"].' }),
    message: t.exposeString("message", { description: "What is wrong, in words a person can act on." }),
    code: t.field({ type: UserErrorCodeEnum, description: "Stable code.", resolve: (e) => e.code }),
    rule: t.string({ nullable: true, description: 'The legal rule broken, when there is one (e.g. "law art. 12 §2").', resolve: (e) => e.rule ?? null }),
  }),
});

/** Collects user errors while validating an input. */
export class Problems {
  readonly list: UserError[] = [];
  add(field: string, code: UserErrorCode, message: string, rule?: string): void {
    this.list.push({ field: ["input", ...field.split(".")], code, message, rule: rule ?? null });
  }
  get any(): boolean {
    return this.list.length > 0;
  }
}

/** Thrown inside a mutation's transaction to roll it back and answer with user errors. */
export class UserErrorsAbort extends Error {
  constructor(readonly userErrors: UserError[]) {
    super("user errors");
  }
}
