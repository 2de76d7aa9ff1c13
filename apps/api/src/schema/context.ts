/** Per-request context handed to every resolver. */
import type { Database } from "../db/database.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";
import type { Viewer } from "../identity/viewer.js";
import { createLoaders, type Loaders } from "./loaders.js";

export interface Context {
  readonly db: Database;
  readonly prisma: PrismaClient;
  readonly viewer: Viewer;
  readonly correlationId: string;
  readonly logger: Logger;
  readonly loaders: Loaders;
  /**
   * The Idempotency-Key sent with a mutation, if any, and when this request claimed it: the claim
   * time is the claim's token (http/idempotency.ts), so that a request whose claim was taken over
   * by a retry cannot commit too.
   */
  readonly idempotency: { readonly key: string; readonly claimedAt: Date } | undefined;
  /**
   * Legal settings of the operator: the date from which bill 8535 applies (undefined while not in
   * force) and the reading of annex II (ANNUAL or MONTHLY; undefined = the stored reading).
   */
  readonly legal: {
    readonly bill8535EntryIntoForce: string | undefined;
    readonly annexIIReadingPeriod?: "ANNUAL" | "MONTHLY" | undefined;
    readonly readings?: import("../config.js").LegalReadings | undefined;
  };
}

export function createContext(args: Omit<Context, "loaders" | "prisma">): Context {
  return { ...args, prisma: args.db.prisma, loaders: createLoaders(args.db.prisma, args.viewer, { correlationId: args.correlationId }) };
}
