/**
 * Seed extension of the tenancy capability (deterministic, fictional), dated around SEED_ON
 * (2026-11-15, the core seed's latest date) so that deadlines exist in the next 90 days:
 * - rent computations (art. 60, annex III, regime LAW) for leases allocated since 2025-07-01: the
 *   lease's rent becomes the computed one, with an ALLOCATION rent setting;
 * - deposits (bill art. 63bis) with schedules and payments for a share of leases started since
 *   2024, with their entry inventories; some installments missed;
 * - per landlord, exits with the keys returned: one whose first half is due soon, one with sums
 *   withheld and the charge statements received (balance due soon), one overdue after a formal
 *   notice (late increase);
 * - per landlord, rehousing cases: under-occupancy with two refused offers (lease ends of right six
 *   months after the second), the same with a tenant over 70 (protected) when one exists, a pending
 *   offer, and a typology mismatch without offer (bill: three years to offer);
 * - dedicated leases: a young tenant about to turn 32, an employee whose job ended, a student whose
 *   enrolment ended (Lease.endFacts).
 */
import { addDays, addMonths, ageOn, dateOfIso, isoOfDate } from "@abordable/domain";
import type { PrismaClient, Prisma } from "../generated/prisma/client.js";
import type { SeedScale } from "../config.js";
import { Random } from "./random.js";
import { computeRent, rentDwellingOf, rentIncome } from "../tenancy/adapters/rent.js";
import { memberOf } from "../allocation/adapters/common.js";

export const SEED_ON = "2026-11-15";
const DEPOSIT = "3000.00";
// Dates through the law kernel's calendar (one implementation, issue 17).
const date = dateOfIso;
const iso = isoOfDate;

const INCLUDE = { dwelling: true, accommodationUnit: true, household: { include: { members: true } } } satisfies Prisma.LeaseInclude;
type Row = Prisma.LeaseGetPayload<{ include: typeof INCLUDE }>;

