/**
 * Query.leaseDeadlines and tenant isolation of the tenancy surface, on the seeded data (tenancy seed
 * extension, dated around 2026-11-15) and on leases created here: exactly the deadlines in the
 * window, for the caller's leases only, in a number of SQL statements that does not grow with the
 * number of leases.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../src/generated/prisma/client.js";
import { gid, startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { gql, signNewLease } from "./fixtures.js";

const AS_OF = "2026-11-15";
const DEADLINES = `query($asOf: Date, $days: Int, $first: Int, $after: String) { leaseDeadlines(asOf: $asOf, withinDays: $days, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { kind date amountDue description reference { citation } lease { id status dwelling { reference } } } } } }`;

const iso = (d: Date) => d.toISOString().slice(0, 10);
function addMonths(s: string, n: number): string {
  const [y, m, d] = s.split("-").map((x) => parseInt(x, 10)) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${ty}-${String(tm).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}
const addDays = (s: string, n: number) => iso(new Date(Date.parse(`${s}T00:00:00Z`) + n * 86_400_000));
const rid = (g: string) => Buffer.from(g, "base64").toString().split(":")[1]!;

async function allDeadlines(api: TestApi, caller: "landlordA" | "landlordB" | "admin", asOf = AS_OF, days = 90) {
  const out: any[] = [];
  let after: string | null = null;
  do {
    const data: any = await gql(api, caller, DEADLINES, { asOf, days, first: 100, after });
    out.push(...data.leaseDeadlines.edges.map((e: any) => e.node));
    after = data.leaseDeadlines.pageInfo.hasNextPage ? data.leaseDeadlines.pageInfo.endCursor : null;
  } while (after);
  return out;
}

/**
 * An independent oracle for the seeded deadlines of one landlord in [AS_OF, AS_OF + 90]: plain
 * date arithmetic on the rows, rule by rule (bill in force since 2024-01-01).
 */
