/**
 * Statement inputs from stored data: turns the rows of one landlord (compensation convention) or
 * one developer convention into the pure engine's inputs (`LandlordStatementInput`,
 * `DeveloperStatementInput`). A fixed number of SQL statements whatever the stock size (one
 * findMany per table, with selects; never a query per dwelling). Money stays decimal: Prisma's
 * decimals are read through their exact `toFixed()` string and passed as monthly rents over their
 * periods; the engine prorates them (its one rule, `prorate`) and shows on each line the rents, days
 * and days of the month. See README.md in this folder.
 */
import {
  Dec,
  epochDay,
  isoFromEpochDay,
  isoOfDate,
  type DedicatedCategory,
  type DeveloperDwellingInput,
  type DeveloperKind,
  type DeveloperStatementInput,
  type LandlordDwellingInput,
  type LandlordKind,
  type LandlordObjectInput,
  type LandlordStatementInput,
  type LeaseInput,
  type MonthlyRentPeriodInput,
  type VacancyInput,
} from "@abordable/domain";
import type { Decimal } from "decimal.js";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import type { DedicatedSubCategory, DwellingStatus, OrganisationKind } from "../../generated/prisma/enums.js";
import { RENT_HISTORY_ORDER, rentPeriods, type RentRevisionRow } from "../../tenancy/adapters/rent-history.js";

/** The Prisma client or a transaction client: loads run in either. */
export type Db = PrismaClient | Prisma.TransactionClient;

type DecimalColumn = { toFixed(): string } | null;

// ───────────── day arithmetic (epoch days, half-open ranges, as in the engine) ─────────────

interface Range {
  from: number;
  to: number;
}
// The domain's calendar: epoch days of a row's UTC date and of an ISO date, and back.
const dayOf = (d: Date): number => epochDay(isoOfDate(d));
const dayOfIso = epochDay;
const isoOfDay = isoFromEpochDay;
export const isoDate = isoOfDate;

function merge(ranges: Range[]): Range[] {
  const sorted = ranges.filter((r) => r.to > r.from).sort((a, b) => a.from - b.from);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else out.push({ ...r });
  }
  return out;
}

/** `window` minus the merged `covered` ranges. */
function subtract(window: Range, covered: Range[]): Range[] {
  const out: Range[] = [];
  let cursor = window.from;
  for (const c of covered) {
    if (c.to <= cursor) continue;
    if (c.from >= window.to) break;
    if (c.from > cursor) out.push({ from: cursor, to: Math.min(c.from, window.to) });
    cursor = Math.max(cursor, c.to);
    if (cursor >= window.to) break;
  }
  if (cursor < window.to) out.push({ from: cursor, to: window.to });
  return out;
}

const money = (v: DecimalColumn): Decimal | null => (v === null ? null : new Dec(v.toFixed()));

/** A decimal column as the engine's exact decimal string; null and zero amounts are left out. */
const amountOf = (v: DecimalColumn): string | null => {
  if (v === null) return null;
  const text = v.toFixed();
  return /^-?0(\.0*)?$/.test(text) ? null : text;
};

// ───────────── vocabulary mapping ─────────────

/** Prisma's sub-category to the engine's dedicated category (EMPLOYEES = employees of the developer or its principal). */
export function dedicatedCategoryOf(sub: DedicatedSubCategory | null): DedicatedCategory | null {
  if (sub === null) return null;
  return sub === "EMPLOYEES" ? "DEVELOPER_EMPLOYEES" : sub;
}

/** Art. 13 §2-3 exclusions depend on who the developer is. */
export function developerKindOf(kind: OrganisationKind): DeveloperKind {
  if (kind === "FONDS_DU_LOGEMENT") return "FONDS_DU_LOGEMENT";
  if (kind === "MUNICIPALITY") return "MUNICIPALITY";
  if (kind === "MUNICIPAL_SYNDICATE") return "SYNDICATE_OF_MUNICIPALITIES";
  return "OTHER";
}

/** Art. 40 §4 (Fonds du Logement) and bill art. 40 §5 (University of Luxembourg) depend on who the landlord is. */
export function landlordKindOf(org: { kind: OrganisationKind; isUniversityOfLuxembourg: boolean }): LandlordKind {
  if (org.kind === "FONDS_DU_LOGEMENT") return "FONDS_DU_LOGEMENT";
  if (org.isUniversityOfLuxembourg) return "UNIVERSITY_OF_LUXEMBOURG";
  return "OTHER";
}

