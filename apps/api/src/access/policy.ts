/**
 * The reference policy of mutations: may this caller REFERENCE row X (named by its global ID in a
 * mutation input) for purpose P? Every ID of every mutation input is resolved here, nested ones
 * included: tenancy and portfolio below, allocation (files, offers, methodology, commissions and
 * their members) in policy/allocation.ts, the registry write paths (organisations, conventions,
 * register, imports) in policy/registry.ts, statements in policy/compensation.ts, all re-exported
 * from this module; no mutation looks a named row up by itself. test/api/adversarial-ids.test.ts sends every ID
 * leaf of every mutation input with another organisation's row and checks the refusal.
 *
 * Read filters (which rows a caller may read) stay in tenant.ts; this module answers the other
 * question, which depends on the purpose: a landlord reads a candidate of its shortlist but signs a
 * lease only with a household its own accepted offer (or rehousing case) reached; a developer's
 * project is visible to the landlords holding dwellings in it, but a landlord attaches a new dwelling
 * only to a project or financing convention it is party to.
 *
 * The answer is the row, or one uniform refusal: NOT_FOUND on the field, with a message that depends
 * only on the field and the purpose — never on whether the row exists, whose it is, or its status.
 * A refusal says nothing about another organisation's rows (issue 12, findings 2 and 5).
 *
 * Why not @casl/ability + @casl/prisma: the questions asked here are relational (a household reached
 * through an accepted offer in a file of the dwelling's landlord; a convention the caller is party
 * to; a transfer addressed to the caller) and purpose-specific; CASL's Prisma interpreter derives a
 * `where` from conditions on the subject's own fields, so each rule would still be hand-written as a
 * nested Prisma condition, plus an extra runtime and a second way of writing the read scopes that
 * tenant.ts (being extended in parallel for personal-data masking) already writes as plain Prisma
 * `where` fragments. One module of typed Prisma conditions keeps both questions in the same language.
 */
import type { Prisma } from "../generated/prisma/client.js";
import type { Context } from "../schema/context.js";
import type { Problems } from "../schema/user-errors.js";
import { decode, fail, refuse, type Purpose, type Tx } from "./policy/core.js";
import { dwellingScope, leaseScope } from "./tenant.js";
import { actingLandlord } from "./policy/allocation.js";
import { isLandlord, isMinistryAdmin, organisationOf, type Viewer } from "../identity/viewer.js";

export { decode, refuse, type Purpose, type Tx } from "./policy/core.js";

/** Dwellings the caller may change, let or offer in its own stock. */
export function dwellingMutationScope(v: Viewer): Prisma.DwellingWhereInput {
  return isMinistryAdmin(v) ? {} : { AND: [dwellingScope(v), { landlordId: organisationOf(v) }] };
}

/** Leases the caller may change (its own; a ministry administrator any). */
export function leaseMutationScope(v: Viewer): Prisma.LeaseWhereInput {
  return isMinistryAdmin(v) ? {} : { AND: [leaseScope(v), { landlordId: organisationOf(v) }] };
}

/** Row lock for the rest of the transaction: concurrent changes of one row run one after the other (PostgreSQL and PGlite). */
export async function lockDwelling(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Dwelling" WHERE "id" = ${id}::uuid FOR UPDATE`;
}

// ───────────── portfolio ─────────────

export async function dwellingToChange<I extends Prisma.DwellingInclude>(
  tx: Tx,
  ctx: Context,
  p: Problems,
  field: string,
  globalId: string | number,
  include: I,
  purpose: Purpose = "CHANGE",
) {
  const id = decode(p, field, globalId, "Dwelling");
  const row = await tx.dwelling.findFirst({ where: { id, AND: [dwellingMutationScope(ctx.viewer)] }, include });
  if (!row) refuse(p, field, "dwelling", purpose);
  return row as Prisma.DwellingGetPayload<{ include: I }>;
}

export async function unitToChange(tx: Tx, ctx: Context, p: Problems, field: string, globalId: string | number, purpose: Purpose = "CHANGE") {
  const id = decode(p, field, globalId, "AccommodationUnit");
  const row = await tx.accommodationUnit.findFirst({ where: { id, dwelling: dwellingMutationScope(ctx.viewer) }, include: { dwelling: true } });
  if (!row) refuse(p, field, "accommodation unit", purpose);
  return row;
}

/**
 * The landlord a new dwelling goes to: the caller's own organisation, or the one a ministry
 * administrator names. Organisations are public (names and kinds), so the rule errors may say so.
 */
