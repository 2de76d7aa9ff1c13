/**
 * Benchmark of the API path of a yearly landlord statement for a landlord with 5,000 dwellings, in
 * a fresh database: load (the loader's SQL, a fixed number of statements) and compute (the pure
 * engine) timed separately with performance.now(), then canonical JSON + SHA-256 + gzip (what
 * issuing adds). No HTTP. Prints the figures; asserts only generous bounds (CI machines vary).
 */
import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildLandlordStatement, type LandlordStatementInput } from "@abordable/domain";
import type { Database } from "../../src/db/database.js";
import { loadLandlordStatementInput, type LandlordSubject } from "../../src/compensation/adapters/inputs.js";
import { serialise } from "../../src/compensation/adapters/statements.js";
import { openTestDatabase, TEST_DATABASE_KIND } from "../support/database.js";

const DWELLINGS = 5_000;
const RUNS = 3;
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe(`statement benchmark: one landlord, ${DWELLINGS} dwellings (${TEST_DATABASE_KIND})`, () => {
  let db: Database;
  let subject: LandlordSubject;

  beforeAll(async () => {
    db = await openTestDatabase();
    const p = db.prisma;
    await p.municipality.create({ data: { id: "bench", name: "Bench", canton: "LUXEMBOURG" } });
    const landlord = await p.organisation.create({
      data: { name: "Bench landlord", kind: "MUNICIPALITY", isSocialLandlord: true, isSocialDeveloper: true, municipalityId: "bench" },
    });
    const developer = await p.organisation.create({ data: { name: "Bench developer", kind: "COMPANY", isSocialDeveloper: true } });
    const convention = await p.convention.create({
      data: { reference: "CC-BENCH", kind: "COMPENSATION", landlordId: landlord.id, signedOn: d("2024-02-01"), startsOn: d("2024-02-01") },
    });
    const candidate = await p.candidate.create({
      data: {
        registerNumber: "BENCH-1",
        firstName: "A",
        lastName: "B",
        birthDate: d("1980-01-01"),
        address: "1, rue",
        municipalityId: "bench",
        residenceStatus: "LUXEMBOURG_NATIONAL",
      },
    });
    const household = await p.household.create({ data: { candidateId: candidate.id, incomeYear: 2024 } });
    const dwellings = Array.from({ length: DWELLINGS }, (_, i) => ({
      id: randomUUID(),
      reference: `B-${String(i).padStart(5, "0")}`,
      landlordId: landlord.id,
      developerId: i % 3 === 0 ? landlord.id : developer.id,
      compensationConventionId: convention.id,
      category: i % 10 === 0 ? ("DEDICATED" as const) : ("ALL_PUBLIC" as const),
      dedicatedSubCategory: i % 10 === 0 ? ("SENIORS" as const) : null,
      type: "APARTMENT" as const,
      bedrooms: 1 + (i % 4),
      usefulArea: `${50 + (i % 60)}.50`,
      municipalityId: "bench",
      address: `${i}, rue du Banc`,
      status: i % 25 === 0 ? ("UNDER_RENOVATION" as const) : ("LET" as const),
      // Most in the stock all year; one in eight from a day in 2025 (partial months).
      managedSince: i % 8 === 0 ? d(`2025-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`) : d("2023-11-01"),
      firstLettingOn: d("2023-11-01"),
      rentToDeveloperMonthly: i % 3 === 0 ? "0.00" : `${600 + (i % 200)}.${String(i % 100).padStart(2, "0")}`,
      ancillaryRentMonthly: i % 4 === 0 ? "75.00" : null,
    }));
    for (let i = 0; i < dwellings.length; i += 1_000) await p.dwelling.createMany({ data: dwellings.slice(i, i + 1_000) });
    // Leases: most dwellings let all year; some ended mid-year (vacancy), renovations unlet.
    const leases = dwellings
      .filter((_, i) => i % 25 !== 0)
      .map((dw, i) => ({
        landlordId: landlord.id,
        dwellingId: dw.id,
        householdId: household.id,
        startsOn: d("2023-11-15"),
        endsOn: i % 7 === 0 ? d(`2025-${String(1 + (i % 12)).padStart(2, "0")}-17`) : null,
        monthlyRent: `${700 + (i % 300)}.${String(i % 100).padStart(2, "0")}`,
        monthlyCharges: "150.00",
        status: i % 7 === 0 ? ("ENDED" as const) : ("ACTIVE" as const),
      }));
    for (let i = 0; i < leases.length; i += 1_000) await p.lease.createMany({ data: leases.slice(i, i + 1_000) });
    subject = {
      landlord: { id: landlord.id, kind: "MUNICIPALITY", isUniversityOfLuxembourg: false },
      convention: { id: convention.id, signedOn: d("2024-02-01") },
    };
  }, 300_000);
  afterAll(async () => db?.close());

  it("loads in 4 SQL statements (dwellings, units, leases, rent revisions) and computes a yearly statement (target < 1 s for compute)", async () => {
    // Warm-up (JIT, Prisma's first queries).
    buildLandlordStatement(await loadLandlordStatementInput(db.prisma, subject, 2025), { regime: "LAW" });
    const load: number[] = [];
    const compute: number[] = [];
    let input: LandlordStatementInput | undefined;
    let lines = 0;
    let total = "";
    for (let r = 0; r < RUNS; r += 1) {
      const sql0 = db.statementCount();
      const t0 = performance.now();
      input = await loadLandlordStatementInput(db.prisma, subject, 2025);
      const t1 = performance.now();
      const statement = buildLandlordStatement(input, { regime: "LAW" });
      const t2 = performance.now();
      expect(db.statementCount() - sql0).toBe(4);
      load.push(t1 - t0);
      compute.push(t2 - t1);
      lines = statement.lines.length;
      total = statement.total;
    }
    const statement = buildLandlordStatement(input!, { regime: "LAW" });
    const t3 = performance.now();
    const { hash, content, bytes } = serialise(statement);
    const t4 = performance.now();
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const fmt = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
    console.log(
      [
        `statement benchmark (${TEST_DATABASE_KIND}, ${DWELLINGS} dwellings, ${input!.dwellings.length} loaded, ${lines} lines, total ${total}), performance.now(), ${RUNS} runs after one warm-up:`,
        `  load (loadLandlordStatementInput: 4 SQL statements + mapping to engine inputs): ${fmt(load)}`,
        `  compute (buildLandlordStatement, pure): ${fmt(compute)}`,
        `  issue extras (canonical JSON ${(bytes / 1e6).toFixed(1)} MB + SHA-256 + gzip to ${(content.byteLength / 1e6).toFixed(1)} MB): ${(t4 - t3).toFixed(0)} ms, hash ${hash.slice(0, 12)}…`,
      ].join("\n"),
    );
    expect(input!.dwellings).toHaveLength(DWELLINGS);
    expect(lines).toBeGreaterThan(DWELLINGS * 12 * 2);
    // Generous guards; the target (compute < 1 s) is reported above.
    expect(median(compute)).toBeLessThan(5_000);
    expect(median(load)).toBeLessThan(30_000);
  }, 300_000);
});
