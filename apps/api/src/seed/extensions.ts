/**
 * Seed steps contributed by capabilities (allocation commissions and methodologies, deposits…),
 * run after the core seed in the same order as listed. Each capability has its file here (seed/allocation.ts, seed/tenancy.ts): the seed stands above the capabilities it fills, never beneath them.
 */
import type { PrismaClient } from "../generated/prisma/client.js";
import type { SeedScale } from "../config.js";
import { seedAllocation, seedApplicationSnapshots } from "./allocation.js";
import { seedTenancy } from "./tenancy.js";

export type SeedExtension = (prisma: PrismaClient, scale: SeedScale) => Promise<void>;

export const SEED_EXTENSIONS: { name: string; run: SeedExtension }[] = [
  { name: "allocation", run: seedAllocation },
  { name: "tenancy", run: seedTenancy },
  // Last: the register as every step left it, snapshotted (issue 16).
  { name: "application snapshots", run: seedApplicationSnapshots },
];