export async function socialLandlord(tx: Tx, p: Problems, field: string, id: string) {
  const row = await tx.organisation.findUnique({ where: { id } });
  if (!row?.isSocialLandlord) {
    p.add(field, "RULE_VIOLATION", `${field}: not a social landlord (bailleur social)`, "law art. 38");
    return null;
  }
  return row;
}

export async function socialDeveloper(tx: Tx, p: Problems, field: string, globalId: string | number) {
  const id = decode(p, field, globalId, "Organisation");
  const row = await tx.organisation.findUnique({ where: { id } });
  if (!row) {
    p.add(field, "NOT_FOUND", `${field}: no organisation with this ID`);
    return null;
  }
  if (!row.isSocialDeveloper) p.add(field, "RULE_VIOLATION", `${row.name} is not a social developer (promoteur social)`, "law art. 16");
  return row;
}

/**
 * A project a new dwelling may join (finding 5): a project of the dwelling's developer that the
 * caller is party to — its developer, a party to one of its conventions, or the landlord of a dwelling
 * already in it. A ministry administrator attaches to any project of that developer.
 */
export async function projectToAttach(tx: Tx, ctx: Context, p: Problems, field: string, globalId: string | number, developerId: string) {
  const id = decode(p, field, globalId, "Project");
  const org = organisationOf(ctx.viewer);
  const party: Prisma.ProjectWhereInput = isMinistryAdmin(ctx.viewer)
    ? {}
    : {
        OR: [
          { developerId: org },
          { conventions: { some: { OR: [{ landlordId: org }, { developerId: org }] } } },
          { dwellings: { some: { landlordId: org } } },
        ],
      };
  const row = await tx.project.findFirst({ where: { id, developerId, AND: [party] } });
  if (!row) refuse(p, field, "project of this developer", "ATTACH_DWELLING");
  return row;
}

/**
 * A convention a new dwelling may be attached to (finding 5): one the caller is party to (its landlord
 * or its developer); a ministry administrator any. Kind and parties are then checked as rules, on
 * the caller's own convention only.
 */
export async function conventionToAttach(tx: Tx, ctx: Context, p: Problems, field: string, globalId: string | number) {
  const id = decode(p, field, globalId, "Convention");
  const org = organisationOf(ctx.viewer);
  const party: Prisma.ConventionWhereInput = isMinistryAdmin(ctx.viewer) ? {} : { OR: [{ landlordId: org }, { developerId: org }] };
  const row = await tx.convention.findFirst({ where: { id, AND: [party] } });
  if (!row) refuse(p, field, "convention", "ATTACH_DWELLING");
  return row;
}

// ───────────── tenancy ─────────────

/** The lease (by global ID) if the caller may change it. */
export async function leaseToChange<I extends Prisma.LeaseInclude>(tx: Tx, ctx: Context, p: Problems, field: string, globalId: string | number, include: I) {
  const id = decode(p, field, globalId, "Lease");
  const row = await tx.lease.findFirst({ where: { id, AND: [leaseMutationScope(ctx.viewer)] }, include });
  if (!row) refuse(p, field, "lease", "CHANGE");
  return row as Prisma.LeaseGetPayload<{ include: I }>;
}

export async function rentInformationRequestToChange(tx: Tx, ctx: Context, p: Problems, field: string, globalId: string | number) {
  const id = decode(p, field, globalId, "RentInformationRequest");
  const row = await tx.rentInformationRequest.findFirst({ where: { id, lease: leaseMutationScope(ctx.viewer) }, include: { lease: true } });
  if (!row) refuse(p, field, "request for information", "CHANGE");
  return row;
}

export async function rehousingCaseToChange<I extends Prisma.RehousingCaseInclude>(
  tx: Tx,
  ctx: Context,
  p: Problems,
  field: string,
  globalId: string | number,
  include: I,
) {
  const id = decode(p, field, globalId, "RehousingCase");
  const row = await tx.rehousingCase.findFirst({ where: { id, lease: leaseMutationScope(ctx.viewer) }, include });
  if (!row) refuse(p, field, "rehousing case", "CHANGE");
  return row as Prisma.RehousingCaseGetPayload<{ include: I }>;
}

/** A rehousing offer the caller (the tenant's landlord) records the answer to. */
export async function rehousingOfferToAnswer(tx: Tx, ctx: Context, p: Problems, field: string, globalId: string | number) {
  const id = decode(p, field, globalId, "RehousingOffer");
  const row = await tx.rehousingOffer.findFirst({ where: { id, case: { lease: leaseMutationScope(ctx.viewer) } } });
  if (!row) refuse(p, field, "rehousing offer", "CHANGE");
  return row;
}

