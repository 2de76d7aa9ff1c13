/**
 * The one typed error of the domain. Engines throw a DomainError (or a subclass) when an input or a
 * setting does not allow the rule to be applied; adapters map it by its `code`, never by its message
 * (apps/api/src/schema/domain-errors.ts), so that the same domain error is the same code everywhere.
 */
import type { LegalReference } from "./types.js";

/**
 * Stable codes of domain errors. Each says who must act:
 * - INVALID_INPUT: a value the caller gave is malformed or out of range (fix the input);
 * - RULE_VIOLATION: the input is well-formed but the rule forbids it (the article says why);
 * - NOT_IN_FORCE: no version of a provision or parameter applies on that date, under that regime;
 * - REGIME_NOT_CONFIGURED: the bill's regime was asked but the operator has set no entry-into-force date;
 * - INDEX_MISSING: an index value (cote d'application, construction-price semester…) is not in the series;
 * - DATA_DEFECT: the legal data itself is inconsistent (an operator or developer must fix the data).
 */
export const DOMAIN_ERROR_CODES = ["INVALID_INPUT", "RULE_VIOLATION", "NOT_IN_FORCE", "REGIME_NOT_CONFIGURED", "INDEX_MISSING", "DATA_DEFECT"] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export interface DomainErrorDetail {
  /** The input field (dotted path, e.g. "firstLettingDate", "household.members.0.birthDate") at fault, when known. */
  readonly field?: string | null;
  /** The article the rule comes from, when there is one. */
  readonly article?: LegalReference | null;
  /** The stable id of the rule or parameter concerned (e.g. "tenancy.deposit.max"). */
  readonly subject?: string | null;
}

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly field: string | null;
  readonly article: LegalReference | null;
  readonly subject: string | null;
  constructor(code: DomainErrorCode, message: string, detail: DomainErrorDetail = {}) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.field = detail.field ?? null;
    this.article = detail.article ?? null;
    this.subject = detail.subject ?? null;
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
