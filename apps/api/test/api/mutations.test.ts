/**
 * Portfolio mutations through the real API: rules enforced as user errors naming the field, atomic
 * changes, one audit record per change, and bad input refused with nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gid, startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";

const CREATE = `mutation($input: CreateDwellingInput!) {
  createDwelling(input: $input) { dwelling { id reference status usefulArea category dedicatedSubCategory } userErrors { field message code rule } }
}`;
const UPDATE = `mutation($input: UpdateDwellingInput!) { updateDwelling(input: $input) { dwelling { id bedrooms usefulArea category dedicatedSubCategory } userErrors { field message code rule } } }`;
const UNIT = `mutation($input: CreateAccommodationUnitInput!) { createAccommodationUnit(input: $input) { accommodationUnit { id reference status } dwelling { status } userErrors { field code rule } } }`;
const LET = `mutation($input: LettingEventInput!) { recordLetting(input: $input) { accommodationUnit { status firstLettingOn } dwelling { status firstLettingOn } userErrors { field code message } } }`;
const VACATE = `mutation($input: LettingEventInput!) { recordVacancy(input: $input) { accommodationUnit { status } dwelling { status } userErrors { field code message } } }`;

/** Everything a mutation could touch, to prove that a refused one changed nothing. */
async function snapshot(api: TestApi) {
  const p = api.db.prisma;
  return {
    dwellings: await p.dwelling.count(),
    units: await p.accommodationUnit.count(),
    audit: await p.auditEvent.count(),
    updatedMax: (await p.dwelling.aggregate({ _max: { updatedAt: true } }))._max.updatedAt?.toISOString(),
    unitUpdatedMax: (await p.accommodationUnit.aggregate({ _max: { updatedAt: true } }))._max.updatedAt?.toISOString(),
  };
}

