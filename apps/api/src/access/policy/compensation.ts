/**
 * The reference policy for compensation statements (law art. 13, 40-41; bill 8535 art. 72bis):
 * which landlord or convention a statement input may name, to read it or to issue it. Part of the
 * one policy module (access/policy.ts re-exports it).
 *
 * Read: the ministry, or the landlord / developer itself. Issue: ministry administrators, or the
 * landlord / developer itself. A convention the caller may not see is "not found", never
 * "forbidden", so that nothing leaks.
 */
import type { Context } from "../../schema/context.js";
import type { Problems } from "../../schema/user-errors.js";
import { isDeveloper, isLandlord, isMinistry, isMinistryAdmin, organisationOf } from "../../identity/viewer.js";

export type StatementAccess = "read" | "issue";

function allowed(ctx: Context, kind: "LANDLORD" | "DEVELOPER", organisationId: string, mode: StatementAccess): boolean {
  if (mode === "read" ? isMinistry(ctx.viewer) : isMinistryAdmin(ctx.viewer)) return true;
  if (organisationId !== organisationOf(ctx.viewer)) return false;
  return kind === "LANDLORD" ? isLandlord(ctx.viewer) : isDeveloper(ctx.viewer);
}

const verb = (mode: StatementAccess) => (mode === "read" ? "see" : "issue statements for");

/** A social landlord whose statement the caller may read or issue, with its compensation conventions (oldest first). Records the refusal on `p`. */
export async function landlordOfStatement(ctx: Context, p: Problems, field: string, landlordId: string, mode: StatementAccess) {
  if (!allowed(ctx, "LANDLORD", landlordId, mode)) {
    p.add(field, "NOT_FOUND", `${field}: no such landlord, or not one the caller may ${verb(mode)}`);
    return null;
  }
  const landlord = await ctx.prisma.organisation.findUnique({
    where: { id: landlordId },
    select: {
      id: true,
      kind: true,
      isUniversityOfLuxembourg: true,
      isSocialLandlord: true,
      landlordConventions: { where: { kind: "COMPENSATION" }, select: { id: true, signedOn: true }, orderBy: { signedOn: "asc" } },
    },
  });
  if (!landlord?.isSocialLandlord) {
    p.add(field, "NOT_FOUND", `${field}: no such social landlord (bailleur social, art. 38)`);
    return null;
  }
  return landlord;
}

/** A convention whose statement the caller may read or issue: a developer's financial participation, or a landlord's compensation convention. Records the refusal on `p`. */
export async function conventionOfStatement(ctx: Context, p: Problems, field: string, conventionId: string, mode: StatementAccess) {
  const convention = await ctx.prisma.convention.findUnique({
    where: { id: conventionId },
    select: {
      id: true,
      kind: true,
      signedOn: true,
      bankLoanPrefinancing: true,
      fondsIndemnityRequested: true,
      developerId: true,
      landlordId: true,
      developer: { select: { id: true, kind: true } },
      landlord: { select: { id: true, kind: true, isUniversityOfLuxembourg: true } },
    },
  });
  const kind = convention?.kind === "COMPENSATION" ? "LANDLORD" : "DEVELOPER";
  const owner = kind === "LANDLORD" ? convention?.landlordId : convention?.developerId;
  if (!convention || !owner || !allowed(ctx, kind, owner, mode)) {
    p.add(field, "NOT_FOUND", `${field}: no such convention, or not one the caller may ${verb(mode)}`);
    return null;
  }
  return { convention, kind } as const;
}
