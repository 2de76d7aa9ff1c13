/**
 * Application snapshots and the decision record by reference (issue 16): a snapshot is written on
 * registration and revision with a stable SHA-256 of its canonical inputs (the law kernel's seal),
 * the record references the snapshots by hash, verification replays from them and detects a changed
 * snapshot row, and the ranking from snapshots equals the whole-register ranking on a generated
 * register.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seal, sha256Hex } from "@abordable/domain";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { startTestApi, type TestApi } from "../support/api.js";
import { compute, openFile, vacantDwelling } from "./flow.js";
import { recordView } from "./record-view.js";

const decode = (id: string) => Buffer.from(id, "base64").toString().split(":")[1]!;
const REGISTER = `mutation($input: RegisterCandidateInput!) { registerCandidate(input: $input) { candidate { id } userErrors { field code message } } }`;
const REVISE = `mutation($input: ReviseCandidateInput!) { reviseCandidate(input: $input) { candidate { id } userErrors { field code message } } }`;
const VERIFY = `mutation($input: VerifyShortlistInput!) { verifyShortlist(input: $input) { verification { storedHashMatches sameRanking reproducible snapshotsIntact snapshotCount rankedCount } userErrors { code } } }`;
const member = (income: string) => ({
  role: "APPLICANT",
  firstName: "Snap",
  lastName: "Shot",
  birthDate: "1980-04-04",
  residenceStatus: "LUXEMBOURG_NATIONAL",
  incomes: [{ kind: "NET_TAXABLE_INCOME", amount: income }],
});

describe(`application snapshots and records by reference (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.close());

  it("registerCandidate writes a snapshot whose id is the SHA-256 of its canonical input; a revision that changes an input writes a new one, one that changes none keeps it", async () => {
    const p = api.db.prisma;
    const reg = await api.gql("admin", REGISTER, {
      input: {
        address: "2, rue des Instantanés",
        municipalityCode: "esch-sur-alzette",
        incomeYear: 2025,
        introducedOn: "2026-03-02",
        motive: "EXCESSIVE_RENT",
        members: [member("21000.00")],
      },
    });
    expect(reg.body.data!.registerCandidate.userErrors).toEqual([]);
    const candidateId = decode(reg.body.data!.registerCandidate.candidate.id);
    const app = await p.application.findFirstOrThrow({ where: { candidateId }, include: { snapshot: true } });
    expect(app.snapshot).not.toBeNull();
    const s = app.snapshot!;
    // The kernel's canonical form and its pure SHA-256 give the stored id.
    expect(seal(JSON.parse(s.canonical)).canonical).toBe(s.canonical);
    expect(sha256Hex(s.canonical)).toBe(s.hash);
    expect(JSON.parse(s.canonical).household.members[0].annualNetIncome).toBe("21000");
    expect(s.applicationId).toBe(app.id);

    const revise = (income: string) =>
      api.gql("admin", REVISE, {
        input: { candidateId: reg.body.data!.registerCandidate.candidate.id, revisedOn: "2026-10-01", incomeYear: 2025, members: [member(income)] },
      });
    expect((await revise("24000.00")).body.data!.reviseCandidate.userErrors).toEqual([]);
    const revised = await p.application.findUniqueOrThrow({ where: { id: app.id } });
    expect(revised.snapshotHash).not.toBe(s.hash);
    expect(
      JSON.parse((await p.applicationSnapshot.findUniqueOrThrow({ where: { hash: revised.snapshotHash! } })).canonical).household.members[0].annualNetIncome,
    ).toBe("24000");
    // The first snapshot is kept, unchanged (a record may reference it).
    expect((await p.applicationSnapshot.findUniqueOrThrow({ where: { hash: s.hash } })).canonical).toBe(s.canonical);
    // Back to the first income: member ids are new, so a new hash — but the same input twice gives the same hash.
    expect((await revise("24000.00")).body.data!.reviseCandidate.userErrors).toEqual([]);
    const again = await p.application.findUniqueOrThrow({ where: { id: app.id } });
    const snapAgain = await p.applicationSnapshot.findUniqueOrThrow({ where: { hash: again.snapshotHash! } });
    expect(sha256Hex(snapAgain.canonical)).toBe(again.snapshotHash);
    // A change written outside the register's mutations clears the pointer (trigger); the next ranking snapshots it again.
    await p.candidate.update({ where: { id: candidateId }, data: { municipalityId: "luxembourg" } });
    expect((await p.application.findUniqueOrThrow({ where: { id: app.id } })).snapshotHash).toBeNull();
  });

  it("the record references the candidates' snapshots by hash; verifyShortlist replays from them and detects a changed snapshot row (a changed record: shortlist.test.ts)", async () => {
    const p = api.db.prisma;
    const f = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2));
    const r = await compute(api, "landlordA", f, "2026-11-05", 10);
    expect(r.computation.rankedCount).toBeGreaterThan(0);
    const view = await recordView(p, decode(f));
    expect(view.schema).toBe("abordable.allocation.shortlist/2");
    expect(view.candidates.length).toBeGreaterThanOrEqual(r.computation.rankedCount);
    const current = await p.application.findMany({
      where: { id: { in: view.result.ranking.map((x) => x.candidateId) } },
      select: { id: true, snapshotHash: true },
    });
    const byApp = new Map(current.map((a) => [a.id, a.snapshotHash]));
    for (const c of view.candidates.filter((c) => byApp.has(c.candidateId))) expect(c.snapshot).toBe(byApp.get(c.candidateId));
    // The kept entries are the record's first ranks.
    const entries = await p.allocationFileCandidate.findMany({ where: { allocationFileId: decode(f) }, orderBy: { rank: "asc" } });
    expect(entries.map((e) => e.applicationId)).toEqual(view.result.ranking.slice(0, entries.length).map((x) => x.candidateId));

    const ok = (await api.gql("landlordA", VERIFY, { input: { allocationFileId: f } })).body.data!.verifyShortlist.verification;
    expect(ok).toMatchObject({
      storedHashMatches: true,
      sameRanking: true,
      reproducible: true,
      snapshotsIntact: true,
      snapshotCount: view.candidates.length,
      rankedCount: r.computation.rankedCount,
    });

    // A snapshot row altered: the best-ranked household's incomes raised in place (now over the annex II ceiling).
    const top = view.candidates.find((c) => c.candidateId === view.result.ranking[0]!.candidateId)!;
    const row = await p.applicationSnapshot.findUniqueOrThrow({ where: { hash: top.snapshot! } });
    const altered = row.canonical.replace(/"annualNetIncome":"[0-9.]+"/g, '"annualNetIncome":"990000"');
    expect(altered).not.toBe(row.canonical);
    await p.$executeRaw`UPDATE "ApplicationSnapshot" SET canonical = ${altered} WHERE hash = ${row.hash}`;
    const tampered = (await api.gql("landlordA", VERIFY, { input: { allocationFileId: f } })).body.data!.verifyShortlist.verification;
    expect(tampered.snapshotsIntact).toBe(false);
    expect(tampered.reproducible).toBe(false);
    expect(tampered.sameRanking).toBe(false);
    await p.$executeRaw`UPDATE "ApplicationSnapshot" SET canonical = ${row.canonical} WHERE hash = ${row.hash}`;
    expect((await api.gql("landlordA", VERIFY, { input: { allocationFileId: f } })).body.data!.verifyShortlist.verification.reproducible).toBe(true);
  });

  it("on a generated register, the ranking from snapshots is the whole-register ranking (ranks, totals, kept breakdowns)", async () => {
    const p = api.db.prisma;
    // 300 generated candidates (varied incomes, sizes, ages, residence, situations) on top of the seed.
    const template = await p.candidate.findFirstOrThrow({ where: { applications: { some: { status: "ACTIVE" } } } });
    const n = 300;
    const id = (k: number, i: number) => `00000000-0000-4000-${k}000-${String(i).padStart(12, "0")}`;
    const statuses = ["LUXEMBOURG_NATIONAL", "EU_RESIDENCE_RIGHT", "NONE", "INTERNATIONAL_PROTECTION"] as const;
    await p.candidate.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        ...template,
        id: id(8, i),
        registerNumber: `SNAP-${i}`,
        email: null,
        residenceStatus: statuses[i % 4]!,
        residentSince: new Date(i % 7 === 0 ? "2026-10-01" : "2016-01-01"),
        createdAt: undefined,
        updatedAt: undefined,
      })),
    });
    await p.household.createMany({
      data: Array.from({ length: n }, (_, i) => ({ id: id(9, i), candidateId: id(8, i), incomeYear: 2025, memberCount: 1 + (i % 4) })),
    });
    await p.householdMember.createMany({
      data: Array.from({ length: n }, (_, i) => [
        {
          householdId: id(9, i),
          role: "APPLICANT" as const,
          firstName: "Gen",
          lastName: `G${i}`,
          birthDate: new Date(`${1950 + (i % 55)}-0${1 + (i % 9)}-15`),
          annualNetIncome: String(12000 + ((i * 7919) % 60000)),
          holdsOtherDwellingRight: i % 23 === 0,
          workplaceMunicipalityId: i % 3 === 0 ? template.municipalityId : null,
        },
        ...Array.from({ length: i % 4 }, (_, j) => ({
          householdId: id(9, i),
          role: "CHILD" as const,
          firstName: "Kid",
          lastName: `G${i}-${j}`,
          birthDate: new Date(`${2008 + j * 3}-06-0${1 + j}`),
          isDependent: j !== 2,
        })),
      ]).flat(),
    });
    await p.application.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        candidateId: id(8, i),
        registeredOn: new Date(`${2019 + (i % 7)}-0${1 + (i % 9)}-01`),
        motive: "EXCESSIVE_RENT" as const,
        ...(i % 2 ? { situation: { title: i % 4 === 1 ? "HOMELESS" : "FIXED_TERM_LEASE", currentMonthlyRent: "1100.00", evaluatedOn: "2026-02-01" } } : {}),
      })),
    });
    const rank = async (snapshots: boolean) => {
      const f = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2));
      if (!snapshots) process.env.ABORDABLE_SHORTLIST_SNAPSHOTS = "off";
      try {
        const r = await compute(api, "landlordA", f, "2026-11-05", 20);
        const view = await recordView(p, decode(f));
        const kept = await p.allocationFileCandidate.findMany({
          where: { allocationFileId: decode(f) },
          orderBy: { rank: "asc" },
          select: { applicationId: true, rank: true, score: true, scoreBreakdown: true },
        });
        return { r, view, kept };
      } finally {
        delete process.env.ABORDABLE_SHORTLIST_SNAPSHOTS;
      }
    };
    const whole = await rank(false);
    const fromSnapshots = await rank(true);
    const again = await rank(true); // precomputed rows read back
    expect(whole.view.schema).toBe("abordable.allocation.shortlist/1");
    expect(fromSnapshots.view.schema).toBe("abordable.allocation.shortlist/2");
    expect(whole.r.computation.rankedCount).toBeGreaterThan(100);
    for (const other of [fromSnapshots, again]) {
      expect(other.view.result.ranking.map((x) => [x.candidateId, x.total, x.rank])).toEqual(
        whole.view.result.ranking.map((x) => [x.candidateId, x.total, x.rank]),
      );
      expect(other.r.computation.invalidHouseholds).toBe(whole.r.computation.invalidHouseholds);
      expect(other.kept).toEqual(whole.kept);
      // Everyone left out or excluded is excluded by the whole-register path too.
      const excludedWhole = new Set(whole.view.result.excluded.map((e) => e.candidateId));
      for (const e of other.view.result.excluded) expect(excludedWhole.has(e.candidateId)).toBe(true);
    }
    console.log(
      `generated register: ${whole.r.computation.rankedCount} ranked; record ${whole.r.computation.recordBytes} B gzip (whole register) vs ${fromSnapshots.r.computation.recordBytes} B (by reference)`,
    );
  });
});