/**
 * A dwelling offered in a rehousing case (art. 67): of the lease's landlord's stock, or — for an
 * OTHER_LANDLORD_STOCK case (bill art. 67 §4) — of another social landlord's, as a proposal that
 * landlord consents to. For another landlord's dwelling nothing is read but its landlord: its status
 * and typology are checked when its landlord consents, so that the offer reveals nothing.
 */
export async function dwellingToOffer(tx: Tx, p: Problems, field: string, globalId: string | number, c: { reason: string; lease: { landlordId: string } }) {
  const id = decode(p, field, globalId, "Dwelling");
  const other = c.reason === "OTHER_LANDLORD_STOCK";
  const row = await tx.dwelling.findFirst({
    where: { id, ...(other ? { landlordId: { not: c.lease.landlordId }, landlord: { isSocialLandlord: true } } : { landlordId: c.lease.landlordId }) },
  });
  if (!row) refuse(p, field, other ? "dwelling of another social landlord" : "dwelling of the lease's landlord", "OFFER_REHOUSING");
  return { dwelling: row, other };
}

/** A rehousing offer of a dwelling of the caller's stock, in another landlord's case, waiting for the caller's consent. */
export async function rehousingOfferToConsent(tx: Tx, ctx: Context, p: Problems, field: string, globalId: string | number) {
  const id = decode(p, field, globalId, "RehousingOffer");
  const row = await tx.rehousingOffer.findFirst({
    where: { id, consent: { not: "NOT_NEEDED" }, dwelling: dwellingMutationScope(ctx.viewer) },
    include: { dwelling: true, case: { include: { lease: { include: { household: { include: { members: true } } } } } } },
  });
  if (!row) refuse(p, field, "rehousing offer of your stock", "DECIDE_REHOUSING_CONSENT");
  return row;
}

/** A transfer proposal addressed to the caller (its receiving landlord); a ministry administrator decides any. */
export async function transferToDecide(tx: Tx, ctx: Context, p: Problems, field: string, globalId: string | number) {
  const id = decode(p, field, globalId, "DwellingTransfer");
  const scope = isMinistryAdmin(ctx.viewer) ? {} : isLandlord(ctx.viewer) ? { toLandlordId: organisationOf(ctx.viewer) } : { id: { in: [] as string[] } };
  const row = await tx.dwellingTransfer.findFirst({ where: { id, ...scope } });
  if (!row) refuse(p, field, "transfer proposal addressed to you", "DECIDE_TRANSFER");
  return row;
}

/**
 * The landlord a dwelling is proposed to: any social landlord other than the dwelling's. Organisations
 * are public; nothing about the receiving landlord's stock is read here (its references are checked
 * when it accepts, in its own stock), so the proposer learns nothing of it.
 */
export async function landlordToReceive(tx: Tx, p: Problems, field: string, globalId: string | number, currentLandlordId: string) {
  const id = decode(p, field, globalId, "Organisation");
  const row = await tx.organisation.findUnique({ where: { id } });
  if (!row?.isSocialLandlord) {
    p.add(field, "RULE_VIOLATION", `${field}: not a social landlord (bailleur social)`, "law art. 38");
    fail(p);
  }
  if (row.id === currentLandlordId) {
    p.add(field, "INVALID_VALUE", "This landlord already holds the dwelling");
    fail(p);
  }
  return row;
}

// ───────────── allocation ─────────────

/**
 * A candidate of an allocation file's shortlist (the file itself already resolved in the caller's
 * scope): the candidate's application on it. The register is open, pseudonymised, to every landlord,
 * but a file's steps (a proposal, a commission's deliberation) name only candidates of its shortlist;
 * any other candidate — in another landlord's files, in none, or no candidate at all — gets the
 * uniform refusal.
 */
export async function candidateOfShortlist(
  tx: Tx,
  p: Problems,
  field: string,
  globalId: string | number,
  file: { id: string },
  purpose: Purpose,
): Promise<{ applicationId: string }> {
  const id = decode(p, field, globalId, "Candidate");
  const entry = await tx.allocationFileCandidate.findFirst({
    where: { allocationFileId: file.id, application: { candidateId: id } },
    select: { applicationId: true },
    orderBy: { applicationId: "asc" },
  });
  if (!entry) refuse(p, field, "candidate on this file's shortlist", purpose);
  return entry;
}

// ───────────── signing a lease (finding 2) ─────────────

const HOUSEHOLD_FOR_LEASE = { members: true, candidate: true } as const;
export type HouseholdForLease = Prisma.HouseholdGetPayload<{ include: typeof HOUSEHOLD_FOR_LEASE }>;

