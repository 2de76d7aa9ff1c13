/**
 * Law art. 55 §1 1° and 4° (bill 8535 art. 32: « au jour de l'introduction de la demande »): the
 * shortlist judges the applicant's majority and the residence condition on the day the
 * application was lodged (Application.registeredOn), the other conditions on the ranking day
 * (domain note: allocation.applicationDay). Worked case: an applicant 17 when the application
 * was lodged (1 June 2026) and 18 on the ranking day (5 November 2026) is not eligible, with the
 * lodging day named in the reason; the same applicant of age on the lodging day is ranked.
 */
import { recordView } from "./record-view.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { compute, openFile, vacantDwelling } from "./flow.js";

const decode = (id: string) => Buffer.from(id, "base64").toString().split(":")[1]!;

describe(`art. 55 §1 1° on the application day (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => api?.close());

  async function recordOf(fileId: string) {
    return recordView(api.db.prisma, decode(fileId));
  }

  it("an applicant under age on the day the application was lodged is excluded, even if of age on the ranking day; of age on that day, ranked", async () => {
    const p = api.db.prisma;
    const first = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2));
    await compute(api, "landlordA", first, "2026-11-05", 25);
    const ranked = await p.allocationFileCandidate.findFirstOrThrow({
      where: { allocationFileId: decode(first) },
      orderBy: { rank: "asc" },
      include: { application: { include: { candidate: { include: { household: { include: { members: true } } } } } } },
    });
    const app = ranked.application;
    const applicant = app.candidate.household!.members.find((m) => m.role === "APPLICANT")!;

    // Lodged on 1 June 2026 by an applicant born 1 September 2008: 17 that day, 18 on 5 November 2026.
    await p.application.update({ where: { id: app.id }, data: { registeredOn: new Date("2026-06-01T00:00:00Z") } });
    await p.householdMember.update({ where: { id: applicant.id }, data: { birthDate: new Date("2008-09-01T00:00:00Z") } });
    const second = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2));
    await compute(api, "landlordA", second, "2026-11-05", 25);
    const record = await recordOf(second);
    expect(record.result.ranking.map((r: { candidateId: string }) => r.candidateId)).not.toContain(app.id);
    // From the snapshots the application is left out where the data lives (its day's evaluation is not eligible);
    // the whole-register path records the reason.
    expect(record.candidates.map((c) => c.candidateId)).not.toContain(app.id);
    const whole = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2));
    process.env.ABORDABLE_SHORTLIST_SNAPSHOTS = "off";
    try {
      await compute(api, "landlordA", whole, "2026-11-05", 25);
    } finally {
      delete process.env.ABORDABLE_SHORTLIST_SNAPSHOTS;
    }
    const excluded = (await recordOf(whole)).result.excluded.find((e: { candidateId: string }) => e.candidateId === app.id);
    expect(JSON.stringify(excluded)).toMatch(/aged 17 on 2026-06-01 \(the day the application was lodged\)/);

    // Born a year earlier: 18 on the lodging day, ranked again.
    await p.householdMember.update({ where: { id: applicant.id }, data: { birthDate: new Date("2007-09-01T00:00:00Z") } });
    const third = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2));
    await compute(api, "landlordA", third, "2026-11-05", 25);
    expect((await recordOf(third)).result.ranking.map((r: { candidateId: string }) => r.candidateId)).toContain(app.id);
  });
});
