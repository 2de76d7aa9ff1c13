/**
 * The reference policy for allocation (law art. 53-57; RGD 13 Oct 2023; Esch ROI): which
 * allocation file, offer, methodology version, commission, meeting or commission member a mutation
 * may name. Part of the one policy module (access/policy.ts re-exports it); the allocation
 * mutations call these functions and never look a named row up themselves.
 *
 * A landlord acts on its own files, commissions and methodology; a ministry administrator on any.
 * A refusal is NOT_FOUND on the field, worded the same whether the row is missing or another
 * organisation's (issue 12, finding 5).
 */
import type { Prisma } from "../../generated/prisma/client.js";
import type { Context } from "../../schema/context.js";
import { Problems } from "../../schema/user-errors.js";
import { checkId } from "../../schema/validate.js";
import { decode, fail, refuseWith, type Tx } from "./core.js";
import { isMinistry, isMinistryAdmin, organisationOf, type Viewer } from "../../identity/viewer.js";
import { registerCandidateWhere } from "../../privacy/relationship.js";

type Reader = Pick<Context["prisma"], "allocationFile">;

function decoded(field: string, globalId: string | number, type: string): string {
  return decode(new Problems(), field, globalId, type);
}

/** The landlord a caller acts for: its own organisation; a ministry administrator acts for any (no condition). */
export function actingLandlord(v: Viewer): { landlordId?: string } {
  return isMinistryAdmin(v) ? {} : { landlordId: organisationOf(v) };
}

/**
 * The landlord an allocation act is for (a commission, a methodology version): the caller's own
 * organisation; a ministry administrator must name one, and only a ministry administrator may.
 * Records the problem on `p` and returns the caller's organisation meanwhile.
 */
export function namedLandlord(v: Viewer, p: Problems, field: string, globalId: string | number | null | undefined): string {
  if (globalId != null) {
    if (!isMinistryAdmin(v)) p.add(field, "FORBIDDEN", "Only a ministry administrator names the landlord; a landlord acts for itself");
    else return checkId(p, field, globalId, "Organisation") ?? organisationOf(v);
  } else if (isMinistryAdmin(v)) p.add(field, "REQUIRED", "A ministry administrator must name the landlord");
  return organisationOf(v);
}

// ───────────── allocation files ─────────────

const FILE_FOR_CHANGE = {
  dwelling: true,
  accommodationUnit: true,
  candidates: { select: { applicationId: true, rank: true, scoreBreakdown: true } },
  events: { orderBy: { id: "asc" }, select: { fromStatus: true, toStatus: true, occurredOn: true, reason: true } },
  offers: { orderBy: [{ offeredOn: "asc" }, { id: "asc" }] },
} satisfies Prisma.AllocationFileInclude;

/**
 * An allocation file of the caller's, locked for the rest of the transaction (concurrent steps of
 * one file run one after the other), with what the state machine needs. `id` is a global ID, or a
 * row ID already resolved through this module (an offer's file).
 */
export async function allocationFileToChange(tx: Tx, ctx: Context, field: string, id: { globalId: string | number } | { resolved: string }) {
  const rowId = "resolved" in id ? id.resolved : decoded(field, id.globalId, "AllocationFile");
  const locked = await tx.allocationFile.updateMany({ where: { id: rowId, ...actingLandlord(ctx.viewer) }, data: { updatedAt: new Date() } });
  if (locked.count === 0) refuseWith(field, `${field}: no allocation file with this ID among yours`);
  return tx.allocationFile.findUniqueOrThrow({ where: { id: rowId }, include: FILE_FOR_CHANGE });
}
export type FileForChange = Awaited<ReturnType<typeof allocationFileToChange>>;

/** A file of the caller's to rank (read outside the write transaction; the write re-checks it under lock). Records the refusal on `p`. */
export async function allocationFileToRank(db: Reader, ctx: Context, p: Problems, field: string, id: string) {
  const f = await db.allocationFile.findFirst({ where: { id, ...actingLandlord(ctx.viewer) }, include: { dwelling: true, accommodationUnit: true } });
  if (!f) p.add(field, "NOT_FOUND", `${field}: no allocation file with this ID among yours`);
  return f;
}

/** A file whose shortlist the caller may verify: its own, or any for the ministry (administrators and analysts audit decisions). */
export async function allocationFileToVerify(db: Reader, ctx: Context, p: Problems, field: string, id: string) {
  const scope = isMinistry(ctx.viewer) ? {} : actingLandlord(ctx.viewer);
  const f = await db.allocationFile.findFirst({
    where: { id, ...scope },
    select: { id: true, decisionRecord: true, decisionHash: true, candidates: { select: { applicationId: true, rank: true } } },
  });
  if (!f) p.add(field, "NOT_FOUND", `${field}: no allocation file with this ID among yours`);
  return f;
}

/** An offer made in one of the caller's files; its file is then locked through allocationFileToChange. */
export async function allocationOfferToAnswer(tx: Tx, ctx: Context, field: string, globalId: string | number) {
  const id = decoded(field, globalId, "AllocationOffer");
  const offer = await tx.allocationOffer.findFirst({ where: { id, allocationFile: actingLandlord(ctx.viewer) } });
  if (!offer) refuseWith(field, `${field}: no offer with this ID in your files`);
  return offer;
}

/**
 * The vacancy a new file is opened for: a dwelling, or an accommodation unit and its dwelling, of
 * the caller's stock, row-locked (two staff opening the same vacancy at once → one file).
 */
