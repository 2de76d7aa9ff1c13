/**
 * From validated rows to the records to create: every row checked with the mutations' rules
 * (law art. 12 categories, art. 16 developers, art. 40 conventions, bill art. 13 §2 al. 2 units
 * of shared dwellings, one lease at a time per dwelling or unit), IDs generated here so that the
 * whole portfolio is written with a few multi-row INSERTs. A row that depends on a bad row
 * (a unit of a rejected dwelling, …) is reported too, naming that row.
 */
import { randomUUID } from "node:crypto";
import type { Decimal } from "decimal.js";
import { RowReader, type RawRow, type RowError } from "./rows.js";

const CATEGORIES = ["ALL_PUBLIC", "DEDICATED"] as const;
const SUBS = [
  "INTERNATIONAL_PROTECTION",
  "STUDENTS",
  "CLOSE_SOCIAL_SUPPORT",
  "YOUNG_PEOPLE",
  "SENIORS",
  "COOPERATIVE_MEMBERS",
  "EMPLOYEES",
  "RESERVE",
] as const;
const TYPES = ["APARTMENT", "HOUSE", "STUDIO", "SHARED_DWELLING"] as const;
const ROLES = ["PARTNER", "CHILD", "OTHER_ADULT"] as const;
const AREA = { greaterThan: "0", max: "10000", scale: 2 } as const;
const RENT = { min: "0", max: "100000", scale: 2 } as const;

export interface Reference {
  landlordId: string;
  today: string;
  municipalities: Set<string>;
  /** Social developers by id. */
  developers: Set<string>;
  /** Compensation conventions of the landlord. */
  conventions: Set<string>;
  /** References already used in the landlord's stock. */
  existingReferences: Set<string>;
}

export interface DwellingPlan {
  line: number;
  row: {
    id: string;
    reference: string;
    landlordId: string;
    developerId: string;
    category: "ALL_PUBLIC" | "DEDICATED";
    dedicatedSubCategory: (typeof SUBS)[number] | null;
    type: (typeof TYPES)[number];
    bedrooms: number;
    usefulArea: string;
    municipalityId: string;
    address: string;
    managedSince: Date | null;
    firstOccupiedYear: number | null;
    energyRenovated: boolean;
    hasEquippedKitchen: boolean;
    hasOutdoorSpace: boolean;
    rentToDeveloperMonthly: string | null;
    ancillaryRentMonthly: string | null;
    compensationConventionId: string | null;
    status: "VACANT" | "LET";
    firstLettingOn: Date | null;
  };
}
export interface UnitPlan {
  line: number;
  dwellingLine: number;
  row: { id: string; dwellingId: string; reference: string; usefulArea: string; capacity: number; status: "VACANT" | "LET"; firstLettingOn: Date | null };
}
export interface LeasePlan {
  line: number;
  dwellingLine: number;
  householdReference: string;
  candidate: {
    id: string;
    registerNumber: string;
    firstName: string;
    lastName: string;
    birthDate: Date;
    address: string;
    municipalityId: string;
    residenceStatus: "NONE";
  };
  household: { id: string; candidateId: string; incomeYear: number; memberCount: number };
  applicant: { id: string; householdId: string; role: "APPLICANT"; firstName: string; lastName: string; birthDate: Date };
  lease: {
    id: string;
    landlordId: string;
    dwellingId: string;
    accommodationUnitId: string | null;
    householdId: string;
    startsOn: Date;
    monthlyRent: string;
    monthlyCharges: string;
  };
}
export interface MemberPlan {
  line: number;
  leaseLine: number;
  row: { id: string; householdId: string; role: (typeof ROLES)[number]; firstName: string; lastName: string; birthDate: Date };
}

export interface Plan {
  dwellings: DwellingPlan[];
  units: UnitPlan[];
  leases: LeasePlan[];
  members: MemberPlan[];
  errors: RowError[];
  /** Lines with at least one error (their own, or a row they depend on). */
  badLines: Set<number>;
}

const asDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function planImport(rows: RawRow[], ref: Reference): Plan {
  const errors: RowError[] = [];
  const dwellings = new Map<string, DwellingPlan>();
  const units = new Map<string, UnitPlan>();
  const leases = new Map<string, LeasePlan>();
  const members: MemberPlan[] = [];
  const letTargets = new Map<string, number>();
  const bad = new Set<number>();
  const depend = (r: RowReader, column: string, on: number | undefined, what: string) => {
    if (on !== undefined && bad.has(on)) r.fail(column, "INVALID_STATE", `Depends on ${what} of line ${on}, which has errors`);
  };

  // Dwellings first, then units, leases and members, whatever the order of the lines.
  const byKind = (k: string) => rows.filter((x) => (x.values.record ?? "").trim() === k);
  for (const raw of rows) {
    const kind = (raw.values.record ?? "").trim();
    if (!["DWELLING", "UNIT", "LEASE", "MEMBER"].includes(kind)) {
      errors.push({ line: raw.line, column: "record", code: "INVALID_VALUE", rule: null, message: "record is not one of DWELLING, UNIT, LEASE, MEMBER" });
      bad.add(raw.line);
    }
  }
  const finish = (r: RowReader) => {
    errors.push(...r.errors);
    if (r.errors.length) bad.add(r.row.line);
    return r.errors.length === 0;
  };

  for (const raw of byKind("DWELLING")) {
    const r = new RowReader(raw);
    const reference = r.text("reference", 50);
    const developerId = r.id("developerId", "Organisation");
    const category = r.oneOf("category", CATEGORIES);
    const sub = r.oneOf("dedicatedSubCategory", SUBS, false);
    const type = r.oneOf("type", TYPES);
    const bedrooms = r.int("bedrooms", 0, 20);
    const area = r.decimal("usefulArea", AREA);
    const municipality = r.text("municipalityCode", 64);
    const address = r.text("address", 300);
    const managedSince = r.date("managedSince", false, ref.today);
    const firstOccupiedYear = r.int("firstOccupiedYear", 1800, Number(ref.today.slice(0, 4)) + 1, false);
    const energyRenovated = r.bool("energyRenovated");
    const kitchen = r.bool("hasEquippedKitchen");
    const outdoor = r.bool("hasOutdoorSpace");
    const rentToDeveloper = r.decimal("rentToDeveloperMonthly", RENT, false);
    const ancillary = r.decimal("ancillaryRentMonthly", RENT, false);
    const conventionId = r.id("compensationConventionId", "Convention", false);
    if (category === "DEDICATED" && !sub) r.fail("dedicatedSubCategory", "RULE_VIOLATION", "A dedicated dwelling needs its sub-category", "law art. 12 §2");
    if (category === "ALL_PUBLIC" && sub)
      r.fail("dedicatedSubCategory", "RULE_VIOLATION", "A dwelling for all public has no dedicated sub-category", "law art. 12 §1");
    if (developerId && !ref.developers.has(developerId))
      r.fail("developerId", "RULE_VIOLATION", "Not a social developer (promoteur social) of the platform", "law art. 16");
    if (municipality && !ref.municipalities.has(municipality)) r.fail("municipalityCode", "NOT_FOUND", "No municipality with this code");
    if (conventionId && !ref.conventions.has(conventionId))
      r.fail("compensationConventionId", "RULE_VIOLATION", "Must be a compensation convention of this landlord", "law art. 40");
    if (reference && ref.existingReferences.has(reference)) r.fail("reference", "CONFLICT", "This reference is already used in this landlord's stock");
    if (reference && dwellings.has(reference)) r.fail("reference", "CONFLICT", `This reference is given twice (line ${dwellings.get(reference)!.line})`);
    if (!finish(r) || dwellings.has(reference!)) continue;
    dwellings.set(reference!, {
      line: raw.line,
      row: {
        id: randomUUID(),
        reference: reference!,
        landlordId: ref.landlordId,
        developerId: developerId!,
        category: category!,
        dedicatedSubCategory: sub ?? null,
        type: type!,
        bedrooms: bedrooms!,
        usefulArea: (area as Decimal).toFixed(2),
        municipalityId: municipality!,
        address: address!,
        managedSince: managedSince ? asDate(managedSince) : null,
        firstOccupiedYear: firstOccupiedYear ?? null,
        energyRenovated: energyRenovated ?? false,
        hasEquippedKitchen: kitchen ?? true,
        hasOutdoorSpace: outdoor ?? false,
        rentToDeveloperMonthly: rentToDeveloper?.toFixed(2) ?? null,
        ancillaryRentMonthly: ancillary?.toFixed(2) ?? null,
        compensationConventionId: conventionId ?? null,
        status: "VACANT",
        firstLettingOn: null,
      },
    });
  }
  const dwellingLineOf = (reference: string | undefined) =>
    rows.find((x) => x.values.record?.trim() === "DWELLING" && x.values.reference?.trim() === reference)?.line;

  for (const raw of byKind("UNIT")) {
    const r = new RowReader(raw);
    const dref = r.text("dwellingReference", 50);
    const uref = r.text("unitReference", 50);
    const area = r.decimal("usefulArea", AREA);
    const capacity = r.int("capacity", 1, 10, false);
    const d = dref ? dwellings.get(dref) : undefined;
    if (dref && !d) {
      const line = dwellingLineOf(dref);
      if (line !== undefined) depend(r, "dwellingReference", line, "the dwelling");
      else r.fail("dwellingReference", "NOT_FOUND", "No DWELLING row with this reference in the file");
    }
    if (d && d.row.type !== "SHARED_DWELLING")
      r.fail(
        "dwellingReference",
        "RULE_VIOLATION",
        "Accommodation units exist only inside a shared dwelling (type SHARED_DWELLING)",
        "bill 8535 art. 13 §2 al. 2",
      );
    const key = `${dref}\u0001${uref}`;
    if (d && uref && units.has(key)) r.fail("unitReference", "CONFLICT", `This unit is given twice in the dwelling of line ${d!.line}`);
    if (!finish(r)) continue;
    units.set(key, {
      line: raw.line,
      dwellingLine: d!.line,
      row: {
        id: randomUUID(),
        dwellingId: d!.row.id,
        reference: uref!,
        usefulArea: area!.toFixed(2),
        capacity: capacity ?? 1,
        status: "VACANT",
        firstLettingOn: null,
      },
    });
  }

  for (const raw of byKind("LEASE")) {
    const r = new RowReader(raw);
    const dref = r.text("dwellingReference", 50);
    const uref = r.text("unitReference", 50, false);
    const href = r.text("householdReference", 50);
    const firstName = r.text("firstName", 100);
    const lastName = r.text("lastName", 100);
    const birthDate = r.date("birthDate", true, ref.today);
    const incomeYear = r.int("incomeYear", 2000, Number(ref.today.slice(0, 4)), false);
    const startsOn = r.date("startsOn", true, ref.today);
    const rent = r.decimal("monthlyRent", { greaterThan: "0", max: "100000", scale: 2 });
    const charges = r.decimal("monthlyCharges", RENT, false);
    const d = dref ? dwellings.get(dref) : undefined;
    if (dref && !d) {
      const line = dwellingLineOf(dref);
      if (line !== undefined) depend(r, "dwellingReference", line, "the dwelling");
      else r.fail("dwellingReference", "NOT_FOUND", "No DWELLING row with this reference in the file");
    }
    let unit: UnitPlan | undefined;
    if (d) {
      if (d.row.type === "SHARED_DWELLING" && !uref)
        r.fail("unitReference", "RULE_VIOLATION", "A shared dwelling is let unit by unit: give unitReference", "bill 8535 art. 13 §2 al. 2");
      if (d.row.type !== "SHARED_DWELLING" && uref)
        r.fail("unitReference", "RULE_VIOLATION", "Only a shared dwelling has accommodation units", "bill 8535 art. 13 §2 al. 2");
      if (d.row.type === "SHARED_DWELLING" && uref) {
        unit = units.get(`${dref}\u0001${uref}`);
        if (!unit) r.fail("unitReference", "NOT_FOUND", `No UNIT row with this reference for the dwelling of line ${d.line} in the file (or it has errors)`);
      }
      const target = unit ? unit.row.id : d.row.id;
      if (letTargets.has(target))
        r.fail(
          unit ? "unitReference" : "dwellingReference",
          "CONFLICT",
          `Already let by the lease of line ${letTargets.get(target)}: one lease at a time`,
          "law art. 64",
        );
      const managed = d.row.managedSince?.toISOString().slice(0, 10);
      if (managed && startsOn && startsOn < managed)
        r.fail("startsOn", "RULE_VIOLATION", `The lease starts before the landlord manages the dwelling (${managed})`, "law art. 40");
    }
    if (href && leases.has(href)) r.fail("householdReference", "CONFLICT", `This household already has the lease of line ${leases.get(href)!.line}`);
    if (!finish(r)) continue;
    const target = unit ? unit.row.id : d!.row.id;
    letTargets.set(target, raw.line);
    const candidateId = randomUUID();
    const householdId = randomUUID();
    const start = asDate(startsOn!);
    // The first letting and, when missing, the managed-since date follow the earliest lease (art. 40; bill art. 13 §3).
    const earliest = (a: Date | null) => (a && a < start ? a : start);
    d!.row.status = "LET";
    d!.row.firstLettingOn = earliest(d!.row.firstLettingOn);
    d!.row.managedSince = d!.row.managedSince ?? start;
    if (unit) {
      unit.row.status = "LET";
      unit.row.firstLettingOn = earliest(unit.row.firstLettingOn);
    }
    leases.set(href!, {
      line: raw.line,
      dwellingLine: d!.line,
      householdReference: href!,
      candidate: {
        id: candidateId,
        registerNumber: `IMP-${candidateId.slice(0, 13).toUpperCase()}`,
        firstName: firstName!,
        lastName: lastName!,
        birthDate: asDate(birthDate!),
        address: d!.row.address,
        municipalityId: d!.row.municipalityId,
        residenceStatus: "NONE",
      },
      household: { id: householdId, candidateId, incomeYear: incomeYear ?? Number(startsOn!.slice(0, 4)) - 1, memberCount: 1 },
      applicant: { id: randomUUID(), householdId, role: "APPLICANT", firstName: firstName!, lastName: lastName!, birthDate: asDate(birthDate!) },
      lease: {
        id: randomUUID(),
        landlordId: ref.landlordId,
        dwellingId: d!.row.id,
        accommodationUnitId: unit?.row.id ?? null,
        householdId,
        startsOn: start,
        monthlyRent: rent!.toFixed(2),
        monthlyCharges: charges?.toFixed(2) ?? "0.00",
      },
    });
  }

  for (const raw of byKind("MEMBER")) {
    const r = new RowReader(raw);
    const href = r.text("householdReference", 50);
    const role = r.oneOf("role", ROLES);
    const firstName = r.text("firstName", 100);
    const lastName = r.text("lastName", 100);
    const birthDate = r.date("birthDate", true, ref.today);
    const l = href ? leases.get(href) : undefined;
    if (href && !l) {
      const line = rows.find((x) => x.values.record?.trim() === "LEASE" && x.values.householdReference?.trim() === href)?.line;
      if (line !== undefined) depend(r, "householdReference", line, "the lease");
      else r.fail("householdReference", "NOT_FOUND", "No LEASE row with this householdReference in the file");
    }
    if (!finish(r)) continue;
    l!.household.memberCount += 1;
    members.push({
      line: raw.line,
      leaseLine: l!.line,
      row: { id: randomUUID(), householdId: l!.household.id, role: role!, firstName: firstName!, lastName: lastName!, birthDate: asDate(birthDate!) },
    });
  }

  // A rejected member or unit makes its lease's and dwelling's group incomplete: in VALID_BATCHES
  // mode the whole group (dwelling with its units, leases, members) is applied or left together.
  errors.sort((a, b) => a.line - b.line || a.column.localeCompare(b.column));
  return { dwellings: [...dwellings.values()], units: [...units.values()], leases: [...leases.values()], members, errors, badLines: bad };
}
