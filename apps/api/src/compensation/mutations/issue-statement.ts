/**
 * Issuing a statement: compute it from the stored data, refuse a year not yet ended (art. 41) and a
 * content identical to the latest issued version, else store version N+1 — numbered, canonical
 * JSON gzip-compressed, SHA-256, numbered from the year's counter row — with its audit record, in one transaction. Two concurrent issues
 * of the same statement: the unique key (kind, organisation, convention, year, regime, version)
 * lets exactly one win; the other gets a CONFLICT user error.
 */
import { randomUUID } from "node:crypto";
import { Prisma } from "../../generated/prisma/client.js";
import { builder } from "../../schema/builder.js";
import { runMutation } from "../../schema/mutation.js";
import { Problems, UserErrorRef, UserErrorsAbort, type UserError } from "../../schema/user-errors.js";
import { domainUserError, isUserFacingDomainError } from "../../schema/domain-errors.js";
import { changesOf, ChangesRef } from "../types/statement-parts.js";
import { StatementRef } from "../types/statement.js";
import {
  computeStatement,
  requestOptionsFor,
  serialise,
  seriesWhere,
  STATEMENT_SUMMARY,
  StatementView,
  type SeriesKey,
  type StatementRow,
} from "../adapters/statements.js";
import { resolveSubject, StatementSubjectInput } from "../adapters/subject.js";

interface IssuePayloadShape {
  statement: StatementView | null;
  userErrors: UserError[];
  /** Number of the latest version when refused because nothing changed. */
  existingNumber?: string | null;
}

const IssuePayload = builder.objectRef<IssuePayloadShape>("IssueCompensationStatementPayload").implement({
  description: "Result of issuing a statement.",
  fields: (t) => ({
    statement: t.field({ type: StatementRef, nullable: true, description: "The version issued; null when refused.", resolve: (p) => p.statement }),
    changesFromPrevious: t.field({
      type: ChangesRef,
      nullable: true,
      description: "Line-by-line changes from the version this one replaces; null for version 1 or when refused.",
      resolve: (p) => (p.statement ? changesOf(p.statement) : null),
    }),
    userErrors: t.field({ type: [UserErrorRef], description: "Why the statement was not issued; empty on success.", resolve: (p) => p.userErrors }),
    existingNumber: t.string({
      nullable: true,
      description:
        'When refused with CONFLICT because nothing changed since the latest issued version: that version\'s number (numéro du décompte, e.g. "CS-2025-000042"), to read or file it instead; null otherwise.',
      resolve: (p) => p.existingNumber ?? null,
    }),
  }),
});

const MAX_NUMBER_ATTEMPTS = 5;

/** A unique-constraint violation, through the ORM (P2002) or a raw statement (P2010 carrying SQLSTATE 23505). */
function isUniqueViolation(e: unknown): boolean {
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return true;
  return /unique constraint|duplicate key|23505/i.test(`${String((e as Error)?.message ?? "")} ${JSON.stringify((e as { meta?: unknown })?.meta ?? null)}`);
}

/**
 * Issuing is refused for a year not yet ended: the request covers a completed year (art. 41 §2 3°,
 * its audited annual report; bill art. 28 1°), filed by 30 June of the following year — so a
 * statement issued from 1 January to 30 June of that year is on time (note `compensation-filing-law-year`).
 */
function yearEnded(year: number): boolean {
  return year < new Date().getUTCFullYear();
}

const conflict = (message: string): UserError => ({ field: ["input"], code: "CONFLICT", message, rule: null });

