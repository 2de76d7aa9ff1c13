/**
 * Exactly one winner (issue 15 §2): the invariants live in the database (partial unique indexes of
 * migration 20261202000100, guarded updates), and the code turns a lost race into a CONFLICT user
 * error naming the field, never an internal error. Under READ COMMITTED a read-then-write check
 * lets several concurrent requests through; these helpers make the write itself decide.
 */
import { Prisma } from "../generated/prisma/client.js";
import { UserErrorsAbort } from "./user-errors.js";

type Tx = Prisma.TransactionClient;

/** A unique-constraint violation, through the ORM (P2002) or a raw statement (SQLSTATE 23505). */
export function isUniqueViolation(e: unknown): boolean {
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return true;
  return /unique constraint|duplicate key|23505/i.test(
    `${String((e as Error | null)?.message ?? "")} ${JSON.stringify((e as { meta?: unknown } | null)?.meta ?? null)}`,
  );
}

/** What the violated constraint names (index name or fields), for choosing the field to report. */
export function uniqueTarget(e: unknown): string {
  return `${String((e as Error | null)?.message ?? "")} ${JSON.stringify((e as { meta?: unknown } | null)?.meta ?? null)}`;
}

/** The CONFLICT user error a lost race answers with (the transaction rolls back). */
export function conflict(field: string, message: string, rule?: string): never {
  throw new UserErrorsAbort([{ field: ["input", ...field.split(".")], code: "CONFLICT", message, rule: rule ?? null }]);
}

/**
 * Runs a write; a unique violation becomes CONFLICT on the field `pick` chooses from the violated
 * constraint (the first matching pattern, else `fallback`).
 */
export async function uniquely<T>(
  write: Promise<T>,
  fields: readonly { match: RegExp; field: string; message: string; rule?: string }[],
  fallback: { field: string; message: string },
): Promise<T> {
  try {
    return await write;
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const target = uniqueTarget(e);
    const hit: { field: string; message: string; rule?: string } = fields.find((f) => f.match.test(target)) ?? fallback;
    conflict(hit.field, hit.message, hit.rule);
  }
}

/**
 * Guarded update: the row changes only if it is still in the expected status; otherwise (another
 * request changed it first) CONFLICT on the field. The UPDATE takes the row lock, so of concurrent
 * requests exactly one finds the expected status.
 */
export async function guarded(count: Promise<{ count: number }>, field: string, message: string): Promise<void> {
  if ((await count).count !== 1) conflict(field, message);
}

/**
 * A shared dwelling's status follows its units, in the same transaction: LET while any unit is let,
 * else VACANT. The dwelling row is locked BEFORE its units are counted, so that letting unit A while
 * unit B is vacated (two transactions) cannot both count the other's old status: the second waits
 * for the first to commit, then counts what it committed.
 */
export async function deriveSharedDwellingStatus(tx: Tx, dwellingId: string, letOn?: Date) {
  await tx.$queryRaw`SELECT "id" FROM "Dwelling" WHERE "id" = ${dwellingId}::uuid FOR UPDATE`;
  const anyLet = (await tx.accommodationUnit.count({ where: { dwellingId, status: "LET" } })) > 0;
  const current = await tx.dwelling.findUniqueOrThrow({ where: { id: dwellingId }, select: { firstLettingOn: true, managedSince: true } });
  // The first letting also dates the landlord's management when nothing else did (compensation/inputs.ts needs it).
  return tx.dwelling.update({
    where: { id: dwellingId },
    data: {
      status: anyLet ? "LET" : "VACANT",
      ...(anyLet && letOn && !current.firstLettingOn ? { firstLettingOn: letOn } : {}),
      ...(anyLet && letOn && !current.managedSince ? { managedSince: letOn } : {}),
    },
  });
}