/** No withdrawal date is stored: a WITHDRAWN dwelling is out of the stock for the whole statement (README, "what's left"). */
const inStock = (status: DwellingStatus): boolean => status !== "WITHDRAWN";

// ───────────── landlord ─────────────

export interface LandlordSubject {
  readonly landlord: { readonly id: string; readonly kind: OrganisationKind; readonly isUniversityOfLuxembourg: boolean };
  readonly convention: { readonly id: string; readonly signedOn: Date };
}

interface LeaseRow {
  id: string;
  dwellingId: string;
  accommodationUnitId: string | null;
  startsOn: Date;
  endsOn: Date | null;
  /** The rent set at the start of the lease; later rents are its dated revisions (art. 61-62). */
  monthlyRent: { toFixed(dp?: number): string };
  monthlyCharges: DecimalColumn;
  revisions: RentRevisionRow[];
}

/**
 * The landlord statement's input for `year`: every dwelling of the landlord under its compensation
 * convention. Four SQL statements (dwellings, units, leases, the leases' rent revisions), whatever
 * the number of dwellings and leases.
 *
 * - managed periods: from `managedSince` (open-ended), none for WITHDRAWN dwellings; the units of a
 *   shared dwelling are in the stock from the same day (each unit carries the flat under the bill);
 * - vacancies: managed days covered by no lease (a lease on the whole dwelling covers its units),
 *   reason RENOVATION while the dwelling is UNDER_RENOVATION, else OTHER;
 * - rent paid to the developer and ancillary rents: the monthly columns over the managed period;
 * - leases: each lease's rents in force month by month (the starting rent, then each dated
 *   `RentRevision` from its `effectiveFrom`, art. 61-62: `rentPeriods`), one engine lease per rent
 *   period with the lease's id and charges, over `[startsOn, endsOn)` ("rents received" = rents due
 *   under the leases; no payment ledger yet); vacancies read the whole lease.
 * The engine prorates them over the days of each month that are both in their period and managed.
 */
