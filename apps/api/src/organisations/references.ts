/**
 * The one place the write paths of issue 13 (organisations, conventions, register, portfolio
 * facts, imports) check an ID named in an input against the caller's scope. It goes through the
 * tenant fragments of access/tenant.ts (the access policy); when access/policy.ts lands, these
 * functions are the only ones to switch. A row outside the caller's scope is reported exactly as a
 * row that does not exist (NOT_FOUND), so that its existence does not leak.
 */
import type { Prisma } from "../generated/prisma/client.js";
import { conventionScope, dwellingScope, candidateScope, accommodationUnitScope } from "../access/tenant.js";
import { isMinistryAdmin, organisationOf, type Viewer } from "../access/viewer.js";
import type { Problems } from "../schema/user-errors.js";

type Tx = Prisma.TransactionClient;

/** An organisation the caller may act on: any for a ministry administrator, its own otherwise. */
export async function organisationInScope(tx: Tx, v: Viewer, p: Problems, field: string, id: string | undefined) {
  if (!id) return null;
  if (!isMinistryAdmin(v) && id !== organisationOf(v)) {
    p.add(field, "NOT_FOUND", `${field}: no organisation with this ID that you may act for`);
    return null;
  }
  const row = await tx.organisation.findUnique({ where: { id } });
  if (!row) p.add(field, "NOT_FOUND", `${field}: no such organisation`);
  return row;
}

/** A dwelling the caller may change: its landlord's, or any for a ministry administrator. */
export async function dwellingInScope(tx: Tx, v: Viewer, p: Problems, field: string, id: string | undefined) {
  if (!id) return null;
  const own = isMinistryAdmin(v) ? {} : { landlordId: organisationOf(v) };
  const row = await tx.dwelling.findFirst({ where: { id, AND: [own, dwellingScope(v)] } });
  if (!row) p.add(field, "NOT_FOUND", `${field}: no dwelling with this ID in your stock`);
  return row;
}

export async function unitInScope(tx: Tx, v: Viewer, p: Problems, field: string, id: string | undefined) {
  if (!id) return null;
  const own = isMinistryAdmin(v) ? {} : { dwelling: { landlordId: organisationOf(v) } };
  const row = await tx.accommodationUnit.findFirst({ where: { id, AND: [own, accommodationUnitScope(v)] }, include: { dwelling: true } });
  if (!row) p.add(field, "NOT_FOUND", `${field}: no accommodation unit with this ID in your stock`);
  return row;
}

/** Conventions are the ministry's to create and amend: a ministry administrator reaches every one. */
export async function conventionInScope(tx: Tx, v: Viewer, p: Problems, field: string, id: string | undefined) {
  if (!id) return null;
  const row = isMinistryAdmin(v) ? await tx.convention.findFirst({ where: { id, AND: [conventionScope(v)] } }) : null;
  if (!row) p.add(field, "NOT_FOUND", `${field}: no convention with this ID that you may amend`);
  return row;
}

/** The register is kept by the ministry's administrators (register administrators). */
export async function candidateInScope(tx: Tx, v: Viewer, p: Problems, field: string, id: string | undefined) {
  if (!id) return null;
  const row = isMinistryAdmin(v) ? await tx.candidate.findFirst({ where: { id, AND: [candidateScope(v)] }, include: { household: { include: { members: true } }, applications: true } }) : null;
  if (!row) p.add(field, "NOT_FOUND", `${field}: no candidate with this ID on the register you administer`);
  return row;
}
