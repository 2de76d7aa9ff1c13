/**
 * The rental deposit (bill art. 63bis) through HTTP: schedule, payments (with concurrent payments
 * on one deposit), the keys' return, the half and balance time limits and the late increase.
 */
import { Dec, roundMoney } from "@abordable/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { gql, signNewLease } from "./fixtures.js";

const AGREE = `mutation($input: AgreeDepositScheduleInput!) { agreeDepositSchedule(input: $input) { deposit { id amount schedule { dueOn amount } } userErrors { field code rule message } } }`;
const PAY = `mutation($input: RecordDepositPaymentInput!) { recordDepositPayment(input: $input) { deposit { balance(asOf: "2027-12-31") { paid outstanding } } userErrors { field code rule message } } }`;
const INVENTORY = `mutation($input: RecordInventoryInput!) { recordInventory(input: $input) { inventory { kind matchesEntry } userErrors { field code message } } }`;
const KEYS = `mutation($input: RecordKeysReturnedInput!) { recordKeysReturned(input: $input) { lease { status endsOn } deposit { keysReturnedOn } userErrors { field code message } } }`;
const RETURN = `mutation($input: RecordDepositReturnInput!) { recordDepositReturn(input: $input) { userErrors { field code message } } }`;
const EXIT = `query($id: ID!, $asOf: Date!) { node(id: $id) { ... on Lease { deposit { balance(asOf: $asOf) { paid held outstanding overdue latestFullPaymentOn nextInstallment { dueOn amount } }
  exitStatement(asOf: $asOf) { held dueToTenant latePenalty items { kind dueBy amount status latePeriods latePenalty reference { citation } } } } } } }`;

const rid = (globalId: string) => Buffer.from(globalId, "base64").toString().split(":")[1]!;

