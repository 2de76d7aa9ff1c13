/** Helpers shared by the tenancy mutations: the lease the caller may change, regime, rules cited. */
import { TenancyRuleError, type LegalReference, type RegimeOptions } from "@abordable/domain";
import type { Prisma } from "../generated/prisma/client.js";
import type { Context } from "../schema/context.js";
import { Problems, UserErrorsAbort } from "../schema/user-errors.js";
import { checkId } from "../schema/validate.js";
import { leaseScope } from "../access/tenant.js";
import { isMinistryAdmin, organisationOf } from "../access/viewer.js";
import { domainUserError } from "../schema/domain-errors.js";
import { citation, resolveRegime, type Regime } from "./common.js";

export type Tx = Prisma.TransactionClient;

/** Landlords change their own leases; a ministry administrator may act for any landlord. */
export const MUTATE = { landlord: true, ministryAdmin: true } as const;

export function fail(p: Problems): never {
  throw new UserErrorsAbort(p.list);
}

export function leaseMutationScope(ctx: Context): Prisma.LeaseWhereInput {
  return isMinistryAdmin(ctx.viewer) ? {} : { AND: [leaseScope(ctx.viewer), { landlordId: organisationOf(ctx.viewer) }] };
}

/** The lease (by global ID) if the caller may change it; otherwise NOT_FOUND, as if it did not exist. */
export async function ownLease<I extends Prisma.LeaseInclude>(tx: Tx, ctx: Context, p: Problems, field: string, globalId: string | number, include: I) {
  const id = checkId(p, field, globalId, "Lease");
  if (!id) fail(p);
  const lease = await tx.lease.findFirst({ where: { id, AND: [leaseMutationScope(ctx)] }, include });
  if (!lease) {
    p.add(field, "NOT_FOUND", `${field}: no lease with this ID in your stock`);
    fail(p);
  }
  return lease as Prisma.LeaseGetPayload<{ include: I }>;
}

export function regimeFor(ctx: Context, p: Problems, regime: Regime | null | undefined): RegimeOptions {
  const r = resolveRegime(ctx, regime);
  if (!r.ok) {
    const e = domainUserError(r.error, { field: "input.regime" });
    p.add("regime", e.code, e.message, "bill 8535 (entry into force set by the operator)");
    fail(p);
  }
  return r.options;
}

export const rule = (r: LegalReference): string => citation(r);

/** A domain TenancyRuleError as a user error on a field. */
export function ruleError(p: Problems, field: string, error: unknown): boolean {
  if (error instanceof TenancyRuleError) {
    p.add(field, "RULE_VIOLATION", error.message, citation(error.reference));
    return true;
  }
  return false;
}

export const dateOf = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
