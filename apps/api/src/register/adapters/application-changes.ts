/**
 * What the register tells the capabilities above it when an application's inputs change (a
 * registration, the yearly revision): the allocation capability subscribes (allocation/index.ts) to
 * snapshot the applications at once (issue 16), so that the register never imports the shortlist.
 * Handlers run inside the mutation's transaction: a failure rolls the change back.
 */
import type { Prisma } from "../../generated/prisma/client.js";

type Tx = Prisma.TransactionClient;
export type ApplicationsChangedHandler = (tx: Tx, where: Prisma.ApplicationWhereInput) => Promise<unknown>;

const handlers: ApplicationsChangedHandler[] = [];

/** Subscribes a capability; called once, when its module loads. */
export function onApplicationsChanged(handler: ApplicationsChangedHandler): void {
  if (!handlers.includes(handler)) handlers.push(handler);
}

/** Tells every subscriber that the applications matching `where` changed. */
export async function applicationsChanged(tx: Tx, where: Prisma.ApplicationWhereInput): Promise<void> {
  for (const h of handlers) await h(tx, where);
}