export async function vacancyToOpen(tx: Tx, ctx: Context, ref: { dwellingId: string | null; unitId: string | null }) {
  const scope = actingLandlord(ctx.viewer);
  if (ref.unitId) {
    const locked = await tx.accommodationUnit.updateMany({ where: { id: ref.unitId, dwelling: scope }, data: { updatedAt: new Date() } });
    if (locked.count === 0) refuseWith("accommodationUnitId", "accommodationUnitId: no accommodation unit with this ID in your stock");
    const unit = await tx.accommodationUnit.findUniqueOrThrow({ where: { id: ref.unitId } });
    const dwelling = await tx.dwelling.findUniqueOrThrow({ where: { id: unit.dwellingId } });
    return { dwelling, unit };
  }
  const locked = await tx.dwelling.updateMany({ where: { id: ref.dwellingId!, ...scope }, data: { updatedAt: new Date() } });
  if (locked.count === 0) refuseWith("dwellingId", "dwellingId: no dwelling with this ID in your stock");
  return { dwelling: await tx.dwelling.findUniqueOrThrow({ where: { id: ref.dwellingId! } }), unit: null };
}

// ───────────── methodology (art. 57 §1; RGD art. 3) ─────────────

/**
 * The social landlord whose methodology a new version is: the caller itself, or the one a ministry
 * administrator names. Its row is locked, so that two versions recorded at once get consecutive numbers.
 */
export async function landlordOfMethodology(tx: Tx, field: string, landlordId: string) {
  const locked = await tx.organisation.updateMany({ where: { id: landlordId, isSocialLandlord: true }, data: { updatedAt: new Date() } });
  if (locked.count === 0) refuseWith(field, "No social landlord with this ID (a methodology is a social landlord's, RGD 13 Oct 2023 art. 3)");
  return tx.organisation.findUniqueOrThrow({ where: { id: landlordId }, select: { id: true, name: true } });
}

/** A methodology version to approve (ministry administrators only, checked by the mutation's scope); its landlord's row is locked so approvals are serialised. */
export async function methodologyToApprove(tx: Tx, field: string, id: string) {
  const row = await tx.allocationMethodology.findUnique({ where: { id }, select: { landlordId: true } });
  if (!row) refuseWith(field, `${field}: no allocation methodology with this ID`);
  await tx.organisation.updateMany({ where: { id: row.landlordId }, data: { updatedAt: new Date() } });
  return tx.allocationMethodology.findUniqueOrThrow({ where: { id } });
}

// ───────────── the advisory commission (RGD art. 1-2; Esch ROI) ─────────────

/** A commission of the caller's (or any, for a ministry administrator), with its members. */
export async function commissionToChange(tx: Tx, ctx: Context, field: string, globalId: string | number) {
  const id = decoded(field, globalId, "Commission");
  const c = await tx.commission.findFirst({ where: { id, ...actingLandlord(ctx.viewer) }, include: { members: true } });
  if (!c) refuseWith(field, `${field}: no commission with this ID among yours`);
  return c;
}

/** A meeting of one of the caller's commissions, with the commission's members, the attendance and the deliberations. */
export async function meetingToChange(tx: Tx, ctx: Context, field: string, globalId: string | number) {
  const id = decoded(field, globalId, "CommissionMeeting");
  const m = await tx.commissionMeeting.findFirst({
    where: { id, commission: actingLandlord(ctx.viewer) },
    include: { commission: { include: { members: true } }, attendances: true, deliberations: true },
  });
  if (!m) refuseWith(field, `${field}: no meeting with this ID among your commissions`);
  return m;
}

/**
 * Members named in a deliberation (attendance, votes) or as the member an alternate replaces: each
 * must be a member of `commission`, which was resolved above in the caller's scope. A member of
 * another commission — the caller's own or anyone's — is refused on its field.
 */
export function membersOfCommission(
  p: Problems,
  commission: { members: { id: string }[] },
  refs: { field: string; globalId: string | number | null | undefined }[],
): (string | null)[] {
  const members = new Set(commission.members.map((m) => m.id));
  return refs.map(({ field, globalId }) => {
    if (globalId == null) return null;
    const id = checkId(p, field, globalId, "CommissionMember");
    if (id && !members.has(id)) p.add(field, "NOT_FOUND", `${field}: no member of this commission with this ID`);
    return id ?? null;
  });
}

/** An allocation file of the meeting's landlord (a commission deliberates only on its landlord's files). Records the refusal on `p`. */
export async function fileOfCommission(tx: Tx, p: Problems, field: string, id: string | undefined, landlordId: string) {
  if (!id) return null;
  const file = await tx.allocationFile.findFirst({ where: { id, landlordId }, select: { id: true } });
  if (!file) p.add(field, "NOT_FOUND", `${field}: no allocation file of this commission's landlord with this ID`);
  return file;
}

/**
 * The candidate a landlord chooses freely (art. 53 al. 3, art. 54): a candidate of the register as
 * the file's landlord sees it (not the tenants another landlord imported, which are not on the
 * register), with its oldest active application. A candidate not on that register is refused like
 * an absent one; one without an active application is a rule violation (art. 53: only
 * candidates-locataires of the register are chosen).
 */
export async function candidateForFreeChoice(tx: Tx, field: string, globalId: string | number, landlordId: string): Promise<{ applicationId: string }> {
  const id = decoded(field, globalId, "Candidate");
  const candidate = await tx.candidate.findFirst({ where: { id, AND: [registerCandidateWhere(landlordId)] }, select: { id: true } });
  if (!candidate) refuseWith(field, `${field}: no candidate with this ID on the register`);
  const app = await tx.application.findFirst({
    where: { candidateId: candidate.id, status: "ACTIVE" },
    orderBy: [{ registeredOn: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  if (!app) {
    const p = new Problems();
    p.add(field, "RULE_VIOLATION", "The candidate has no active application on the register", "law art. 53");
    fail(p);
  }
  return { applicationId: app.id };
}