export async function loadLandlordStatementInput(db: Db, subject: LandlordSubject, year: number): Promise<LandlordStatementInput> {
  const windowRange: Range = { from: dayOfIso(`${year}-01-01`), to: dayOfIso(`${year + 1}-01-01`) };
  const where = { landlordId: subject.landlord.id, compensationConventionId: subject.convention.id };
  const yearStart = new Date(`${year}-01-01T00:00:00Z`);
  const yearEnd = new Date(`${year + 1}-01-01T00:00:00Z`);
  const [dwellings, units, leases] = await Promise.all([
    db.dwelling.findMany({
      where,
      select: { id: true, status: true, managedSince: true, dedicatedSubCategory: true, rentToDeveloperMonthly: true, ancillaryRentMonthly: true },
      orderBy: [{ reference: "asc" }, { id: "asc" }],
    }),
    db.accommodationUnit.findMany({ where: { dwelling: where }, select: { id: true, dwellingId: true }, orderBy: [{ reference: "asc" }, { id: "asc" }] }),
    db.lease.findMany({
      where: { landlordId: subject.landlord.id, dwelling: where, startsOn: { lt: yearEnd }, OR: [{ endsOn: null }, { endsOn: { gt: yearStart } }] },
      select: {
        id: true,
        dwellingId: true,
        accommodationUnitId: true,
        startsOn: true,
        endsOn: true,
        monthlyRent: true,
        monthlyCharges: true,
        // The rent history (art. 61-62), loaded by Prisma in one more statement for all the leases.
        revisions: { select: { effectiveFrom: true, monthlyRent: true, createdAt: true }, orderBy: RENT_HISTORY_ORDER },
      },
      orderBy: [{ startsOn: "asc" }, { id: "asc" }],
    }),
  ]);
  const unitsOf = groupBy(units, (u) => u.dwellingId);
  const leasesOf = groupBy(leases, (l) => l.dwellingId);

  const out: LandlordDwellingInput[] = dwellings.map((d) => {
    const managed: Range[] = d.managedSince && inStock(d.status) ? [{ from: dayOf(d.managedSince), to: Number.POSITIVE_INFINITY }] : [];
    const managedInYear = managed.map((r) => ({ from: Math.max(r.from, windowRange.from), to: Math.min(r.to, windowRange.to) })).filter((r) => r.to > r.from);
    const reason: VacancyInput["reason"] = d.status === "UNDER_RENOVATION" ? "RENOVATION" : "OTHER";
    const dwellingLeases = leasesOf.get(d.id) ?? [];
    const wholeLeases = dwellingLeases.filter((l) => l.accommodationUnitId === null);
    const dwellingUnits = unitsOf.get(d.id) ?? [];
    const managedPeriods = managed.map(toPeriod);
    // The monthly columns run over the managed period (the engine counts only managed days anyway).
    const overManaged = (monthlyRent: string | null): MonthlyRentPeriodInput[] =>
      monthlyRent === null ? [] : managedPeriods.map((p) => ({ ...p, monthlyRent }));
    const rents = { rentsPaidToDeveloper: overManaged(amountOf(d.rentToDeveloperMonthly)), ancillaryAreaRents: overManaged(amountOf(d.ancillaryRentMonthly)) };

    if (dwellingUnits.length === 0) {
      return {
        id: d.id,
        dedicatedTo: dedicatedCategoryOf(d.dedicatedSubCategory),
        managedPeriods,
        vacancies: vacanciesOf(managedInYear, dwellingLeases, reason),
        ...rents,
        leases: dwellingLeases.flatMap(leaseInputs),
      };
    }
    // A shared dwelling: the units carry the management periods (the engine counts the dwelling's
    // flat over their union under the law, one flat per unit under the bill); the dwelling object
    // carries the rent paid to the developer, the ancillary rents and any whole-dwelling lease.
    const accommodationUnits: LandlordObjectInput[] = dwellingUnits.map((u) => {
      const unitLeases = dwellingLeases.filter((l) => l.accommodationUnitId === u.id);
      return {
        id: u.id,
        managedPeriods,
        vacancies: vacanciesOf(managedInYear, [...unitLeases, ...wholeLeases], reason),
        leases: unitLeases.flatMap(leaseInputs),
      };
    });
    return {
      id: d.id,
      dedicatedTo: dedicatedCategoryOf(d.dedicatedSubCategory),
      managedPeriods: [],
      ...rents,
      leases: wholeLeases.flatMap(leaseInputs),
      accommodationUnits,
    };
  });

  return {
    landlord: { id: subject.landlord.id, kind: landlordKindOf(subject.landlord) },
    conventionSignedOn: isoDate(subject.convention.signedOn),
    year,
    dwellings: out,
  };
}

const toPeriod = (r: Range) => ({ from: isoOfDay(r.from), to: Number.isFinite(r.to) ? isoOfDay(r.to) : null });

function leaseRange(l: LeaseRow): Range {
  return { from: dayOf(l.startsOn), to: l.endsOn ? dayOf(l.endsOn) : Number.POSITIVE_INFINITY };
}

function vacanciesOf(managedInYear: Range[], leases: LeaseRow[], reason: VacancyInput["reason"]): VacancyInput[] {
  if (managedInYear.length === 0) return [];
  const covered = merge(leases.map(leaseRange));
  return managedInYear.flatMap((m) => subtract(m, covered)).map((r) => ({ ...toPeriod(r), reason }));
}

/**
 * A lease as the engine reads it: one input per rent period (`rentPeriods`: the starting rent, then
 * each revision from its `effectiveFrom`, half-open and within `[startsOn, endsOn)`), each cited by
 * the lease's id with the lease's monthly charges. Consecutive periods tile the lease, so a month
 * where the rent changes shows both rents with their days.
 */
function leaseInputs(l: LeaseRow): LeaseInput[] {
  const charges = amountOf(l.monthlyCharges);
  return rentPeriods(l, l.revisions).map((p) => ({
    id: l.id,
    from: p.from,
    to: p.to,
    monthlyRent: p.monthlyRent,
    ...(charges !== null && { monthlyCharges: charges }),
  }));
}

// ───────────── developer ─────────────

export interface DeveloperSubject {
  readonly convention: {
    readonly id: string;
    readonly signedOn: Date;
    readonly bankLoanPrefinancing: boolean;
    readonly fondsIndemnityRequested: boolean;
  };
  readonly developer: { readonly id: string; readonly kind: OrganisationKind };
}

/** One or two engine inputs: the Fonds du Logement's indemnity (bill art. 13 §3bis) only for the dwellings another landlord manages. */
export interface DeveloperInputs {
  readonly parts: readonly DeveloperStatementInput[];
  /** All dwelling ids in statement order. */
  readonly dwellingOrder: readonly string[];
}

