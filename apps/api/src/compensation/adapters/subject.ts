/**
 * Which statement an input designates (the access rule is access/policy/compensation.ts): a landlord
 * (under its compensation convention) or a developer's financial-participation convention. A
 * convention the caller may not see is "not found", never "forbidden", so that nothing leaks. A
 * `landlordId` the caller may not act for is FORBIDDEN (HTTP 403) when reading
 * (access/acting-for.ts), a NOT_FOUND user error when issuing.
 */
import type { Regime } from "@abordable/domain";
import { builder } from "../../schema/builder.js";
import type { Context } from "../../schema/context.js";
import { checkId, checkInt } from "../../schema/validate.js";
import type { Problems } from "../../schema/user-errors.js";
import { conventionOfStatement, landlordOfStatement } from "../../access/policy.js";
import { requireActingFor } from "../../access/acting-for.js";
import { CompensationRegimeEnum } from "../types/enums.js";
import { LegalRegimeEnum } from "../../schema/law.js";
import { chooseRegime, REGIME_DEPRECATION } from "../../schema/regime-arg.js";
import type { Subject } from "./statements.js";

/** First year of the law (in force from 1 October 2023). */
export const FIRST_YEAR = 2023;

export const StatementSubjectInput = builder.inputType("CompensationStatementInput", {
  description:
    "A statement: give `landlordId` (the landlord's statement under its compensation convention) or `conventionId` (a developer's financial-participation convention, or a landlord's compensation convention), a year and a regime.",
  fields: (t) => ({
    landlordId: t.id({ required: false, description: "Global ID of a social landlord (Organisation): its landlord statement (art. 40)." }),
    conventionId: t.id({
      required: false,
      description:
        "Global ID of a Convention: FINANCIAL_PARTICIPATION gives the developer statement (art. 13); COMPENSATION the landlord statement under that convention.",
    }),
    year: t.int({ required: true, description: `Year compensated (${FIRST_YEAR} or later).` }),
    regime: t.field({
      type: CompensationRegimeEnum,
      required: false,
      deprecationReason: REGIME_DEPRECATION,
      description: "Regime (default LAW). Deprecated: give legalRegime; both given must agree.",
    }),
    legalRegime: t.field({
      type: LegalRegimeEnum,
      required: false,
      description: "Régime légal of the statement (loi du 7 août 2023, or bill 8535); default LAW.",
    }),
  }),
});

export type StatementSubjectArgs = typeof StatementSubjectInput.$inferInput;

/** Resolves the subject of `input` or records user errors (field paths under "input"). At most two SQL statements. */
export async function resolveSubject(
  ctx: Context,
  p: Problems,
  input: StatementSubjectArgs,
  mode: "read" | "issue",
): Promise<{ subject: Subject; year: number; regime: Regime } | null> {
  const maxYear = new Date().getUTCFullYear();
  checkInt(p, "year", input.year, { min: FIRST_YEAR, max: maxYear });
  const chosen = chooseRegime(input.regime as Regime | null | undefined, input.legalRegime as Regime | null | undefined, "LAW");
  if ("conflict" in chosen) p.add("legalRegime", "INVALID_VALUE", chosen.conflict);
  const regime = "conflict" in chosen ? "LAW" : chosen.regime;
  if ((input.landlordId == null) === (input.conventionId == null)) {
    p.add("landlordId", "INVALID_VALUE", "Give exactly one of landlordId and conventionId");
    return null;
  }
  const landlordId = checkId(p, "landlordId", input.landlordId, "Organisation");
  const conventionId = checkId(p, "conventionId", input.conventionId, "Convention");
  if (p.any) return null;

  if (landlordId) {
    if (mode === "read") requireActingFor(ctx.viewer, "input.landlordId", landlordId, "LANDLORD");
    const landlord = await landlordOfStatement(ctx, p, "landlordId", landlordId, mode);
    if (!landlord) return null;
    if (landlord.landlordConventions.length === 0) {
      p.add("landlordId", "RULE_VIOLATION", "This landlord has no compensation convention with the State", "law art. 40 §1");
      return null;
    }
    if (landlord.landlordConventions.length > 1) {
      p.add("landlordId", "INVALID_VALUE", "This landlord has several compensation conventions: give conventionId of the one to compute");
      return null;
    }
    const convention = landlord.landlordConventions[0]!;
    return {
      subject: { kind: "LANDLORD", organisationId: landlord.id, conventionId: convention.id, landlord: { landlord, convention } },
      year: input.year,
      regime,
    };
  }

  const found = await conventionOfStatement(ctx, p, "conventionId", conventionId!, mode);
  if (!found) return null;
  const { convention, kind } = found;
  if (convention.kind === "PUBLIC_PRIVATE_PARTNERSHIP") {
    p.add(
      "conventionId",
      "RULE_VIOLATION",
      "Public-private partnership conventions are compensated as in art. 40 through the landlord's statement",
      "bill 8535 art. 72bis",
    );
    return null;
  }
  if (kind === "LANDLORD") {
    return {
      subject: { kind, organisationId: convention.landlord!.id, conventionId: convention.id, landlord: { landlord: convention.landlord!, convention } },
      year: input.year,
      regime,
    };
  }
  return {
    subject: { kind, organisationId: convention.developer!.id, conventionId: convention.id, developer: { developer: convention.developer!, convention } },
    year: input.year,
    regime,
  };
}
