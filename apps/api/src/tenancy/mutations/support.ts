/** Helpers shared by the tenancy mutations: the lease the caller may change, regime, rules cited. */
import { TenancyRuleError, type LegalReference, type RegimeOptions } from "@abordable/domain";
import type { Prisma } from "../../generated/prisma/client.js";
import type { Context } from "../../schema/context.js";
import { Problems, UserErrorsAbort } from "../../schema/user-errors.js";
import { domainUserError } from "../../schema/domain-errors.js";
import { leaseMutationScope as policyLeaseScope, leaseToChange } from "../../access/policy.js";
import { citation, resolveRegime, type Regime } from "../adapters/common.js";

export type Tx = Prisma.TransactionClient;

/** Landlords change their own leases; a ministry administrator may act for any landlord. */
export const MUTATE = { landlord: true, ministryAdmin: true } as const;

export function fail(p: Problems): never {
  throw new UserErrorsAbort(p.list);
}

/** Leases the caller may change: the reference policy's (access/policy.ts). */
export function leaseMutationScope(ctx: Context): Prisma.LeaseWhereInput {
  return policyLeaseScope(ctx.viewer);
}

/** The lease (by global ID) if the caller may change it; otherwise the policy's uniform NOT_FOUND. */
export async function ownLease<I extends Prisma.LeaseInclude>(tx: Tx, ctx: Context, p: Problems, field: string, globalId: string | number, include: I) {
  return leaseToChange(tx, ctx, p, field, globalId, include);
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

/** Bounds of a monthly amount (rent, charges) in EUR. */
export const MONEY = { max: "100000", scale: 2, unit: "EUR" } as const;
/** Bounds of a yearly income (art. 56) in EUR. */
export const INCOME = { max: "100000000", scale: 4, unit: "EUR" } as const;
/** Upper bound of a deadline search window (any time limit ends before it). */
export const LAST_DAY = "9999-12-31";