/**
 * The developer statement's input for a financial-participation convention and `year`: its
 * financed dwellings (two SQL statements: dwellings, units).
 *
 * - let periods: from the dwelling's `firstLettingOn` (given in letting to the landlord), open-ended,
 *   none for WITHDRAWN dwellings; accommodation units from their own `firstLettingOn`;
 * - capital: land and construction (capital invested, own contribution) when both columns are set;
 * - prefinancing from the convention; emphyteusis fees received; useful area for the indemnity;
 * - developer kind from the organisation's legal form.
 */
export async function loadDeveloperStatementInput(db: Db, subject: DeveloperSubject, year: number): Promise<DeveloperInputs> {
  const [dwellings, units] = await Promise.all([
    db.dwelling.findMany({
      where: { financingConventionId: subject.convention.id },
      select: {
        id: true,
        landlordId: true,
        status: true,
        firstLettingOn: true,
        dedicatedSubCategory: true,
        usefulArea: true,
        landCapitalInvested: true,
        landOwnContribution: true,
        constructionCapitalInvested: true,
        constructionOwnContribution: true,
        emphyteusisFeesPerYear: true,
      },
      orderBy: [{ reference: "asc" }, { id: "asc" }],
    }),
    db.accommodationUnit.findMany({
      where: { dwelling: { financingConventionId: subject.convention.id } },
      select: { id: true, dwellingId: true, firstLettingOn: true },
      orderBy: [{ reference: "asc" }, { id: "asc" }],
    }),
  ]);
  const unitsOf = groupBy(units, (u) => u.dwellingId);
  const kind = developerKindOf(subject.developer.kind);
  const toInput = (d: (typeof dwellings)[number]): DeveloperDwellingInput => {
    const stock = inStock(d.status);
    const dwellingUnits = unitsOf.get(d.id) ?? [];
    const fees = money(d.emphyteusisFeesPerYear);
    return {
      id: d.id,
      dedicatedTo: dedicatedCategoryOf(d.dedicatedSubCategory),
      letPeriods: stock && d.firstLettingOn ? [{ from: isoDate(d.firstLettingOn), to: null }] : [],
      ...(dwellingUnits.length > 0 && {
        accommodationUnits: dwellingUnits.map((u) => ({
          id: u.id,
          letPeriods: stock && u.firstLettingOn ? [{ from: isoDate(u.firstLettingOn), to: null }] : [],
        })),
      }),
      usefulLivingAreaM2: new Dec(d.usefulArea.toFixed()),
      ...(d.landCapitalInvested !== null &&
        d.landOwnContribution !== null && { land: { capitalInvested: d.landCapitalInvested.toFixed(), ownContribution: d.landOwnContribution.toFixed() } }),
      ...(d.constructionCapitalInvested !== null &&
        d.constructionOwnContribution !== null && {
          construction: { capitalInvested: d.constructionCapitalInvested.toFixed(), ownContribution: d.constructionOwnContribution.toFixed() },
        }),
      bankLoanPrefinancing: subject.convention.bankLoanPrefinancing,
      ...(fees && !fees.isZero() && { emphyteusisFeesReceivedPerYear: fees }),
    };
  };
  const base = {
    conventionId: subject.convention.id,
    developer: { id: subject.developer.id, kind },
    conventionSignedOn: isoDate(subject.convention.signedOn),
    year,
  };
  const dwellingOrder = dwellings.map((d) => d.id);
  if (kind === "FONDS_DU_LOGEMENT" && subject.convention.fondsIndemnityRequested) {
    const others = dwellings.filter((d) => d.landlordId !== subject.developer.id);
    const own = dwellings.filter((d) => d.landlordId === subject.developer.id);
    const parts: DeveloperStatementInput[] = [];
    if (others.length > 0)
      parts.push({ ...base, fondsDuLogementIndemnity: { requested: true, managedByAnotherLandlord: true }, dwellings: others.map(toInput) });
    if (own.length > 0 || parts.length === 0)
      parts.push({ ...base, fondsDuLogementIndemnity: { requested: true, managedByAnotherLandlord: false }, dwellings: own.map(toInput) });
    return { parts, dwellingOrder };
  }
  return { parts: [{ ...base, dwellings: dwellings.map(toInput) }], dwellingOrder };
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}
