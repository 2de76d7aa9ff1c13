/**
 * Tenant isolation in the data access itself: every query for a tenant-owned model goes
 * through these `where` fragments, so that a landlord's key reaches only its own dwellings,
 * units, leases, conventions and allocation files, and a developer's only its projects and
 * conventions (and the dwellings it developed). Object types re-check ownership of every row
 * they return (runScopesOnType), so a missed filter fails closed instead of leaking.
 *
 * NO_ROWS is a condition no row satisfies: a role with no access gets empty pages, not errors.
 */
import { Prisma } from "../generated/prisma/client.js";
import { isDeveloper, isLandlord, isMinistry, organisationOf, type Viewer } from "../identity/viewer.js";
import { registerCandidateWhere, unmaskingEntryWhere } from "../privacy/relationship.js";

const NO_ROWS = { id: { in: [] as string[] } };

export function dwellingScope(v: Viewer): Prisma.DwellingWhereInput {
  if (isMinistry(v)) return {};
  if (isLandlord(v)) return { landlordId: organisationOf(v) };
  if (isDeveloper(v)) return { developerId: organisationOf(v) };
  return NO_ROWS;
}

/**
 * `dwellingScope` as a SQL condition on "Dwelling" (the `dwellings` fast path, issue 16), or null
 * where the scope is not a plain column condition (those roles keep the ORM path). Must select
 * exactly the rows `dwellingScope` does.
 */
export function dwellingScopeSql(v: Viewer, alias?: string): Prisma.Sql | null {
  const c = (column: string) => Prisma.raw(alias ? `${alias}."${column}"` : `"${column}"`);
  if (isMinistry(v)) return Prisma.sql`TRUE`;
  if (isLandlord(v)) return Prisma.sql`${c("landlordId")} = ${organisationOf(v)}::uuid`;
  if (isDeveloper(v)) return Prisma.sql`${c("developerId")} = ${organisationOf(v)}::uuid`;
  return null;
}

/** `dwellingStockCountScope` as a SQL condition on "DwellingStockCount" aliased `alias` (the `dwellings` json_agg page), or null as dwellingScopeSql. */
export function dwellingStockCountScopeSql(v: Viewer, alias: string): Prisma.Sql | null {
  if (isMinistry(v)) return Prisma.sql`TRUE`;
  if (isLandlord(v)) return Prisma.sql`${Prisma.raw(`${alias}."landlordId"`)} = ${organisationOf(v)}::uuid`;
  if (isDeveloper(v)) return Prisma.sql`${Prisma.raw(`${alias}."developerId"`)} = ${organisationOf(v)}::uuid`;
  return null;
}

/** `owns.convention` as a SQL condition on "Convention" aliased `alias`: whether the caller may see the convention (its party or the ministry). */
export function conventionOwnsSql(v: Viewer, alias: string): Prisma.Sql | null {
  if (isMinistry(v)) return Prisma.sql`TRUE`;
  if (isLandlord(v)) return Prisma.sql`${Prisma.raw(`${alias}."landlordId"`)} = ${organisationOf(v)}::uuid`;
  if (isDeveloper(v)) return Prisma.sql`${Prisma.raw(`${alias}."developerId"`)} = ${organisationOf(v)}::uuid`;
  return null;
}

/** The same scope over the maintained dwelling counts (DwellingStockCount): what `dwellings.totalCount` sums without a filter. */
export function dwellingStockCountScope(v: Viewer): Prisma.DwellingStockCountWhereInput {
  if (isMinistry(v)) return {};
  if (isLandlord(v)) return { landlordId: organisationOf(v) };
  if (isDeveloper(v)) return { developerId: organisationOf(v) };
  return { landlordId: { in: [] } };
}

export function accommodationUnitScope(v: Viewer): Prisma.AccommodationUnitWhereInput {
  if (isMinistry(v)) return {};
  if (isLandlord(v) || isDeveloper(v)) return { dwelling: dwellingScope(v) };
  return NO_ROWS;
}

export function conventionScope(v: Viewer): Prisma.ConventionWhereInput {
  if (isMinistry(v)) return {};
  if (isLandlord(v)) return { landlordId: organisationOf(v) };
  if (isDeveloper(v)) return { developerId: organisationOf(v) };
  return NO_ROWS;
}

export function projectScope(v: Viewer): Prisma.ProjectWhereInput {
  if (isMinistry(v)) return {};
  if (isDeveloper(v)) return { developerId: organisationOf(v) };
  if (isLandlord(v)) return { dwellings: { some: { landlordId: organisationOf(v) } } };
  return NO_ROWS;
}

export function leaseScope(v: Viewer): Prisma.LeaseWhereInput {
  if (isMinistry(v)) return {};
  if (isLandlord(v)) return { landlordId: organisationOf(v) };
  return NO_ROWS;
}

export function allocationFileScope(v: Viewer): Prisma.AllocationFileWhereInput {
  if (isMinistry(v)) return {};
  if (isLandlord(v)) return { landlordId: organisationOf(v) };
  return NO_ROWS;
}

/** The register (pseudonymised records) is open to the ministry and to landlords, which allocate from it; imported tenants only to the landlord of their lease. */
export function candidateScope(v: Viewer): Prisma.CandidateWhereInput {
  if (isMinistry(v)) return {};
  // A tenant another landlord imported is not on the register (privacy/personal-data.ts, registerCandidateWhere).
  if (isLandlord(v)) return registerCandidateWhere(organisationOf(v));
  return NO_ROWS;
}

/**
 * Households hold personal data: the ministry sees them; a landlord only those of its own tenants
 * (a lease with it) and of candidates on the shortlist of a real vacancy of its own within the
 * bound per vacancy (privacy/personal-data.ts, `unmaskingEntryWhere`) — not every file it opened.
 */
export function householdScope(v: Viewer): Prisma.HouseholdWhereInput {
  if (isMinistry(v)) return {};
  if (isLandlord(v)) {
    return {
      OR: [
        { leases: { some: { landlordId: organisationOf(v) } } },
        { candidate: { applications: { some: { allocationEntries: { some: unmaskingEntryWhere(organisationOf(v)) } } } } },
      ],
    };
  }
  return NO_ROWS;
}

/** Row-level re-checks used by object types (fail closed). */
export const owns = {
  dwelling: (v: Viewer, d: { landlordId: string; developerId: string }) =>
    isMinistry(v) || (isLandlord(v) && d.landlordId === organisationOf(v)) || (isDeveloper(v) && d.developerId === organisationOf(v)),
  convention: (v: Viewer, c: { landlordId: string | null; developerId: string | null }) =>
    isMinistry(v) || (isLandlord(v) && c.landlordId === organisationOf(v)) || (isDeveloper(v) && c.developerId === organisationOf(v)),
  lease: (v: Viewer, l: { landlordId: string }) => isMinistry(v) || (isLandlord(v) && l.landlordId === organisationOf(v)),
  allocationFile: (v: Viewer, f: { landlordId: string }) => isMinistry(v) || (isLandlord(v) && f.landlordId === organisationOf(v)),
  project: (v: Viewer, p: { developerId: string }) => isMinistry(v) || isLandlord(v) || (isDeveloper(v) && p.developerId === organisationOf(v)),
};
