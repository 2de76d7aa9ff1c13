/**
 * Application snapshots (issue 16): each application's inputs to the shortlist — the application
 * (lodging day, documented art. 57 §1 situation, sitting-tenant flag), its candidate (residence
 * title, current home), the household's members (birth dates, couples, incomes of art. 56, rights
 * on another dwelling, workplace, disability, art. 12 §3 situations) — as the law kernel's
 * canonical JSON (`seal`, record.ts) with node:crypto's SHA-256, stored once, never updated
 * (`ApplicationSnapshot`, id = hash). `Application.snapshotHash` names the current one.
 *
 * When: `registerCandidate` and `reviseCandidate` write the candidate's snapshots in their
 * transaction; every other write of an input (the seed, a portfolio import, anonymisation) leaves
 * or sets `snapshotHash` null, and `ensureSnapshots` snapshots those in bulk — at the end of the
 * seed, and before each ranking (normally nothing to do: one COUNT). Identical inputs give the same
 * hash (content-addressed): a revision that changes nothing keeps the snapshot.
 */
import { seal } from "@abordable/domain";
import { nodeSha256 } from "../../db/sealed-records.js";
import type { Prisma } from "../../generated/prisma/client.js";
import type { ResidenceStatus } from "../../generated/prisma/enums.js";
import { iso, type CandidateRow, type MemberRow, type Tx, CANDIDATE_SELECT, MEMBER_SELECT } from "./common.js";
import { situationOf } from "./register.js";
import { analyzeAfterBulk } from "./precompute.js";

/** Version of the snapshot's shape (ApplicationSnapshot.schemaVersion). */
export const APPLICATION_SNAPSHOT_VERSION = 1;
export const APPLICATION_SNAPSHOT_SCHEMA = "abordable.register.application/1";

export interface SnapshotMember {
  id: string;
  role: string;
  birthDate: string;
  partnerId: string | null;
  hasDisability: boolean;
  workplaceMunicipalityId: string | null;
  /** EUR, the decimal's own text (as the register's Decimal writes it). */
  annualNetIncome: string;
  isDependent: boolean;
  holdsOtherDwellingRight: boolean;
  situations: string[];
  /** Income of the reference year by kind (art. 56), as registered; null for rows without it. */
  incomeComponents: Prisma.JsonValue;
  /** The member's own residence title (art. 55 §1 4°); null: the applicant's applies. */
  residenceStatus: ResidenceStatus | null;
  residentSince: string | null;
  residenceTitleEndsOn: string | null;
  /** Year a child started working life (art. 56 §3 al. 4). */
  workingLifeStartYear: number | null;
}

/** The canonical input of one application (what the hash covers). */
export interface SnapshotInput {
  schema: typeof APPLICATION_SNAPSHOT_SCHEMA;
  application: { id: string; candidateId: string; registeredOn: string; situation: Prisma.JsonValue; isSittingTenantToRehouse: boolean };
  candidate: { id: string; residenceStatus: ResidenceStatus; residentSince: string | null; municipalityId: string };
  /** The household's id (null: none recorded) and its members, by id. */
  household: { id: string; members: SnapshotMember[] } | null;
}

export interface SealedSnapshot {
  hash: string;
  canonical: string;
  input: SnapshotInput;
}