describe(`rental deposit, bill art. 63bis (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ bill8535EntryIntoForce: "2024-01-01" });
  });
  afterAll(async () => api?.close());

  it("art63bis_1: a schedule ending more than two years after entry, or not adding up to 3,000 EUR, is refused citing the bill", async () => {
    const { leaseId } = await signNewLease(api, {
      members: [{ birthDate: "1990-01-01", income: "30000.00" }],
      dwelling: { bedrooms: 1 },
      startsOn: "2026-01-15",
    });
    const late = await gql(api, "landlordA", AGREE, {
      input: {
        leaseId,
        agreedOn: "2026-01-15",
        schedule: [
          { dueOn: "2026-01-15", amount: "1500.00" },
          { dueOn: "2028-01-16", amount: "1500.00" },
        ],
      },
    });
    expect(late.agreeDepositSchedule.deposit).toBeNull();
    expect(late.agreeDepositSchedule.userErrors).toEqual([
      expect.objectContaining({ field: ["input", "schedule", "1", "dueOn"], code: "RULE_VIOLATION", rule: "bill 8535 art. 38 (→ art. 63bis §1 al. 2)" }),
    ]);
    expect(late.agreeDepositSchedule.userErrors[0].message).toMatch(/after 2028-01-15/);
    const short = await gql(api, "landlordA", AGREE, { input: { leaseId, agreedOn: "2026-01-15", schedule: [{ dueOn: "2026-01-15", amount: "2000.00" }] } });
    expect(short.agreeDepositSchedule.userErrors[0]).toMatchObject({
      field: ["input", "schedule"],
      code: "RULE_VIOLATION",
      rule: "bill 8535 art. 38 (→ art. 63bis §1 al. 1)",
    });
    const law = await gql(api, "landlordA", AGREE, {
      input: { leaseId, agreedOn: "2026-01-15", schedule: [{ dueOn: "2026-01-15", amount: "3000.00" }], regime: "LAW" },
    });
    expect(law.agreeDepositSchedule.userErrors[0]).toMatchObject({ code: "RULE_VIOLATION" });
    expect(await api.db.prisma.deposit.count({ where: { leaseId: rid(leaseId) } })).toBe(0);
    const ok = await gql(api, "landlordA", AGREE, {
      input: {
        leaseId,
        agreedOn: "2026-01-15",
        schedule: [
          { dueOn: "2026-01-15", amount: "1000.00" },
          { dueOn: "2028-01-15", amount: "2000.00" },
        ],
      },
    });
    expect(ok.agreeDepositSchedule.userErrors).toEqual([]);
    expect(ok.agreeDepositSchedule.deposit.schedule).toEqual([
      { dueOn: "2026-01-15", amount: "1000.00" },
      { dueOn: "2028-01-15", amount: "2000.00" },
    ]);
  });

  it("art63bis_2: payments, then the first half within a month of the keys, the balance within three months of the statements, +10 % of the last rent per month begun late after formal notice", async () => {
    const { leaseId, lease } = await signNewLease(api, {
      members: [{ birthDate: "1984-01-01", income: "30000.00" }],
      dwelling: { bedrooms: 1 },
      startsOn: "2025-03-01",
    });
    const rent = lease.monthlyRent as string;
    await gql(api, "landlordA", AGREE, {
      input: {
        leaseId,
        agreedOn: "2025-03-01",
        schedule: [
          { dueOn: "2025-03-01", amount: "1000.00" },
          { dueOn: "2025-09-01", amount: "1000.00" },
          { dueOn: "2026-03-01", amount: "1000.00" },
        ],
      },
    });
    const p1 = await gql(api, "landlordA", PAY, { input: { leaseId, paidOn: "2025-03-01", amount: "1000.00" } });
    expect(p1.recordDepositPayment.deposit.balance).toEqual({ paid: "1000.00", outstanding: "2000.00" });
    const mid = await gql(api, "landlordA", EXIT, { id: leaseId, asOf: "2025-10-01" });
    expect(mid.node.deposit.balance).toEqual({
      paid: "1000.00",
      held: "1000.00",
      outstanding: "2000.00",
      overdue: "1000.00",
      latestFullPaymentOn: "2027-03-01",
      nextInstallment: { dueOn: "2025-09-01", amount: "1000.00" },
    });
    expect(mid.node.deposit.exitStatement).toBeNull();
    await gql(api, "landlordA", PAY, { input: { leaseId, paidOn: "2025-10-05", amount: "1000.00" } });
    const p3 = await gql(api, "landlordA", PAY, { input: { leaseId, paidOn: "2026-03-01", amount: "1000.00" } });
    expect(p3.recordDepositPayment.deposit.balance).toEqual({ paid: "3000.00", outstanding: "0.00" });
    const over = await gql(api, "landlordA", PAY, { input: { leaseId, paidOn: "2026-03-02", amount: "0.01" } });
    expect(over.recordDepositPayment.userErrors[0]).toMatchObject({
      field: ["input", "amount"],
      code: "RULE_VIOLATION",
      rule: "bill 8535 art. 38 (→ art. 63bis §1)",
    });

    expect(
      (await gql(api, "landlordA", INVENTORY, { input: { leaseId, kind: "EXIT", doneOn: "2026-09-30", matchesEntry: true } })).recordInventory.userErrors[0]
        .code,
    ).toBe("INVALID_STATE");
    await gql(api, "landlordA", INVENTORY, { input: { leaseId, kind: "ENTRY", doneOn: "2025-03-01" } });
    await gql(api, "landlordA", INVENTORY, { input: { leaseId, kind: "EXIT", doneOn: "2026-09-30", matchesEntry: true } });
    const keys = await gql(api, "landlordA", KEYS, { input: { leaseId, keysReturnedOn: "2026-09-30" } });
    expect(keys.recordKeysReturned.lease).toEqual({ status: "ENDED", endsOn: "2026-09-30" });

    // On 2026-10-15: first half (1,500) due 2026-10-30, statements to request by 2026-10-30, balance waits for the statements.
    const s1 = (await gql(api, "landlordA", EXIT, { id: leaseId, asOf: "2026-10-15" })).node.deposit.exitStatement;
    expect(s1.items).toEqual([
      expect.objectContaining({
        kind: "FIRST_HALF_RETURN",
        dueBy: "2026-10-30",
        amount: "1500.00",
        status: "PENDING",
        latePenalty: "0.00",
        reference: { citation: "bill 8535 art. 38 (→ art. 63bis §2 al. 2)" },
      }),
      expect.objectContaining({ kind: "CHARGE_STATEMENTS_REQUEST", dueBy: "2026-10-30", status: "PENDING" }),
      expect.objectContaining({ kind: "BALANCE_RETURN", dueBy: null, amount: "1500.00", status: "WAITING_FOR_TRIGGER" }),
    ]);
    expect(s1.dueToTenant).toBe("3000.00");

    // Statements received on 2026-11-10 (balance due 2027-02-10); formal notice on 2026-11-05; nothing returned by 2027-01-10.
    await gql(api, "landlordA", RETURN, { input: { leaseId, chargeStatementsOn: "2026-11-10", formalNoticeOn: "2026-11-05" } });
    const s2 = (await gql(api, "landlordA", EXIT, { id: leaseId, asOf: "2027-01-10" })).node.deposit.exitStatement;
    const half = s2.items.find((i: any) => i.kind === "FIRST_HALF_RETURN");
    const balance = s2.items.find((i: any) => i.kind === "BALANCE_RETURN");
    // Late from max(2026-10-31, 2026-11-05) = 2026-11-05: periods begun up to 2027-01-10 → 11-05, 12-05, 01-05 = 3; 3 × 10 % × rent.
    const penalty = roundMoney(new Dec(rent).times("0.10").times(3)).toFixed(2);
    expect(half).toMatchObject({ status: "OVERDUE", latePeriods: 3, latePenalty: penalty });
    expect(balance).toMatchObject({ dueBy: "2027-02-10", status: "PENDING", amount: "1500.00", latePenalty: "0.00" });
    expect(s2.latePenalty).toBe(half.latePenalty);
    expect(s2.dueToTenant).toBe(new Dec("3000").plus(penalty).toFixed(2));

    // Returned late on 2027-01-12 (still 3 periods), balance in time: only the increase on the half remains due.
    await gql(api, "landlordA", RETURN, { input: { leaseId, firstHalfReturnedOn: "2027-01-12", balanceReturnedOn: "2027-02-01" } });
    const s3 = (await gql(api, "landlordA", EXIT, { id: leaseId, asOf: "2027-02-15" })).node.deposit.exitStatement;
    expect(s3.items.map((i: any) => i.status)).toEqual(["DONE_LATE", "OVERDUE", "DONE"]);
    expect(s3.dueToTenant).toBe(half.latePenalty);
  });

  it("concurrency: two payments at once on one deposit are recorded exactly once each, or the second is refused cleanly; nothing half-written", async () => {
    const { leaseId } = await signNewLease(api, {
      members: [{ birthDate: "1984-01-01", income: "30000.00" }],
      dwelling: { bedrooms: 1 },
      startsOn: "2026-02-01",
    });
    await gql(api, "landlordA", AGREE, { input: { leaseId, agreedOn: "2026-02-01", schedule: [{ dueOn: "2026-02-01", amount: "3000.00" }] } });
    const depositId = (await api.db.prisma.deposit.findFirstOrThrow({ where: { leaseId: rid(leaseId) } })).id;
    const audits = () => api.db.prisma.auditEvent.count({ where: { action: "recordDepositPayment", entityId: depositId } });

    // 1,000 + 1,000 at once: both fit, both recorded exactly once.
    const both = await Promise.all([1, 2].map(() => api.gql("landlordA", PAY, { input: { leaseId, paidOn: "2026-02-01", amount: "1000.00" } })));
    for (const r of both) expect(r.body.data!.recordDepositPayment.userErrors).toEqual([]);
    let rows = await api.db.prisma.depositPayment.findMany({ where: { depositId } });
    expect(rows.map((r) => r.amount.toFixed(2))).toEqual(["1000.00", "1000.00"]);
    expect(await audits()).toBe(2);

    // 1,000 remain; 800 + 800 at once: exactly one is recorded, the other refused with the rule, nothing half-written.
    const race = await Promise.all([1, 2].map(() => api.gql("landlordA", PAY, { input: { leaseId, paidOn: "2026-02-02", amount: "800.00" } })));
    const errors = race.map((r) => r.body.data!.recordDepositPayment.userErrors);
    expect(errors.filter((e: any[]) => e.length === 0)).toHaveLength(1);
    expect(errors.find((e: any[]) => e.length > 0)![0]).toMatchObject({
      field: ["input", "amount"],
      code: "RULE_VIOLATION",
      message: expect.stringMatching(/Only 200.00 EUR/),
    });
    rows = await api.db.prisma.depositPayment.findMany({ where: { depositId } });
    expect(rows.reduce((s, r) => s.plus(r.amount.toFixed()), new Dec(0)).toFixed(2)).toBe("2800.00");
    expect(await audits()).toBe(3);
  });

  it("a sum withheld means no early half: the whole deposit less the justified sums comes back with the balance", async () => {
    const { leaseId } = await signNewLease(api, {
      members: [{ birthDate: "1984-01-01", income: "30000.00" }],
      dwelling: { bedrooms: 1 },
      startsOn: "2025-02-01",
    });
    await gql(api, "landlordA", AGREE, { input: { leaseId, agreedOn: "2025-02-01", schedule: [{ dueOn: "2025-02-01", amount: "3000.00" }] } });
    await gql(api, "landlordA", PAY, { input: { leaseId, paidOn: "2025-02-01", amount: "3000.00" } });
    await gql(api, "landlordA", KEYS, {
      input: { leaseId, keysReturnedOn: "2026-08-31", withheld: [{ amount: "450.00", reason: "Peinture du séjour à refaire" }] },
    });
    await gql(api, "landlordA", RETURN, { input: { leaseId, chargeStatementsOn: "2026-10-15" } });
    const s = (await gql(api, "landlordA", EXIT, { id: leaseId, asOf: "2026-11-01" })).node.deposit.exitStatement;
    expect(s.items.map((i: any) => [i.kind, i.dueBy, i.amount, i.status])).toEqual([
      ["FIRST_HALF_RETURN", null, "0.00", "NOT_DUE"],
      ["CHARGE_STATEMENTS_REQUEST", "2026-09-30", "0.00", "OVERDUE"],
      ["BALANCE_RETURN", "2027-01-15", "2550.00", "PENDING"],
    ]);
  });
});