/** How the household reached the dwelling: the landlord's own accepted allocation offer, or its own rehousing case. */
export type LeaseOrigin =
  | { kind: "ALLOCATION"; fileId: string; fileStatus: string; applicationId: string; offerId: string; sittingTenant: boolean }
  | { kind: "REHOUSING"; caseId: string; offerId: string; previousLeaseId: string };

/**
 * The household a lease may be signed with on this dwelling (or unit), and how it got there:
 * - an allocation offer ACCEPTED by one of the household's applications, in an open allocation file
 *   of the dwelling's landlord for this very vacancy (the dwelling, or the unit); or
 * - a rehousing offer of this dwelling ACCEPTED in a case of a lease of the dwelling's landlord,
 *   whose household it is (art. 67: the landlord rehouses its own tenant).
 * Anything else — a household of the register the landlord merely knows the ID of — is refused
 * with the uniform refusal on householdId (issue 12 finding 2).
 */
export async function householdToSign(
  tx: Tx,
  p: Problems,
  field: string,
  globalId: string | number,
  vacancy: { dwellingId: string; landlordId: string; unitId: string | null },
) {
  const id = decode(p, field, globalId, "Household");
  const household = await tx.household.findUnique({ where: { id }, include: HOUSEHOLD_FOR_LEASE });
  if (household) {
    const offer = await tx.allocationOffer.findFirst({
      where: {
        outcome: "ACCEPTED",
        application: { candidateId: household.candidateId },
        allocationFile: {
          landlordId: vacancy.landlordId,
          dwellingId: vacancy.dwellingId,
          accommodationUnitId: vacancy.unitId,
          status: { notIn: ["LEASE_SIGNED", "CLOSED", "REFUSED"] },
        },
      },
      include: { allocationFile: true, application: true },
      orderBy: [{ respondedOn: "desc" }, { id: "asc" }],
    });
    if (offer) {
      const origin: LeaseOrigin = {
        kind: "ALLOCATION",
        fileId: offer.allocationFileId,
        fileStatus: offer.allocationFile.status,
        applicationId: offer.applicationId,
        offerId: offer.id,
        sittingTenant: offer.application.isSittingTenantToRehouse,
      };
      return { household, origin };
    }
    if (!vacancy.unitId) {
      const rehousing = await tx.rehousingOffer.findFirst({
        where: {
          outcome: "ACCEPTED",
          consent: { in: ["NOT_NEEDED", "GIVEN"] },
          dwellingId: vacancy.dwellingId,
          case: { lease: { householdId: household.id, landlordId: vacancy.landlordId, status: "ACTIVE" } },
        },
        include: { case: { include: { lease: true } } },
      });
      if (rehousing)
        return {
          household,
          origin: { kind: "REHOUSING", caseId: rehousing.caseId, offerId: rehousing.id, previousLeaseId: rehousing.case.leaseId } as LeaseOrigin,
        };
    }
    // A rehousing in another landlord's stock: the receiving landlord signs with the tenant of the case that offered its dwelling, once it consented.
    if (!vacancy.unitId) {
      const received = await tx.rehousingOffer.findFirst({
        where: {
          outcome: "ACCEPTED",
          consent: "GIVEN",
          dwellingId: vacancy.dwellingId,
          dwelling: { landlordId: vacancy.landlordId },
          case: { lease: { householdId: household.id, status: "ACTIVE" } },
        },
        include: { case: { include: { lease: true } } },
      });
      if (received)
        return {
          household,
          origin: { kind: "REHOUSING", caseId: received.caseId, offerId: received.id, previousLeaseId: received.case.leaseId } as LeaseOrigin,
        };
    }
  }
  return refuse(p, field, "household reached through your accepted offer or rehousing case for this vacancy", "SIGN_LEASE");
}

/** An allocation file of the caller's in which a lease may be signed (the household comes from its selected application). */
export async function allocationFileToSign(tx: Tx, ctx: Context, p: Problems, field: string, globalId: string | number) {
  const id = decode(p, field, globalId, "AllocationFile");
  const row = await tx.allocationFile.findFirst({ where: { id, ...actingLandlord(ctx.viewer) } });
  if (!row) refuse(p, field, "allocation file", "SIGN_LEASE");
  return row;
}

export async function householdOfApplication(tx: Tx, applicationId: string) {
  const a = await tx.application.findUnique({
    where: { id: applicationId },
    include: { candidate: { include: { household: { include: HOUSEHOLD_FOR_LEASE } } } },
  });
  return a ? { application: a, household: a.candidate.household } : null;
}

// ───────────── allocation, registry, compensation (one policy, one file per capability) ─────────────

export * from "./policy/allocation.js";
export * from "./policy/registry.js";
export * from "./policy/compensation.js";
