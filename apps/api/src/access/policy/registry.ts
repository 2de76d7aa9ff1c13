/**
 * The reference policy for the registry write paths (organisations, conventions, the register,
 * portfolio facts, imports): which organisation, dwelling, unit, convention or candidate a
 * mutation may name. Part of the one policy module (access/policy.ts re-exports it), built on the
 * read scopes of access/tenant.ts. A row outside the caller's scope is reported exactly as a row
 * that does not exist (NOT_FOUND), so that its existence does not leak.
 */
import type { Tx } from "./core.js";
import { conventionScope, dwellingScope, candidateScope, accommodationUnitScope } from "../tenant.js";
import { isMinistryAdmin, organisationOf, type Viewer } from "../../identity/viewer.js";
import type { Problems } from "../../schema/user-errors.js";

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
  const row = isMinistryAdmin(v)
    ? await tx.candidate.findFirst({ where: { id, AND: [candidateScope(v)] }, include: { household: { include: { members: true } }, applications: true } })
    : null;
  if (!row) p.add(field, "NOT_FOUND", `${field}: no candidate with this ID on the register you administer`);
  return row;
}

/** A project of `developerId` a new financing convention is for (conventions are created by ministry administrators, who reach every project). */
export async function projectOfDeveloper(tx: Tx, p: Problems, field: string, id: string | undefined, developerId: string) {
  if (!id) return null;
  const row = await tx.project.findFirst({ where: { id, developerId } });
  if (!row) p.add(field, "NOT_FOUND", `${field}: no project of this developer with this ID`);
  return row;
}
