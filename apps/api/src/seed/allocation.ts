/**
 * Seed extension of the allocation capability (deterministic, fictional people): for every social
 * landlord an advisory commission on the Esch-sur-Alzette model (chair, a secretary who does not
 * vote, an external member, two expert members, an alternate), its methodology version 1 = the
 * domain's DEFAULT_METHODOLOGY approved on 1 January 2024; documented art. 57 §1 situations for a
 * share of the register's applications; a few sitting tenants to rehouse (art. 67 §3), each with
 * an open rehousing case giving its ground; and, for a couple of files per landlord, a past
 * proposal, commission meeting, favourable opinion and refused offer. Municipal coordinates (art. 58
 * al. 1 2°) are written by the core seed from seed/municipality-coordinates.ts, with their source.
 */
import { DEFAULT_METHODOLOGY, type CandidateSituation } from "@abordable/domain";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { SeedScale } from "../config.js";
import { Random } from "./random.js";
import type { Tx } from "../allocation/adapters/common.js";
import { ensureSnapshots } from "../allocation/adapters/snapshots.js";

const NAMES = [
  "Anne Kieffer",
  "Marc Thill",
  "Sandra Pereira",
  "Luc Weber",
  "Nadine Majerus",
  "Paul Reuter",
  "Sophie Faber",
  "Jeff Hoffmann",
  "Carla Gomes",
  "Yves Schroeder",
  "Monique Klein",
  "Tom Becker",
];
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** A documented situation of art. 57 §1 (fictional), with the day of the landlord's evaluation. */
function situation(rnd: Random): CandidateSituation & { evaluatedOn: string } {
  const title = rnd.weighted([
    ["OPEN_ENDED_LEASE", 30],
    ["FIXED_TERM_LEASE", 15],
    ["SUBLET", 8],
    ["HOSTED_FREE_OF_CHARGE", 12],
    ["INFORMAL_OR_ABUSIVE_SHARING", 6],
    ["EMERGENCY_SHELTER", 5],
    ["HOMELESS", 4],
    ["INSTITUTION_LEAVING", 3],
    ["SOCIAL_RENTAL_MANAGEMENT", 7],
    ["OTHER", 10],
  ] as const);
  const evaluatedOn = rnd.date("2025-06-01", "2026-06-30");
  const renting = title === "OPEN_ENDED_LEASE" || title === "FIXED_TERM_LEASE" || title === "SUBLET" || title === "SOCIAL_RENTAL_MANAGEMENT";
  return {
    title,
    evaluatedOn,
    ...(renting && rnd.chance(0.25) ? { terminationNotice: { endsOn: rnd.date("2026-07-01", "2027-06-30") } } : {}),
    ...(renting && rnd.chance(0.06)
      ? {
          evictionJudgment: {
            ground: rnd.weighted([
              ["GOOD_FAITH", 2],
              ["NON_PAYMENT", 1],
            ] as const),
          },
        }
      : {}),
    ...(rnd.chance(0.7) ? { currentBedrooms: rnd.int(0, 3) } : {}),
    ...(rnd.chance(0.6) ? { currentUsefulAreaM2: rnd.cents(18, 95) } : {}),
    insalubrity: rnd.weighted([
      ["NONE", 85],
      ["MINOR", 9],
      ["SERIOUS", 5],
      ["ADMINISTRATIVE_CLOSURE", 1],
    ] as const),
    ...(rnd.chance(0.05) ? { unsuitedForDisabledMember: true } : {}),
    ...(renting ? { currentMonthlyRent: rnd.cents(650, 2200) } : {}),
  };
}