async function expectedDeadlines(api: TestApi, landlordId: string): Promise<string[]> {
  const from = AS_OF;
  const to = addDays(AS_OF, 90);
  const inWindow = (d: string | null) => d !== null && d >= from && d <= to;
  const out: string[] = [];
  const leases = await api.db.prisma.lease.findMany({
    where: { landlordId },
    include: {
      deposit: { include: { payments: true } },
      inventories: true,
      revisions: true,
      rehousingCases: { include: { offers: { orderBy: { noticeOn: "asc" } } } },
      dwelling: true,
      household: { include: { members: true } },
      terminations: true,
    },
  });
  for (const l of leases) {
    const add = (kind: string, date: string | null) => inWindow(date) && out.push(`${l.id} ${kind} ${date}`);
    const active = l.status === "ACTIVE";
    const dep = l.deposit;
    if (dep && !dep.keysReturnedOn) {
      const paid = dep.payments.reduce((s, p) => s.plus(p.amount.toFixed()), new Prisma.Decimal(0));
      let cumulative = new Prisma.Decimal(0);
      for (const i of dep.schedule as { dueOn: string; amount: string }[]) {
        cumulative = cumulative.plus(i.amount);
        if (cumulative.greaterThan(paid)) add("DEPOSIT_INSTALLMENT", i.dueOn);
      }
      if (paid.lessThan(dep.amount.toFixed())) add("DEPOSIT_FULL_PAYMENT", addMonths(iso(l.startsOn), 24));
    }
    if (dep?.keysReturnedOn) {
      const keys = iso(dep.keysReturnedOn);
      const matches = l.inventories.some((i) => i.kind === "EXIT" && i.matchesEntry === true);
      const withheld = Array.isArray(dep.withheld) && dep.withheld.length > 0;
      if (matches && !withheld && !dep.firstHalfReturnedOn) add("DEPOSIT_FIRST_HALF_RETURN", addMonths(keys, 1));
      add("DEPOSIT_CHARGE_STATEMENTS_REQUEST", addMonths(iso(l.endsOn ?? dep.keysReturnedOn), 1));
      if (dep.chargeStatementsOn && !dep.balanceReturnedOn) add("DEPOSIT_BALANCE_RETURN", addMonths(iso(dep.chargeStatementsOn), 3));
    }
    if (!active) continue;
    const allocation = l.revisions.find((r) => r.reason === "ALLOCATION");
    if (allocation) {
      let n = 1;
      while (addMonths(iso(allocation.effectiveFrom), 12 * n) < from) n += 1;
      add("ANNUAL_REVISION", addMonths(iso(allocation.effectiveFrom), 12 * n));
    }
    for (const c of l.rehousingCases) {
      if (c.closedOn) continue;
      if (c.offers.length === 0 && ["UNDER_OCCUPANCY", "TYPOLOGY_MISMATCH", "OTHER_LANDLORD_STOCK"].includes(c.reason)) {
        add("REHOUSING_OFFER_DUE", addMonths(iso(c.knownOn) > "2024-01-01" ? iso(c.knownOn) : "2024-01-01", 36));
      }
      const refused = c.offers.filter((o) => o.outcome === "REFUSED_UNJUSTIFIED");
      const over70 = l.household.members.some(
        (m) => (m.role === "APPLICANT" || m.role === "PARTNER") && iso(refused[1]?.respondedOn ?? new Date(0)) > addMonths(iso(m.birthDate), 70 * 12),
      );
      const disabled = l.household.members.some((m) => m.hasDisability);
      if (refused.length >= 2 && !(c.reason === "UNDER_OCCUPANCY" && (over70 || disabled))) add("REHOUSING_LEASE_END", addMonths(iso(refused[1]!.noticeOn), 6));
    }
    const applicant = l.household.members.find((m) => m.role === "APPLICANT");
    if (l.dwelling.dedicatedSubCategory === "YOUNG_PEOPLE" && applicant) add("LEASE_END", addMonths(iso(applicant.birthDate), 32 * 12));
    const f = (l.endFacts ?? {}) as Record<string, unknown>;
    if (l.dwelling.dedicatedSubCategory === "EMPLOYEES" && typeof f.jobEndedOn === "string" && f.employerNeedsDwelling === true && f.economicDismissal !== true)
      add("LEASE_END", addMonths(f.jobEndedOn, 3));
    if (l.dwelling.dedicatedSubCategory === "STUDENTS" && typeof f.enrolmentEndedOn === "string") add("LEASE_END", addMonths(f.enrolmentEndedOn, 3));
    for (const t of l.terminations)
      if (!out.some((o) => o.startsWith(`${l.id} REHOUSING_LEASE_END ${iso(t.effectiveOn)}`))) add("TERMINATION_EFFECTIVE", iso(t.effectiveOn));
  }
  return out.sort();
}