/** Installments of 3,000 EUR in whole cents, the remainder on the last, every `step` months from entry. */
function schedule(startsOn: string, n: number): { dueOn: string; amount: string }[] {
  const step = n === 1 ? 0 : Math.floor(23 / (n - 1));
  const each = Math.floor(300_000 / n);
  return Array.from({ length: n }, (_, i) => {
    const cents = i === n - 1 ? 300_000 - each * (n - 1) : each;
    return { dueOn: addMonths(startsOn, i * step), amount: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}` };
  });
}

export async function seedTenancy(prisma: PrismaClient, _scale: SeedScale): Promise<void> {
  const rnd = new Random(0x7e4a);
  const leases = await prisma.lease.findMany({ where: { status: "ACTIVE" }, include: INCLUDE, orderBy: { id: "asc" } });
  const landlordDwellings = await prisma.dwelling.findMany({ select: { id: true, landlordId: true, bedrooms: true, type: true }, orderBy: { id: "asc" } });
  const used = new Set<string>();
  const byLandlord = new Map<string, Row[]>();
  for (const l of leases) byLandlord.set(l.landlordId, [...(byLandlord.get(l.landlordId) ?? []), l]);

  await prisma.$transaction(
    async (tx) => {
      // Rent computations for recent allocations (art. 60-61).
      for (const l of leases) {
        const startsOn = iso(l.startsOn);
        if (startsOn < "2025-07-01" || !rnd.chance(0.6)) continue;
        try {
          const record = computeRent(
            {
              annualNetDisposableIncome: rentIncome({ members: l.household.members.map((m) => memberOf(m, startsOn, {})) }, startsOn, { regime: "LAW" }),
              household: { birthDates: l.household.members.map((m) => iso(m.birthDate)) },
              dwelling: rentDwellingOf(l.dwelling, startsOn, l.accommodationUnit?.usefulArea),
            },
            startsOn,
            { regime: "LAW" },
          );
          await tx.lease.update({ where: { id: l.id }, data: { monthlyRent: record.netMonthly, rentComputation: record as never } });
          await tx.rentRevision.create({
            data: {
              id: rnd.uuid(),
              leaseId: l.id,
              reason: "ALLOCATION",
              effectiveFrom: l.startsOn,
              monthlyRent: record.netMonthly,
              computation: record as never,
            },
          });
          l.monthlyRent = record.netMonthly as never;
        } catch {
          // A household the table cannot type (no member aged 14 or more): rent left as seeded.
        }
      }

      const payments: Prisma.DepositPaymentCreateManyInput[] = [];
      const inventories: Prisma.InventoryCreateManyInput[] = [];
      const openDeposit = async (l: Row, n: number, missChance: number) => {
        const startsOn = iso(l.startsOn);
        const id = rnd.uuid();
        const plan = schedule(startsOn, n);
        await tx.deposit.create({ data: { id, leaseId: l.id, holderId: l.landlordId, amount: DEPOSIT, agreedOn: l.startsOn, schedule: plan } });
        for (const i of plan)
          if (i.dueOn <= SEED_ON && !rnd.chance(missChance))
            payments.push({ id: rnd.uuid(), depositId: id, paidOn: date(addDays(i.dueOn, rnd.int(0, 5))), amount: i.amount });
        inventories.push({ id: rnd.uuid(), leaseId: l.id, kind: "ENTRY", doneOn: l.startsOn, notes: "État des lieux d'entrée contradictoire." });
        used.add(l.id);
        return id;
      };

      for (const [landlordId, own] of byLandlord) {
        const candidates = own.filter((l) => !l.accommodationUnitId);
        // Exits with the keys returned (bill art. 63bis §2).
        const exitable = candidates.filter((l) => iso(l.startsOn) >= "2024-01-01" && iso(l.startsOn) <= "2025-06-30" && !l.rentComputation);
        const exits = [
          { keys: addDays(SEED_ON, -20), matches: true, withheld: null, statements: null, notice: null },
          {
            keys: addDays(SEED_ON, -60),
            matches: false,
            withheld: [{ amount: "450.00", reason: "Dégradations constatées à l'état des lieux de sortie (porte de cuisine, peinture)." }],
            statements: addDays(SEED_ON, -35),
            notice: null,
          },
          { keys: addDays(SEED_ON, -75), matches: true, withheld: null, statements: null, notice: addDays(SEED_ON, -30) },
        ];
        for (const [k, e] of exits.entries()) {
          const l = exitable[k];
          if (!l) break;
          const depositId = await openDeposit(l, 1, 0);
          await tx.deposit.update({
            where: { id: depositId },
            data: {
              keysReturnedOn: date(e.keys),
              ...(e.withheld ? { withheld: e.withheld } : {}),
              ...(e.statements ? { chargeStatementsOn: date(e.statements) } : {}),
              ...(e.notice ? { formalNoticeOn: date(e.notice) } : {}),
            },
          });
          inventories.push({
            id: rnd.uuid(),
            leaseId: l.id,
            kind: "EXIT",
            doneOn: date(e.keys),
            matchesEntry: e.matches,
            notes: e.matches ? "Conforme à l'état des lieux d'entrée." : "Dégradations relevées.",
          });
          await tx.lease.update({ where: { id: l.id }, data: { status: "ENDED", endsOn: date(e.keys) } });
          await tx.dwelling.update({ where: { id: l.dwellingId }, data: { status: "VACANT" } });
        }

        // Rehousing (art. 66-67).
        const members = (l: Row) => l.household.members;
        const underOccupied = candidates.filter((l) => !used.has(l.id) && l.dwelling.bedrooms >= members(l).length + 1);
        const over70 = (l: Row) => members(l).some((m) => (m.role === "APPLICANT" || m.role === "PARTNER") && ageOn(iso(m.birthDate), "2026-06-19") > 70);
        const disabled = (l: Row) => members(l).some((m) => m.hasDisability);
        const fitting = (l: Row) =>
          landlordDwellings.filter(
            (d) => d.landlordId === landlordId && d.id !== l.dwellingId && d.type !== "SHARED_DWELLING" && d.bedrooms < members(l).length + 1,
          );
        const twoRefusals = async (l: Row, knownOn: string, protectedCase: boolean) => {
          const offered = fitting(l);
          if (offered.length < 2) return false;
          const caseId = rnd.uuid();
          await tx.rehousingCase.create({ data: { id: caseId, leaseId: l.id, reason: "UNDER_OCCUPANCY", knownOn: date(knownOn) } });
          await tx.rehousingOffer.createMany({
            data: [
              {
                id: rnd.uuid(),
                caseId,
                dwellingId: offered[0]!.id,
                noticeOn: date("2026-02-02"),
                outcome: "REFUSED_UNJUSTIFIED",
                respondedOn: date("2026-02-20"),
              },
              {
                id: rnd.uuid(),
                caseId,
                dwellingId: offered[1]!.id,
                noticeOn: date("2026-06-01"),
                outcome: "REFUSED_UNJUSTIFIED",
                respondedOn: date("2026-06-19"),
              },
            ],
          });
          if (!protectedCase) {
            // Art. 67 §1 al. 4: ends of right six months after notice of the second offer.
            await tx.leaseTermination.create({
              data: {
                id: rnd.uuid(),
                leaseId: l.id,
                ground: "REHOUSING_REFUSALS",
                regime: "LAW",
                noticeOn: date("2026-06-01"),
                effectiveOn: date("2026-12-01"),
                evidence: "2 refused rehousing offers (UNDER_OCCUPANCY)",
                computation: { seeded: true, rule: "law art. 67 §1 al. 4", terminationOn: "2026-12-01" },
              },
            });
            await tx.lease.update({ where: { id: l.id }, data: { endsOn: date("2026-12-01") } });
          }
          used.add(l.id);
          return true;
        };
        const notProtected = underOccupied.find((l) => !over70(l) && !disabled(l));
        if (notProtected) await twoRefusals(notProtected, "2025-11-03", false);
        const senior = underOccupied.find((l) => !used.has(l.id) && over70(l));
        if (senior) await twoRefusals(senior, "2025-10-06", true);
        const pending = candidates.find((l) => !used.has(l.id) && fitting(l).length > 0);
        if (pending) {
          const caseId = rnd.uuid();
          await tx.rehousingCase.create({ data: { id: caseId, leaseId: pending.id, reason: "RENOVATION", knownOn: date("2026-09-01") } });
          await tx.rehousingOffer.create({ data: { id: rnd.uuid(), caseId, dwellingId: fitting(pending)[0]!.id, noticeOn: date("2026-10-20") } });
          used.add(pending.id);
        }
        const mismatch = candidates.find((l) => !used.has(l.id) && l.dwelling.bedrooms + 1 < members(l).length);
        if (mismatch) {
          await tx.rehousingCase.create({ data: { id: rnd.uuid(), leaseId: mismatch.id, reason: "TYPOLOGY_MISMATCH", knownOn: date("2023-12-20") } });
          used.add(mismatch.id);
        }

        // Dedicated leases (art. 69 §2).
        const young = own.filter((l) => !used.has(l.id) && l.dwelling.dedicatedSubCategory === "YOUNG_PEOPLE");
        for (const [k, l] of young.entries()) {
          const applicant = members(l).find((m) => m.role === "APPLICANT");
          if (!applicant) continue;
          // The first is about to turn 32; the others are young people of 22 to 30.
          const birth =
            k === 0
              ? addDays(`${Number(SEED_ON.slice(0, 4)) - 32}${SEED_ON.slice(4)}`, 45)
              : `${rnd.int(1996, 2004)}${iso(applicant.birthDate).slice(4)}`.replace("-02-29", "-02-28");
          if (k > 0 && ageOn(iso(applicant.birthDate), SEED_ON) < 31) continue;
          await tx.householdMember.update({ where: { id: applicant.id }, data: { birthDate: date(birth) } });
          await tx.candidate.update({ where: { id: l.household.candidateId }, data: { birthDate: date(birth) } });
          used.add(l.id);
        }
        const employee = own.find((l) => !used.has(l.id) && l.dwelling.dedicatedSubCategory === "EMPLOYEES");
        if (employee) {
          await tx.lease.update({
            where: { id: employee.id },
            data: { endFacts: { jobEndedOn: addDays(SEED_ON, -20), employerNeedsDwelling: true, economicDismissal: false } },
          });
          used.add(employee.id);
        }
        const student = own.find((l) => !used.has(l.id) && l.dwelling.dedicatedSubCategory === "STUDENTS");
        if (student) {
          await tx.lease.update({ where: { id: student.id }, data: { endFacts: { enrolmentEndedOn: "2026-09-30" } } });
          used.add(student.id);
        }
      }

      // Deposits for a share of the leases started since 2024 (schedules of 1 to 12 installments).
      for (const l of leases) {
        if (used.has(l.id) || iso(l.startsOn) < "2024-01-01" || !rnd.chance(0.35)) continue;
        await openDeposit(l, rnd.pick([1, 3, 6, 12]), 0.08);
      }
      await tx.depositPayment.createMany({ data: payments });
      await tx.inventory.createMany({ data: inventories });
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}