interface AppRow {
  id: string;
  candidateId: string;
  registeredOn: Date;
  situation: Prisma.JsonValue;
  isSittingTenantToRehouse: boolean;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function snapshotInputOf(a: AppRow, c: CandidateRow, household: { id: string } | null, members: readonly MemberRow[]): SnapshotInput {
  return {
    schema: APPLICATION_SNAPSHOT_SCHEMA,
    application: {
      id: a.id,
      candidateId: a.candidateId,
      registeredOn: iso(a.registeredOn),
      situation: a.situation ?? null,
      isSittingTenantToRehouse: a.isSittingTenantToRehouse,
    },
    candidate: { id: c.id, residenceStatus: c.residenceStatus, residentSince: c.residentSince ? iso(c.residentSince) : null, municipalityId: c.municipalityId },
    household: household
      ? {
          id: household.id,
          members: [...members]
            .sort((x, y) => cmp(x.id, y.id))
            .map((m) => ({
              id: m.id,
              role: m.role,
              birthDate: iso(m.birthDate),
              partnerId: m.partnerId,
              hasDisability: m.hasDisability,
              workplaceMunicipalityId: m.workplaceMunicipalityId,
              annualNetIncome: m.annualNetIncome.toFixed(),
              isDependent: m.isDependent,
              holdsOtherDwellingRight: m.holdsOtherDwellingRight,
              situations: [...(m.situations ?? [])].sort(),
              incomeComponents: (m.incomeComponents ?? null) as Prisma.JsonValue,
              residenceStatus: m.residenceStatus ?? null,
              residentSince: m.residentSince ? iso(m.residentSince) : null,
              residenceTitleEndsOn: m.residenceTitleEndsOn ? iso(m.residenceTitleEndsOn) : null,
              workingLifeStartYear: m.workingLifeStartYear ?? null,
            })),
        }
      : null,
  };
}

/** The kernel's seal of the input (canonical JSON, SHA-256). */
export function sealSnapshot(input: SnapshotInput): SealedSnapshot {
  const s = seal(input, { sha256: nodeSha256 });
  return { hash: s.hash, canonical: s.canonical, input };
}

/** The register's rows again, from a snapshot (what the shortlist's domain mapping reads). */
export function rowsOfSnapshot(input: SnapshotInput): {
  application: AppRow;
  candidate: CandidateRow;
  household: { id: string; candidateId: string } | null;
  members: MemberRow[];
} {
  const a = input.application;
  const hh = input.household;
  return {
    application: {
      id: a.id,
      candidateId: a.candidateId,
      registeredOn: new Date(`${a.registeredOn}T00:00:00Z`),
      situation: a.situation,
      isSittingTenantToRehouse: a.isSittingTenantToRehouse,
    },
    candidate: {
      id: input.candidate.id,
      residenceStatus: input.candidate.residenceStatus,
      residentSince: input.candidate.residentSince ? new Date(`${input.candidate.residentSince}T00:00:00Z`) : null,
      municipalityId: input.candidate.municipalityId,
    },
    household: hh ? { id: hh.id, candidateId: input.candidate.id } : null,
    members: (hh?.members ?? []).map((m) => {
      const income = m.annualNetIncome;
      const day = (d: string | null | undefined) => (d ? new Date(`${d}T00:00:00Z`) : null);
      return {
        ...m,
        householdId: hh!.id,
        birthDate: new Date(`${m.birthDate}T00:00:00Z`),
        annualNetIncome: { toFixed: () => income },
        residentSince: day(m.residentSince),
        residenceTitleEndsOn: day(m.residenceTitleEndsOn),
      };
    }),
  };
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Builds, stores (content-addressed) and points to the snapshots of the applications matched. Returns how many applications were snapshotted. */
export async function snapshotApplications(tx: Tx, where: Prisma.ApplicationWhereInput): Promise<number> {
  const apps = await tx.application.findMany({
    where,
    select: { id: true, candidateId: true, registeredOn: true, situation: true, isSittingTenantToRehouse: true },
  });
  if (apps.length === 0) return 0;
  const candidateIds = [...new Set(apps.map((a) => a.candidateId))];
  const [candidates, households, members] = await Promise.all([
    tx.candidate.findMany({ where: { id: { in: candidateIds } }, select: CANDIDATE_SELECT }),
    tx.household.findMany({ where: { candidateId: { in: candidateIds } }, select: { id: true, candidateId: true } }),
    tx.householdMember.findMany({
      where: { household: { candidateId: { in: candidateIds } } },
      select: MEMBER_SELECT,
    }),
  ]);
  const candidateById = new Map(candidates.map((c) => [c.id, c]));
  const householdOfCandidate = new Map(households.map((h) => [h.candidateId, h]));
  const membersOf = new Map<string, MemberRow[]>();
  for (const m of members) (membersOf.get(m.householdId) ?? membersOf.set(m.householdId, []).get(m.householdId)!).push(m);
  const rows: {
    hash: string;
    applicationId: string;
    canonical: string;
    candidateId: string;
    registeredOn: string;
    situationEvaluatedOn: string | null;
    validHousehold: boolean;
  }[] = [];
  for (const a of apps) {
    const c = candidateById.get(a.candidateId)!;
    const h = householdOfCandidate.get(a.candidateId) ?? null;
    const ms = h ? (membersOf.get(h.id) ?? []) : [];
    const sealed = sealSnapshot(snapshotInputOf(a, c, h, ms));
    const evaluatedOn = situationOf(a.situation)?.evaluatedOn;
    rows.push({
      hash: sealed.hash,
      applicationId: a.id,
      canonical: sealed.canonical,
      candidateId: a.candidateId,
      registeredOn: iso(a.registeredOn),
      situationEvaluatedOn: typeof evaluatedOn === "string" && ISO.test(evaluatedOn) && !Number.isNaN(Date.parse(evaluatedOn)) ? evaluatedOn : null,
      validHousehold: ms.length > 0 && ms.filter((m) => m.role === "APPLICANT").length === 1,
    });
  }
  // One statement per batch for the rows, one for the pointers (jsonb: both drivers take a text parameter).
  for (let i = 0; i < rows.length; i += 2_000) {
    const batch = JSON.stringify(rows.slice(i, i + 2_000));
    await tx.$executeRaw`INSERT INTO "ApplicationSnapshot" ("hash", "applicationId", "schemaVersion", "canonical", "candidateId", "registeredOn", "situationEvaluatedOn", "validHousehold")
      SELECT x.hash, x."applicationId", ${APPLICATION_SNAPSHOT_VERSION}, x.canonical, x."candidateId", x."registeredOn", x."situationEvaluatedOn", x."validHousehold"
      FROM jsonb_to_recordset(${batch}::jsonb) AS x(hash text, "applicationId" uuid, canonical text, "candidateId" uuid, "registeredOn" date, "situationEvaluatedOn" date, "validHousehold" boolean)
      ON CONFLICT ("hash") DO NOTHING`;
    await tx.$executeRaw`UPDATE "Application" AS a SET "snapshotHash" = x.hash FROM jsonb_to_recordset(${batch}::jsonb) AS x(hash text, "applicationId" uuid) WHERE a.id = x."applicationId" AND a."snapshotHash" IS DISTINCT FROM x.hash`;
  }
  return rows.length;
}

/** Snapshots every active application lodged by `date` that has none yet (seed, import, anonymisation), in batches; returns how many. */
export async function ensureSnapshots(db: Tx, date?: string): Promise<number> {
  const where: Prisma.ApplicationWhereInput = {
    status: "ACTIVE",
    snapshotHash: null,
    ...(date ? { registeredOn: { lte: new Date(`${date}T00:00:00Z`) } } : {}),
  };
  let total = 0;
  for (;;) {
    const ids = await db.application.findMany({ where, select: { id: true }, take: 5_000, orderBy: { id: "asc" } });
    if (ids.length === 0) {
      await analyzeAfterBulk(db, "ApplicationSnapshot", total);
      return total;
    }
    total += await snapshotApplications(db, { id: { in: ids.map((x) => x.id) } });
  }
}