describe(`portfolio mutations (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  const base = () => ({
    reference: `M-${Math.random().toString(36).slice(2, 9)}`,
    developerId: gid("Organisation", api.orgIds.esch),
    category: "DEDICATED",
    dedicatedSubCategory: "STUDENTS",
    type: "SHARED_DWELLING",
    bedrooms: 3,
    usefulArea: "96.40",
    municipalityCode: "esch-sur-alzette",
    address: "12, rue du Brill",
  });
  beforeAll(async () => {
    api = await startTestApi({ maxQueryDepth: 8 });
  });
  afterAll(async () => api?.close());

  it("creates a shared dwelling, adds units, lets one, vacates it — each step audited with before and after", async () => {
    const auditBefore = await api.db.prisma.auditEvent.count();
    const created = await api.gql("landlordA", CREATE, { input: base() });
    expect(created.body.data!.createDwelling.userErrors).toEqual([]);
    const dwelling = created.body.data!.createDwelling.dwelling;
    expect(dwelling).toMatchObject({ status: "VACANT", usefulArea: "96.4", category: "DEDICATED", dedicatedSubCategory: "STUDENTS" });

    const unit = await api.gql("landlordA", UNIT, { input: { dwellingId: dwelling.id, reference: "U1", usefulArea: "14.25" } });
    expect(unit.body.data!.createAccommodationUnit.userErrors).toEqual([]);
    const unitId = unit.body.data!.createAccommodationUnit.accommodationUnit.id;

    const whole = await api.gql("landlordA", LET, { input: { dwellingId: dwelling.id, date: "2026-03-15" } });
    expect(whole.body.data!.recordLetting.userErrors).toMatchObject([{ field: ["input", "dwellingId"], code: "RULE_VIOLATION" }]);

    const let1 = await api.gql("landlordA", LET, { input: { accommodationUnitId: unitId, date: "2026-03-15" } });
    expect(let1.body.data!.recordLetting).toMatchObject({
      accommodationUnit: { status: "LET", firstLettingOn: "2026-03-15" },
      dwelling: { status: "LET", firstLettingOn: "2026-03-15" },
      userErrors: [],
    });
    const again = await api.gql("landlordA", LET, { input: { accommodationUnitId: unitId, date: "2026-04-01" } });
    expect(again.body.data!.recordLetting.userErrors).toMatchObject([{ code: "INVALID_STATE" }]);

    const vacate = await api.gql("landlordA", VACATE, { input: { accommodationUnitId: unitId, date: "2026-06-30" } });
    expect(vacate.body.data!.recordVacancy).toMatchObject({ accommodationUnit: { status: "VACANT" }, dwelling: { status: "VACANT" }, userErrors: [] });

    const events = await api.db.prisma.auditEvent.findMany({ where: { id: { gt: BigInt(auditBefore) } }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["createDwelling", "createAccommodationUnit", "recordLetting", "recordVacancy"]);
    expect(events[0]!.before).toBeNull();
    expect(events[0]!.after).toMatchObject({ reference: expect.any(String), usefulArea: "96.4" });
    expect(events[2]!.before).toMatchObject({ status: "VACANT" });
    expect(events[2]!.after).toMatchObject({ status: "LET" });
    expect(events.every((e) => e.organisationId === api.orgIds.esch && e.role === "SOCIAL_LANDLORD")).toBe(true);

    const trail = await api.gql(
      "analyst",
      `{ auditEvents(first: 4, filter: { entityType: "AccommodationUnit" }) { edges { node { action entityId role after } } } }`,
    );
    expect(trail.body.data!.auditEvents.edges[0].node).toMatchObject({ action: "recordVacancy", entityId: unitId, role: "SOCIAL_LANDLORD" });
  });

  it("keeps the audit trail append-only in the database itself", async () => {
    await expect(api.db.sql.exec(`UPDATE "AuditEvent" SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(api.db.sql.exec(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
  });

  it("enforces the dwelling rules as user errors naming the field and the article", async () => {
    const cases: [Record<string, unknown>, string, string, string | null][] = [
      [{ category: "DEDICATED", dedicatedSubCategory: null }, "dedicatedSubCategory", "RULE_VIOLATION", "law art. 12 §2"],
      [{ category: "ALL_PUBLIC", dedicatedSubCategory: "SENIORS" }, "dedicatedSubCategory", "RULE_VIOLATION", "law art. 12 §1"],
      [
        {
          developerId: gid(
            "Organisation",
            api.orgIds.fonds === ""
              ? ""
              : (await api.db.prisma.organisation.findFirstOrThrow({ where: { isSocialDeveloper: false, kind: "ASSOCIATION_OR_FOUNDATION" } })).id,
          ),
        },
        "developerId",
        "RULE_VIOLATION",
        "law art. 16",
      ],
      [{ municipalityCode: "atlantis" }, "municipalityCode", "NOT_FOUND", null],
      [{ usefulArea: "-12.00" }, "usefulArea", "OUT_OF_RANGE", null],
      [{ usefulArea: "0" }, "usefulArea", "OUT_OF_RANGE", null],
      [{ usefulArea: "12.345" }, "usefulArea", "INVALID_VALUE", null],
      [{ bedrooms: -1 }, "bedrooms", "OUT_OF_RANGE", null],
      [{ reference: "R".repeat(51) }, "reference", "TOO_LONG", null],
      [{ address: "  " }, "address", "REQUIRED", null],
      [{ developerId: gid("Dwelling", "00000000-0000-4000-8000-000000000000") }, "developerId", "INVALID_ID", null],
      [{ developerId: "not-a-global-id" }, "developerId", "INVALID_ID", null],
    ];
    const before = await snapshot(api);
    for (const [patch, field, code, rule] of cases) {
      const res = await api.gql("landlordA", CREATE, { input: { ...base(), ...patch } });
      expect(res.body.errors, JSON.stringify(patch)).toBeUndefined();
      const errors = res.body.data!.createDwelling.userErrors;
      expect(errors, JSON.stringify(patch)).toContainEqual(expect.objectContaining({ field: ["input", field], code, ...(rule && { rule }) }));
      expect(res.body.data!.createDwelling.dwelling).toBeNull();
      for (const e of errors) expect(e.message.length).toBeGreaterThan(10);
    }
    expect(await snapshot(api)).toEqual(before);
  });

  it("refuses a duplicate reference in the same stock", async () => {
    const first = await api.gql("landlordA", CREATE, { input: { ...base(), reference: "DUP-1" } });
    expect(first.body.data!.createDwelling.userErrors).toEqual([]);
    const second = await api.gql("landlordA", CREATE, { input: { ...base(), reference: "DUP-1" } });
    expect(second.body.data!.createDwelling.userErrors).toMatchObject([{ field: ["input", "reference"], code: "CONFLICT" }]);
  });

  it("updates atomically: one bad field and nothing changes", async () => {
    const own = await api.db.prisma.dwelling.findFirstOrThrow({ where: { landlordId: api.orgIds.esch, category: "ALL_PUBLIC" } });
    const bad = await api.gql("landlordA", UPDATE, { input: { id: gid("Dwelling", own.id), bedrooms: 4, usefulArea: "-3" } });
    expect(bad.body.data!.updateDwelling.userErrors).toMatchObject([{ field: ["input", "usefulArea"], code: "OUT_OF_RANGE" }]);
    expect(await api.db.prisma.dwelling.findUniqueOrThrow({ where: { id: own.id } })).toEqual(own);
    const good = await api.gql("landlordA", UPDATE, {
      input: { id: gid("Dwelling", own.id), bedrooms: 4, category: "DEDICATED", dedicatedSubCategory: "SENIORS" },
    });
    expect(good.body.data!.updateDwelling).toMatchObject({ dwelling: { bedrooms: 4, category: "DEDICATED", dedicatedSubCategory: "SENIORS" }, userErrors: [] });
    const back = await api.gql("landlordA", UPDATE, { input: { id: gid("Dwelling", own.id), category: "ALL_PUBLIC" } });
    expect(back.body.data!.updateDwelling).toMatchObject({ dwelling: { category: "ALL_PUBLIC", dedicatedSubCategory: null }, userErrors: [] });
  });

  it("refuses units in a dwelling that is not shared", async () => {
    const plain = await api.db.prisma.dwelling.findFirstOrThrow({ where: { landlordId: api.orgIds.esch, type: "APARTMENT" } });
    const res = await api.gql("landlordA", UNIT, { input: { dwellingId: gid("Dwelling", plain.id), reference: "U9", usefulArea: "12" } });
    expect(res.body.data!.createAccommodationUnit.userErrors).toMatchObject([
      { field: ["input", "dwellingId"], code: "RULE_VIOLATION", rule: "bill 8535 art. 13 §2 al. 2" },
    ]);
  });

  it("refuses letting dates in the future and events with no or two targets", async () => {
    const vacant = await api.db.prisma.dwelling.findFirstOrThrow({
      where: { landlordId: api.orgIds.esch, status: "VACANT", type: { not: "SHARED_DWELLING" } },
    });
    const future = await api.gql("landlordA", LET, { input: { dwellingId: gid("Dwelling", vacant.id), date: "2099-01-01" } });
    expect(future.body.data!.recordLetting.userErrors).toMatchObject([{ field: ["input", "date"], code: "OUT_OF_RANGE" }]);
    const none = await api.gql("landlordA", LET, { input: { date: "2026-01-01" } });
    expect(none.body.data!.recordLetting.userErrors).toMatchObject([{ code: "INVALID_VALUE" }]);
    expect((await api.db.prisma.dwelling.findUniqueOrThrow({ where: { id: vacant.id } })).status).toBe("VACANT");
  });

  describe("bad input at the GraphQL layer: a clear error, the server stays up, nothing changes", () => {
    const cases: [string, string, Record<string, unknown> | undefined, RegExp][] = [
      ["a decimal sent as a JSON number", CREATE, { usefulArea: 72.5 }, /Decimal must be a string/],
      ["a decimal with an exponent", CREATE, { usefulArea: "7.25e1" }, /not a valid Decimal/],
      ["a decimal with a comma", CREATE, { usefulArea: "72,5" }, /not a valid Decimal/],
      ["an absurdly long decimal", CREATE, { usefulArea: "1".repeat(60) }, /longer than 40/],
      ["an unknown enum value", CREATE, { category: "PALACE" }, /PALACE/],
      ["a date that does not exist", LET, undefined, /not a calendar date/],
      ["a missing required field", CREATE, { reference: undefined }, /reference/],
    ];
    for (const [label, query, patch, message] of cases) {
      it(label, async () => {
        const before = await snapshot(api);
        const input = query === LET ? { dwellingId: gid("Dwelling", "00000000-0000-4000-8000-000000000000"), date: "2026-02-30" } : { ...base(), ...patch };
        const res = await api.gql("landlordA", query, { input });
        expect(res.body.errors?.[0]?.message).toMatch(message);
        expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
        expect(await snapshot(api)).toEqual(before);
      });
    }

    it("a query deeper than the limit is refused before it runs", async () => {
      const deep =
        "{ dwellings(first: 1) { edges { node { landlord { managedDwellings(first: 1) { edges { node { landlord { managedDwellings(first: 1) { edges { node { id } } } } } } } } } } } }";
      const res = await api.gql("admin", deep);
      expect(res.body.errors?.[0]?.message).toMatch(/too deep: depth \d+ exceeds the limit of 8/);
      expect(res.body.data ?? null).toBeNull();
      expect((await api.gql("admin", "{ viewer { role } }")).status).toBe(200);
    });

    it("a query whose cost is too high is refused", async () => {
      const costly = "{ dwellings(first: 100) { edges { node { accommodationUnits(first: 100) { edges { node { id reference usefulArea } } } } } } }";
      const res = await api.gql("admin", costly);
      expect(res.body.errors?.[0]?.message).toMatch(/too costly: estimated cost \d+ exceeds the limit of 20000/);
      const affordable = await api.gql("admin", "{ dwellings(first: 10) { edges { node { accommodationUnits(first: 10) { edges { node { id } } } } } } }");
      expect(affordable.body.errors).toBeUndefined();
    });

    it("a wrong global ID in a filter is named", async () => {
      const res = await api.gql("admin", `{ dwellings(first: 1, filter: { landlordIds: ["${gid("Dwelling", "x")}"] }) { totalCount } }`);
      expect(res.body.errors?.[0]?.message).toMatch(/filter\.landlordIds\[0\]: expected the ID of a Organisation/);
    });
  });
});
