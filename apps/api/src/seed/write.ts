/** Writes generated seed data in one transaction, in batches, parents before children. */
import type { PrismaClient } from "../generated/prisma/client.js";
import type { SeedData } from "./generate.js";

const BATCH = 2_000;

async function inBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

export async function writeSeed(prisma: PrismaClient, data: SeedData): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      await inBatches(data.municipalities, (b) => tx.municipality.createMany({ data: b }));
      await inBatches(data.organisations, (b) => tx.organisation.createMany({ data: b }));
      await inBatches(data.projects, (b) => tx.project.createMany({ data: b }));
      await inBatches(data.conventions, (b) => tx.convention.createMany({ data: b }));
      await inBatches(data.dwellings, (b) => tx.dwelling.createMany({ data: b }));
      await inBatches(data.accommodationUnits, (b) => tx.accommodationUnit.createMany({ data: b }));
      await inBatches(data.candidates, (b) => tx.candidate.createMany({ data: b }));
      await inBatches(data.households, (b) => tx.household.createMany({ data: b }));
      await inBatches(data.householdMembers, (b) => tx.householdMember.createMany({ data: b }));
      await inBatches(data.applications, (b) => tx.application.createMany({ data: b }));
      await inBatches(data.allocationFiles, (b) => tx.allocationFile.createMany({ data: b }));
      await inBatches(data.allocationFileCandidates, (b) => tx.allocationFileCandidate.createMany({ data: b }));
      await inBatches(data.leases, (b) => tx.lease.createMany({ data: b }));
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}

/** True when the database holds no organisation yet: the seed runs on first start only. */
export async function isEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.organisation.count()) === 0;
}
