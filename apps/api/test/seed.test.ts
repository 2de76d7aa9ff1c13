import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSeed } from "../src/seed/generate.js";
import { writeSeed } from "../src/seed/write.js";
import { MUNICIPALITIES } from "../src/seed/municipalities.js";
import { openTestDatabase, TEST_DATABASE_KIND } from "./support/database.js";
import type { Database } from "../src/db/database.js";

describe("seed generator", () => {
  it("lists Luxembourg's 100 municipalities in 12 cantons", () => {
    expect(MUNICIPALITIES).toHaveLength(100);
    expect(new Set(MUNICIPALITIES.map((m) => m.canton)).size).toBe(12);
    expect(new Set(MUNICIPALITIES.map((m) => m.id)).size).toBe(100);
  });

  it("is deterministic: the same scale gives the same rows and IDs", () => {
    const a = generateSeed("small");
    const b = generateSeed("small");
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("sizes the large scale at 20,000 dwellings and 50,000 candidates at least", () => {
    const large = generateSeed("large");
    expect(large.dwellings.length).toBeGreaterThanOrEqual(20_000);
    expect(large.candidates.length).toBeGreaterThanOrEqual(50_000);
  });

  it("covers every dwelling category, shared dwellings with units, and varied households", () => {
    const s = generateSeed("small");
    expect(new Set(s.dwellings.map((d) => d.dedicatedSubCategory ?? "ALL_PUBLIC")).size).toBeGreaterThanOrEqual(8);
    expect(s.accommodationUnits.length).toBeGreaterThan(0);
    const sizes = new Map<string, number>();
    for (const m of s.householdMembers) sizes.set(m.householdId, (sizes.get(m.householdId) ?? 0) + 1);
    expect(new Set(sizes.values()).size).toBeGreaterThanOrEqual(4);
    for (const d of s.dwellings) expect(d.usefulArea).toMatch(/^\d+\.\d{2}$/);
  });
});

describe(`seed writer (${TEST_DATABASE_KIND})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  it("writes the small scale with every relation intact", async () => {
    const data = generateSeed("small");
    await writeSeed(db.prisma, data);
    expect(await db.prisma.dwelling.count()).toBe(data.dwellings.length);
    expect(await db.prisma.householdMember.count()).toBe(data.householdMembers.length);
    expect(await db.prisma.lease.count()).toBe(data.leases.length);
    const withLandlord = await db.prisma.dwelling.findFirst({ include: { landlord: true, accommodationUnits: true } });
    expect(withLandlord?.landlord.isSocialLandlord).toBe(true);
  }, 120_000);
});