describe(`lease deadlines and tenant isolation (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ bill8535EntryIntoForce: "2024-01-01" });
  });
  afterAll(async () => api?.close());

  it("leaseDeadlines(withinDays: 90) lists exactly the seeded deadlines in the window, for the caller's leases only", async () => {
    for (const [caller, org] of [
      ["landlordA", "esch"],
      ["landlordB", "fonds"],
    ] as const) {
      const got = await allDeadlines(api, caller);
      const expected = await expectedDeadlines(api, api.orgIds[org]);
      expect(got.map((d) => `${rid(d.lease.id)} ${d.kind} ${d.date}`).sort()).toEqual(expected);
      const own = new Set((await api.db.prisma.lease.findMany({ where: { landlordId: api.orgIds[org] }, select: { id: true } })).map((l) => l.id));
      for (const d of got) expect(own.has(rid(d.lease.id))).toBe(true);
      const dates = got.map((d) => d.date);
      expect(dates).toEqual([...dates].sort());
    }
    const a = await allDeadlines(api, "landlordA");
    const kinds = new Set(a.map((d) => d.kind));
    // The seed gives Esch at least: deposit installments and returns, a rehousing end, an offer due, a young tenant's 32nd birthday.
    for (const k of ["DEPOSIT_INSTALLMENT", "DEPOSIT_FIRST_HALF_RETURN", "DEPOSIT_BALANCE_RETURN", "REHOUSING_LEASE_END", "REHOUSING_OFFER_DUE"])
      expect(kinds.has(k), k).toBe(true);
    const half = a.find((d) => d.kind === "DEPOSIT_FIRST_HALF_RETURN");
    expect(half).toMatchObject({ amountDue: "1500.00", reference: { citation: "bill 8535 art. 38 (→ art. 63bis §2 al. 2)" } });
    const admin = await allDeadlines(api, "admin");
    expect(admin.length).toBeGreaterThan(a.length);
    expect((await gql(api, "developer", DEADLINES, { asOf: AS_OF, days: 90, first: 10 })).leaseDeadlines.totalCount).toBe(0);
    const anonymous = await api.gql("anonymous", DEADLINES, { asOf: AS_OF, days: 90, first: 10 });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("a deadline created through the API appears in the window with what is due; outside the window it does not", async () => {
    const { leaseId } = await signNewLease(api, {
      members: [{ birthDate: "1990-01-01", income: "30000.00" }],
      dwelling: { bedrooms: 1 },
      startsOn: "2026-10-01",
    });
    const agree = await gql(
      api,
      "landlordA",
      `mutation($input: AgreeDepositScheduleInput!) { agreeDepositSchedule(input: $input) { userErrors { message } } }`,
      {
        input: {
          leaseId,
          agreedOn: "2026-10-01",
          schedule: [
            { dueOn: "2026-10-01", amount: "1000.00" },
            { dueOn: "2026-12-01", amount: "1000.00" },
            { dueOn: "2027-06-01", amount: "1000.00" },
          ],
        },
      },
    );
    expect(agree.agreeDepositSchedule.userErrors).toEqual([]);
    const mine = (await allDeadlines(api, "landlordA")).filter((d) => d.lease.id === leaseId).map((d) => [d.kind, d.date, d.amountDue]);
    // Nothing paid: the overdue first installment is before the window; 2026-12-01 is in it; 2027-06-01 and the full-payment date 2028-10-01 are after.
    expect(mine).toEqual([["DEPOSIT_INSTALLMENT", "2026-12-01", "1000.00"]]);
    expect((await allDeadlines(api, "landlordB")).some((d) => d.lease.id === leaseId)).toBe(false);
  });

  it("landlordB can neither see nor change landlordA's leases and deposits (null / NOT_FOUND)", async () => {
    const deposit = await api.db.prisma.deposit.findFirstOrThrow({ where: { holderId: api.orgIds.esch, keysReturnedOn: null } });
    const leaseId = gid("Lease", deposit.leaseId);
    const depositId = gid("Deposit", deposit.id);
    const read = `query($l: ID!, $d: ID!) { lease: node(id: $l) { id ... on Lease { deposit { id } } } deposit: node(id: $d) { id } }`;
    expect(await gql(api, "landlordA", read, { l: leaseId, d: depositId })).toEqual({
      lease: { id: leaseId, deposit: { id: depositId } },
      deposit: { id: depositId },
    });
    expect(await gql(api, "landlordB", read, { l: leaseId, d: depositId })).toEqual({ lease: null, deposit: null });
    expect((await gql(api, "analyst", read, { l: leaseId, d: depositId })).deposit).toEqual({ id: depositId });
    const c = await api.db.prisma.rehousingCase.findFirstOrThrow({ where: { lease: { landlordId: api.orgIds.esch } }, include: { offers: true } });
    expect((await gql(api, "landlordB", `query($id: ID!) { node(id: $id) { id } }`, { id: gid("RehousingCase", c.id) })).node).toBeNull();

    const attempts: [string, string, Record<string, unknown>, string][] = [
      ["recordDepositPayment", "RecordDepositPaymentInput", { leaseId, paidOn: "2026-11-01", amount: "10.00" }, "leaseId"],
      [
        "agreeDepositSchedule",
        "AgreeDepositScheduleInput",
        { leaseId, agreedOn: "2026-11-01", schedule: [{ dueOn: "2026-11-01", amount: "3000.00" }] },
        "leaseId",
      ],
      ["recordKeysReturned", "RecordKeysReturnedInput", { leaseId, keysReturnedOn: "2026-11-01" }, "leaseId"],
      ["transferDeposit", "TransferDepositInput", { leaseId, newLandlordId: gid("Organisation", api.orgIds.fonds), on: "2026-11-01" }, "leaseId"],
      ["terminateLease", "TerminateLeaseInput", { leaseId, ground: "UNPAID_RENT", noticeOn: "2026-11-01" }, "leaseId"],
      ["reviseRent", "ReviseRentInput", { leaseId, reason: "ANNUAL", receivedOn: "2026-11-01", annualNetDisposableIncome: "20000" }, "leaseId"],
      ["openRehousingCase", "OpenRehousingCaseInput", { leaseId, reason: "RENOVATION", knownOn: "2026-11-01" }, "leaseId"],
      [
        "recordRehousingOffer",
        "RecordRehousingOfferInput",
        { rehousingCaseId: gid("RehousingCase", c.id), dwellingId: gid("Dwelling", deposit.leaseId), noticeOn: "2026-11-01" },
        "rehousingCaseId",
      ],
      [
        "recordRehousingWaiver",
        "RecordRehousingWaiverInput",
        { rehousingCaseId: gid("RehousingCase", c.id), waivedOn: "2026-11-01", reasons: "motifs légitimes" },
        "rehousingCaseId",
      ],
      ["recordRentInformationRequest", "RecordRentInformationRequestInput", { leaseId, requestedOn: "2026-11-01" }, "leaseId"],
      ["recordLeaseEndFacts", "RecordLeaseEndFactsInput", { leaseId, unpaidRentFormalNoticeOn: "2026-11-01" }, "leaseId"],
      ["recordMedicalBedroomReason", "RecordMedicalBedroomReasonInput", { leaseId, documentedOn: "2026-11-01", evidence: "certificat" }, "leaseId"],
    ];
    const before = await api.db.prisma.auditEvent.count();
    for (const [name, type, input, field] of attempts) {
      const res = await gql(api, "landlordB", `mutation($input: ${type}!) { ${name}(input: $input) { userErrors { field code } } }`, { input });
      expect(res[name].userErrors, name).toEqual([{ field: ["input", field], code: "NOT_FOUND" }]);
    }
    expect(await api.db.prisma.auditEvent.count()).toBe(before);
    expect(await api.db.prisma.depositPayment.count({ where: { depositId: deposit.id, paidOn: new Date("2026-11-01T00:00:00Z") } })).toBe(0);
    const analyst = await api.gql("analyst", `mutation($input: RecordDepositPaymentInput!) { recordDepositPayment(input: $input) { userErrors { code } } }`, {
      input: { leaseId, paidOn: "2026-11-01", amount: "10.00" },
    });
    expect(analyst.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("counts SQL statements of leaseDeadlines: the same whatever the number of leases (one landlord, the whole register) and the page size", async () => {
    const count = async (caller: "landlordA" | "admin", first: number) => {
      await api.gql(caller, DEADLINES, { asOf: AS_OF, days: 90, first }); // warm up (key last-used write)
      const before = api.db.statementCount();
      const res = await api.gql(caller, DEADLINES, { asOf: AS_OF, days: 90, first });
      expect(res.body.errors).toBeUndefined();
      return { statements: api.db.statementCount() - before, leases: new Set(res.body.data!.leaseDeadlines.edges.map((e: any) => e.node.lease.id)).size };
    };
    const landlord = await count("landlordA", 5);
    const all = await count("admin", 100);
    const scopedLeases = await api.db.prisma.lease.count({ where: { landlordId: api.orgIds.esch } });
    const allLeases = await api.db.prisma.lease.count();
    console.log(
      `SQL statements for leaseDeadlines(withinDays: 90) with lease { dwelling } (${TEST_DATABASE_KIND}): landlordA (${scopedLeases} leases), page of 5 → ${landlord.statements}; ministry (${allLeases} leases), page of 100 over ${all.leases} leases → ${all.statements}`,
    );
    expect(all.leases).toBeGreaterThan(landlord.leases);
    expect(all.statements).toBe(landlord.statements);
    // More leases with deadlines for landlordA: still the same count.
    for (let i = 0; i < 3; i += 1) {
      const { leaseId } = await signNewLease(api, {
        members: [{ birthDate: "1990-01-01", income: "30000.00" }],
        dwelling: { bedrooms: 1 },
        startsOn: "2026-10-01",
      });
      await gql(api, "landlordA", `mutation($input: AgreeDepositScheduleInput!) { agreeDepositSchedule(input: $input) { userErrors { message } } }`, {
        input: { leaseId, agreedOn: "2026-10-01", schedule: [{ dueOn: "2026-12-01", amount: "3000.00" }] },
      });
    }
    expect((await count("landlordA", 100)).statements).toBe(landlord.statements);
  });
});