export async function seedAllocation(prisma: PrismaClient, _scale: SeedScale): Promise<void> {
  const rnd = new Random(0xa110c);
  const landlords = await prisma.organisation.findMany({ where: { isSocialLandlord: true }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  const methodologyByLandlord = new Map<string, string>();
  const commissionMembers = new Map<string, { chair: string; secretary: string; full: string[]; alternate: string; commissionId: string }>();

  await prisma.$transaction(
    async (tx) => {
      for (const l of landlords) {
        const methodologyId = rnd.uuid();
        methodologyByLandlord.set(l.id, methodologyId);
        await tx.allocationMethodology.create({
          data: {
            id: methodologyId,
            landlordId: l.id,
            version: 1,
            config: { ...DEFAULT_METHODOLOGY, landlord: l.name } as object,
            approvedOn: date("2024-01-01"),
          },
        });
        const commissionId = rnd.uuid();
        await tx.commission.create({ data: { id: commissionId, landlordId: l.id, name: `Commission consultative – ${l.name}` } });
        const term = { termStartsOn: date("2024-01-01"), termEndsOn: date("2028-12-31") };
        const person = () => rnd.pick(NAMES);
        const ids = { chair: rnd.uuid(), secretary: rnd.uuid(), external: rnd.uuid(), expert1: rnd.uuid(), expert2: rnd.uuid(), alternate: rnd.uuid() };
        await tx.commissionMember.createMany({
          data: [
            { id: ids.chair, commissionId, name: person(), role: "CHAIR", isVotingMember: true, ...term },
            { id: ids.secretary, commissionId, name: person(), role: "SECRETARY", isVotingMember: false, ...term },
            { id: ids.external, commissionId, name: person(), role: "EXTERNAL_MEMBER", isVotingMember: true, ...term },
            { id: ids.expert1, commissionId, name: person(), role: "EXPERT_MEMBER", isVotingMember: true, ...term },
            { id: ids.expert2, commissionId, name: person(), role: "EXPERT_MEMBER", isVotingMember: true, ...term },
          ],
        });
        await tx.commissionMember.create({
          data: { id: ids.alternate, commissionId, name: person(), role: "MEMBER", isVotingMember: true, alternateForId: ids.external, ...term },
        });
        commissionMembers.set(l.id, {
          chair: ids.chair,
          secretary: ids.secretary,
          full: [ids.chair, ids.external, ids.expert1, ids.expert2],
          alternate: ids.alternate,
          commissionId,
        });
      }

      // Documented situations (art. 57 §1) for about 60 % of the active applications, from 48 templates (one UPDATE per template).
      const templates = Array.from({ length: 48 }, () => situation(rnd));
      const active = await tx.application.findMany({ where: { status: "ACTIVE" }, orderBy: { id: "asc" }, select: { id: true } });
      const byTemplate = new Map<number, string[]>();
      for (const a of active) {
        if (!rnd.chance(0.6)) continue;
        const k = rnd.int(0, templates.length - 1);
        byTemplate.set(k, [...(byTemplate.get(k) ?? []), a.id]);
      }
      for (const [k, ids] of [...byTemplate].sort((a, b) => a[0] - b[0])) {
        for (let i = 0; i < ids.length; i += 5_000)
          await tx.application.updateMany({ where: { id: { in: ids.slice(i, i + 5_000) } }, data: { situation: templates[k]! as object } });
      }

      // Sitting tenants to rehouse (art. 67 §3): two per landlord, a new active application flagged and
      // an open rehousing case giving the ground (art. 67 §2: typology no longer fitting, the motive
      // of the application; then a tenant's request).
      const grounds = ["TYPOLOGY_MISMATCH", "TENANT_REQUEST"] as const;
      const caseRnd = new Random(0x67); // a stream of its own: the rest of the seed is unchanged
      for (const l of landlords) {
        const leases = await tx.lease.findMany({
          where: { landlordId: l.id, status: "ACTIVE" },
          orderBy: { id: "asc" },
          take: 2,
          select: { id: true, household: { select: { candidateId: true } } },
        });
        for (const [k, lease] of leases.entries()) {
          await tx.rehousingCase.create({
            data: { id: caseRnd.uuid(), leaseId: lease.id, reason: grounds[k % grounds.length]!, knownOn: date(caseRnd.date("2025-01-01", "2026-06-30")) },
          });
          await tx.application.create({
            data: {
              id: rnd.uuid(),
              candidateId: lease.household.candidateId,
              registeredOn: date(rnd.date("2024-01-01", "2026-03-31")),
              motive: "OVERCROWDING",
              status: "ACTIVE",
              isSittingTenantToRehouse: true,
              situation: templates[rnd.int(0, templates.length - 1)]! as object,
            },
          });
        }
      }

      // A past round in two files per landlord: proposal, enquiry, meeting, favourable opinion, promise, refusal.
      for (const l of landlords) {
        const files = await tx.allocationFile.findMany({
          where: { landlordId: l.id, status: "SHORTLIST", openedOn: { lte: date("2026-09-30") } },
          orderBy: { id: "asc" },
          take: 2,
          include: { candidates: { where: { rank: 1 }, select: { applicationId: true } } },
        });
        const c = commissionMembers.get(l.id)!;
        for (const [i, f] of files.entries()) {
          const applicationId = f.candidates[0]?.applicationId;
          if (!applicationId) continue;
          const o = f.openedOn;
          const steps: [string, string, number, string][] = [
            ["SHORTLIST", "SOCIAL_ENQUIRY", 10, `CANDIDATE_PROPOSED: application ${applicationId} proposed; social enquiry (art. 59)`],
            ["SOCIAL_ENQUIRY", "COMMISSION_OPINION", 20, "SOCIAL_ENQUIRY_COMPLETED: social enquiry completed (art. 59)"],
            ["COMMISSION_OPINION", "HOUSING_PROMISE", 31, "COMMISSION_OPINION_GIVEN: favourable opinion of the commission"],
            ["HOUSING_PROMISE", "HOUSING_PROMISE", 32, `PROMISE_ISSUED: housing promise to application ${applicationId}`],
            ["HOUSING_PROMISE", "REFUSED", 40, `OFFER_REFUSED: application ${applicationId} refused the offer; reported to the register (art. 53)`],
          ];
          await tx.allocationFileEvent.createMany({
            data: steps.map(([from, to, d, reason]) => ({
              allocationFileId: f.id,
              fromStatus: from as never,
              toStatus: to as never,
              occurredOn: addDays(o, d),
              reason,
            })),
          });
          await tx.allocationFileCandidate.update({
            where: { allocationFileId_applicationId: { allocationFileId: f.id, applicationId } },
            data: { scoreBreakdown: { proposedOn: addDays(o, 10).toISOString().slice(0, 10) } },
          });
          const justified = i === 0;
          await tx.allocationOffer.create({
            data: {
              id: rnd.uuid(),
              allocationFileId: f.id,
              applicationId,
              offeredOn: addDays(o, 32),
              outcome: justified ? "REFUSED_JUSTIFIED" : "REFUSED_UNJUSTIFIED",
              respondedOn: addDays(o, 40),
              reason: justified ? "Dwelling on an upper floor without lift, for a member with reduced mobility" : null,
            },
          });
          await tx.allocationFile.update({ where: { id: f.id }, data: { status: "REFUSED", methodologyId: methodologyByLandlord.get(l.id)! } });
          const meetingId = rnd.uuid();
          const heldOn = addDays(o, 30);
          await tx.commissionMeeting.create({
            data: {
              id: meetingId,
              commissionId: c.commissionId,
              heldOn,
              convenedOn: addDays(o, 23),
              papersSentOn: addDays(o, 26),
              agenda: `Allocation of dwelling file ${f.id}: candidates pre-selected from the register`,
              minutes: {
                present: c.full,
                absent: [c.alternate],
                excused: [],
                resolutions: [
                  {
                    subject: `allocation file ${f.id}, application ${applicationId}`,
                    text: "FAVOURABLE opinion",
                    reasons: "Household composition fits the dwelling; urgent housing need documented by the social enquiry.",
                  },
                ],
              },
              signedByChairOn: heldOn,
              countersignedBySecretaryOn: addDays(heldOn, 1),
            },
          });
          await tx.meetingAttendance.createMany({
            data: [
              ...c.full.map((memberId) => ({ meetingId, memberId, status: "PRESENT" as const })),
              { meetingId, memberId: c.alternate, status: "ABSENT" as const },
            ],
          });
          await tx.deliberation.create({
            data: {
              id: rnd.uuid(),
              meetingId,
              allocationFileId: f.id,
              applicationId,
              opinion: "FAVOURABLE",
              votesFor: 3,
              votesAgainst: 0,
              abstentions: 1,
              reasons: "Household composition fits the dwelling; urgent housing need documented by the social enquiry.",
              isOnSelectedCandidate: true,
            },
          });
        }
      }
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}

/** The seed writes the register with createMany (no snapshots): once every step has run, every active application is snapshotted, in bulk (issue 16). */
export async function seedApplicationSnapshots(prisma: PrismaClient): Promise<void> {
  await ensureSnapshots(prisma as unknown as Tx);
}