builder.mutationField("issueCompensationStatement", (t) =>
  t.field({
    type: IssuePayload,
    description:
      "Issues the next version of a statement: a landlord its own (or a ministry administrator any landlord's), a developer its conventions' (or a ministry administrator any). Refused for a year not yet ended and when nothing changed since the latest version.",
    authScopes: { landlord: true, developer: true, ministryAdmin: true },
    args: { input: t.arg({ type: StatementSubjectInput, required: true, description: "The statement to issue." }) },
    resolve: async (_r, { input }, ctx) => {
      const p = new Problems();
      const resolved = await resolveSubject(ctx, p, input, "issue");
      if (!resolved) return { statement: null, userErrors: p.list };
      const { subject, year, regime } = resolved;
      if (!yearEnded(year)) {
        p.add("year", "RULE_VIOLATION", `${year} has not ended: a statement is issued for a completed year`, "law art. 41 §1");
        return { statement: null, userErrors: p.list };
      }
      let options, statement;
      try {
        options = await requestOptionsFor(ctx, regime);
        statement = await computeStatement(ctx.prisma, subject, year, options);
      } catch (e) {
        if (isUserFacingDomainError(e)) return { statement: null, userErrors: [domainUserError(e)] };
        throw e;
      }
      const { hash, content } = serialise(statement);
      const series: SeriesKey = { kind: subject.kind, organisationId: subject.organisationId, conventionId: subject.conventionId, year, regime };

      let existingNumber: string | null = null;
      for (let attempt = 1; ; attempt += 1) {
        let attempted = 0;
        try {
          const out = await runMutation<StatementRow>(ctx, "issueCompensationStatement", async (tx) => {
            const latest = await tx.compensationStatement.findFirst({
              where: seriesWhere(series),
              orderBy: { version: "desc" },
              select: { id: true, version: true, number: true, contentHash: true },
            });
            if (latest?.contentHash === hash) {
              existingNumber = latest.number;
              throw new UserErrorsAbort([conflict(`Nothing changed since version ${latest.version} (${latest.number}): same content hash ${hash}`)]);
            }
            attempted = (latest?.version ?? 0) + 1;
            const id = randomUUID();
            // Raw INSERT: Prisma hands Bytes to the driver adapter as base64, which the PGlite adapter
            // does not convert; decode() in SQL works on PGlite and PostgreSQL alike.
            await tx.$executeRaw`INSERT INTO "CompensationStatement"
              ("id", "number", "kind", "organisationId", "conventionId", "year", "version", "regime", "billEntryIntoForce", "total", "outcome", "lineCount", "contentHash", "content", "issuedByApiKeyId", "previousId")
              VALUES (${id}::uuid, ${await nextNumber(tx, year)}, ${series.kind}::"StatementKind", ${series.organisationId}::uuid, ${series.conventionId}::uuid,
                ${year}::int, ${attempted}::int, ${regime}::"LegalRegime", ${statement.bill8535EntryIntoForce}::date, ${statement.total}::numeric,
                ${statement.kind === "LANDLORD" ? statement.outcome : null}, ${statement.lines.length}::int, ${hash}, decode(${content.toString("base64")}, 'base64'),
                ${ctx.viewer.kind === "apiKey" ? ctx.viewer.apiKeyId : null}::uuid, ${latest?.id ?? null}::uuid)`;
            const row = await tx.compensationStatement.findUniqueOrThrow({ where: { id }, select: STATEMENT_SUMMARY });
            const summary = { ...row, total: statement.total, contentBytes: content.byteLength };
            return { result: row, entityType: "CompensationStatement", entityId: row.id, before: latest ?? null, after: summary };
          });
          return {
            statement: out.result ? StatementView.issued(ctx, out.result) : null,
            userErrors: out.userErrors,
            existingNumber: out.result ? null : existingNumber,
          };
        } catch (e) {
          if (!isUniqueViolation(e)) throw e;
          // Someone else issued this version meanwhile: exactly one wins.
          if (attempted > 0 && (await ctx.prisma.compensationStatement.count({ where: { ...seriesWhere(series), version: attempted } })) > 0)
            return { statement: null, userErrors: [conflict(`Version ${attempted} of this statement was issued concurrently by another request`)] };
          // Otherwise (numbers come from the counter row, so this is not expected): retry a bounded number of times, then CONFLICT.
          if (attempt >= MAX_NUMBER_ATTEMPTS)
            return { statement: null, userErrors: [conflict("The statement could not be numbered: concurrent issues of this year; retry")] };
        }
      }
    },
  }),
);

/**
 * "CS-2025-000042": the year and the rank of the statement among those of that year, from the
 * year's counter row (issue 15 §2: never count + 1). The upsert locks the row until the issuing
 * transaction ends, so concurrent issues of one year take consecutive numbers and a rolled-back
 * issue gives its number back; the first issue of a year starts after the highest number already
 * issued for it.
 */
async function nextNumber(tx: Prisma.TransactionClient, year: number): Promise<string> {
  const [row] = await tx.$queryRaw<{ last: number }[]>`INSERT INTO "StatementNumberCounter" ("year", "last")
    SELECT ${year}::int, COALESCE(MAX(CAST(substring("number" FROM '[0-9]+$') AS INTEGER)), 0) + 1 FROM "CompensationStatement" WHERE "year" = ${year}::int
    ON CONFLICT ("year") DO UPDATE SET "last" = "StatementNumberCounter"."last" + 1
    RETURNING "last"`;
  return `CS-${year}-${String(row!.last).padStart(6, "0")}`;
}
