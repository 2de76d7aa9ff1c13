/** What the allocation-file mutations share: the caller's file under lock, a state transition through the domain's state machine, and the file payload. */
import { transition, type AllocationFile as DomainFile, type FileEvent } from "@abordable/domain";
import { AllocationFileRef } from "../types/allocation.js";
import { type Tx, domainFile, ruleOf, dbStatus } from "../adapters/common.js";
import { asDate } from "../../schema/validate.js";
import { Problems, UserErrorsAbort, type UserError, UserErrorRef } from "../../schema/user-errors.js";
import { builder } from "../../schema/builder.js";
import { allocationFileToChange, type FileForChange } from "../../access/policy.js";
import type { Context } from "../../schema/context.js";

export const MUTATE = { landlord: true, ministryAdmin: true } as const;

export function fail(p: Problems): never {
  throw new UserErrorsAbort(p.list);
}
export function abort(field: string, code: UserError["code"], message: string, rule?: string): never {
  const p = new Problems();
  p.add(field, code, message, rule);
  fail(p);
}

/** The file named by `field`, locked and loaded through the access policy. */
export function lockFile(tx: Tx, ctx: Context, field: string, globalId: string | number) {
  return allocationFileToChange(tx, ctx, field, { globalId });
}

type LoadedFile = FileForChange;

export function stateOf(f: LoadedFile): DomainFile {
  const d = domainFile(f, f.candidates, f.events, f.offers);
  if (!d) abort("allocationFileId", "INVALID_STATE", "The file is closed");
  return d;
}

/** Applies a domain event: refused transitions are user errors citing the rule; otherwise the new status and an event row. */
export async function apply(tx: Tx, f: LoadedFile, event: FileEvent, reason: string, field = "event", extra: { selectedApplicationId?: string | null } = {}) {
  const r = transition(stateOf(f), event);
  if (!r.ok) abort(field, r.citation.text === "ESCH_ROI" && r.citation.article === "4" ? "INVALID_STATE" : "RULE_VIOLATION", r.reason, ruleOf(r.citation));
  const to = dbStatus(r.file.state);
  const moved = await tx.allocationFile.updateMany({ where: { id: f.id, status: f.status }, data: { status: to, ...extra } });
  if (moved.count === 0) abort("allocationFileId", "CONFLICT", "The file changed meanwhile; read it again");
  await tx.allocationFileEvent.create({
    data: { allocationFileId: f.id, fromStatus: f.status, toStatus: to, occurredOn: asDate(event.on), reason: `${event.type}: ${reason}` },
  });
  return r.file;
}

export type FileRow = NonNullable<Awaited<ReturnType<Context["prisma"]["allocationFile"]["findUnique"]>>>;

export const AllocationFilePayload = builder.objectRef<{ allocationFile: FileRow | null; userErrors: UserError[] }>("AllocationFilePayload").implement({
  description: "Result of a change to an allocation file.",
  fields: (t) => ({
    allocationFile: t.field({
      type: AllocationFileRef,
      nullable: true,
      description: "The file as changed; null when there are user errors.",
      resolve: (p) => p.allocationFile,
    }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
  }),
});
