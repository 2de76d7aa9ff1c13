/**
 * importPortfolio: a landlord's portfolio (dwellings, accommodation units, leases, households)
 * from one CSV or XLSX file. Every row is validated first (rows.ts, plan.ts) and every bad row
 * reported with its line, column, rule and code. By default nothing is applied unless the whole
 * file is valid (ALL_OR_NOTHING, one transaction); VALID_BATCHES commits the valid dwellings with
 * their units, leases and households in batches, each its own transaction, and reports the rest.
 * Progress (rows validated and applied) is kept on the PortfolioImport record, readable with
 * `portfolioImport(id:)` while a long file runs. Audited like every mutation: one AuditEvent per
 * created dwelling, unit and lease (no personal data), and one for the import. Idempotent: the
 * Idempotency-Key is marked committed with the last change.
 */
import { encodeGlobalID } from "@pothos/plugin-relay";
import { randomUUID } from "node:crypto";

import type { Prisma, PortfolioImport } from "../../generated/prisma/client.js";
import { builder } from "../../schema/builder.js";
import { Problems, UserErrorRef, UserErrorsAbort, type UserError } from "../../schema/user-errors.js";
import { checkId, checkInt } from "../../schema/validate.js";
import { decodeGlobalId } from "../../schema/ids.js";
import { recordAudit } from "../../db/audit-trail.js";
import { isMinistry, isMinistryAdmin, organisationOf } from "../../identity/viewer.js";
import type { Context } from "../../schema/context.js";
import { organisationInScope } from "../../access/policy.js";
import { checkHeader, FileError, readCsv, readXlsx, type RawRow, type RowError } from "../adapters/rows.js";
import { planImport, type Plan } from "../adapters/plan.js";
import { insertRows } from "../../db/bulk-insert.js";

type Tx = Prisma.TransactionClient;
/** Largest file accepted (characters of CSV or of base64 XLSX); the HTTP body limit applies first. */
const MAX_CONTENT = 100 * 1024 * 1024;
/** Rows between two progress updates, and dwellings per batch in VALID_BATCHES mode (default). */
const DEFAULT_BATCH = 500;
/** Longest an import's transaction may run (a 10,000-dwelling file takes seconds on PostgreSQL). */
const TRANSACTION_TIMEOUT_MS = 300_000;

const ImportFormatEnum = builder.enumType("ImportFormat", {
  description: "Format of an import file.",
  values: {
    CSV: { description: "CSV text (UTF-8, comma-separated, header line)." },
    XLSX: { description: "Excel workbook, base64-encoded; its first worksheet, header on row 1." },
  } as const,
});
const ImportModeEnum = builder.enumType("ImportMode", {
  description: "What an import applies when some rows are bad.",
  values: {
    ALL_OR_NOTHING: { description: "Nothing unless every row is valid (default)." },
    VALID_BATCHES: {
      description:
        "The valid dwellings with their units, leases and households, in committed batches; the bad rows (and the groups they belong to) are reported and left out.",
    },
  } as const,
});

const ImportRowErrorRef = builder.objectRef<RowError>("ImportRowError").implement({
  description: "A bad row of an import file.",
  fields: (t) => ({
    line: t.exposeInt("line", { description: "Line of the CSV file (the header is line 1), or row of the worksheet." }),
    column: t.exposeString("column", { description: "Column at fault." }),
    code: t.exposeString("code", { description: "Stable code (as UserErrorCode)." }),
    rule: t.string({ nullable: true, description: "The legal rule broken, when there is one.", resolve: (e) => e.rule }),
    message: t.exposeString("message", { description: "What is wrong." }),
  }),
});

const PortfolioImportRef = builder.objectRef<PortfolioImport>("PortfolioImport").implement({
  description: "An import of a landlord's portfolio: its progress and its report.",
  fields: (t) => ({
    id: t.id({ description: "Global ID (for portfolioImport(id:)).", resolve: (i) => encodeGlobalID("PortfolioImport", i.id) }),
    format: t.exposeString("format", { description: "CSV or XLSX." }),
    mode: t.exposeString("mode", { description: "ALL_OR_NOTHING or VALID_BATCHES." }),
    status: t.exposeString("status", { description: "VALIDATING, APPLYING, APPLIED, PARTIALLY_APPLIED or REJECTED." }),
    totalRows: t.exposeInt("totalRows", { description: "Data rows in the file." }),
    processedRows: t.exposeInt("processedRows", { description: "Rows validated so far (progress)." }),
    appliedRows: t.exposeInt("appliedRows", { description: "Rows applied." }),
    rejectedRows: t.exposeInt("rejectedRows", { description: "Rows left out (bad, or in the group of a bad row)." }),
    rowErrors: t.field({
      type: [ImportRowErrorRef],
      description: "Every bad row, with line, column and rule.",
      resolve: (i) => (Array.isArray(i.report) ? (i.report as unknown as RowError[]) : []),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "Start." }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", nullable: true, description: "End; null while it runs." }),
  }),
});

const ImportPortfolioInput = builder.inputType("ImportPortfolioInput", {
  description: "A portfolio file to import (see the README's import section for its columns).",
  fields: (t) => ({
    landlordId: t.id({ required: false, description: "Landlord (ministry administrators only; a landlord imports into its own stock)." }),
    format: t.field({ type: ImportFormatEnum, required: true, description: "CSV or XLSX." }),
    content: t.string({ required: true, description: "The file: CSV text, or the XLSX workbook in base64." }),
    mode: t.field({ type: ImportModeEnum, required: false, description: "ALL_OR_NOTHING (default) or VALID_BATCHES." }),
    batchSize: t.int({ required: false, description: `Dwellings per committed batch and rows between progress updates, 10-5000 (default ${DEFAULT_BATCH}).` }),
  }),
});

const ImportPortfolioPayload = builder.objectRef<{ portfolioImport: PortfolioImport | null; userErrors: UserError[] }>("ImportPortfolioPayload").implement({
  description: "Result of importPortfolio.",
  fields: (t) => ({
    portfolioImport: t.field({
      type: PortfolioImportRef,
      nullable: true,
      description: "The import with its report; null when the file itself is refused (userErrors).",
      resolve: (p) => p.portfolioImport,
    }),
    userErrors: t.field({
      type: [UserErrorRef],
      description: "Why the request or the file as a whole is refused; a file's bad rows are in portfolioImport.rowErrors.",
      resolve: (p) => p.userErrors,
    }),
  }),
});

// ───────────── applying ─────────────

interface Group {
  dwellings: Plan["dwellings"];
  units: Plan["units"];
  leases: Plan["leases"];
  members: Plan["members"];
  rows: number;
}

async function apply(tx: Tx, ctx: Context, g: Group, importId: string) {
  // Bulk statements (db/bulk-insert.ts): Prisma's createMany cost about 1 ms per row here.
  const now = new Date();
  const stamped = <T extends object>(rows: T[]) => rows.map((r) => ({ ...r, updatedAt: now }));
  await insertRows(tx, "Dwelling", stamped(g.dwellings.map((d) => d.row)));
  await insertRows(tx, "AccommodationUnit", stamped(g.units.map((u) => u.row)));
  // Imported rows carry the import's ID (issue 12 finding 3 a/b): an imported lease never makes a real vacancy, an imported tenant is not on the register.
  await insertRows(tx, "Candidate", stamped(g.leases.map((l) => ({ ...l.candidate, importId }))));
  await insertRows(tx, "Household", stamped(g.leases.map((l) => l.household)));
  await insertRows(tx, "HouseholdMember", [...g.leases.map((l) => l.applicant), ...g.members.map((m) => m.row)]);
  await insertRows(tx, "Lease", stamped(g.leases.map((l) => ({ ...l.lease, importId }))));
  const who =
    ctx.viewer.kind === "apiKey"
      ? { apiKeyId: ctx.viewer.apiKeyId, organisationId: ctx.viewer.organisationId, role: ctx.viewer.role }
      : { apiKeyId: null, organisationId: null, role: null };
  const audit = [
    ...g.dwellings.map((d) => ({ entityType: "Dwelling", entityId: d.row.id, after: { ...d.row, importId, line: d.line } })),
    ...g.units.map((u) => ({ entityType: "AccommodationUnit", entityId: u.row.id, after: { ...u.row, importId, line: u.line } })),
    // Leases without the tenant's identity: the audit trail keeps no personal data.
    ...g.leases.map((l) => ({ entityType: "Lease", entityId: l.lease.id, after: { ...l.lease, importId, line: l.line } })),
  ].map((a) => ({ ...who, action: "importPortfolio", correlationId: ctx.correlationId, entityType: a.entityType, entityId: a.entityId, after: a.after }));
  await insertRows(tx, "AuditEvent", audit);
}

/** Marks the Idempotency-Key committed inside the transaction of the (last) change, as runMutation does. */
async function markIdempotency(tx: Tx, ctx: Context) {
  if (!ctx.idempotency || ctx.viewer.kind !== "apiKey") return;
  const { key, claimedAt } = ctx.idempotency;
  const marked = await tx.idempotencyRecord.updateMany({
    where: { apiKeyId: ctx.viewer.apiKeyId, key, createdAt: claimedAt, committedAt: null },
    data: { committedAt: new Date() },
  });
  if (marked.count !== 1)
    throw new UserErrorsAbort([
      { field: ["idempotencyKey"], code: "CONFLICT", message: "A retry with the same Idempotency-Key took this request over; this one applied nothing" },
    ]);
}

/** Groups of rows that stand or fall together: a dwelling with its units, leases and their members. */
function groupsOf(plan: Plan, rows: RawRow[]): { groups: Group[]; rejected: Set<number> } {
  const byDwelling = new Map<number, Group>();
  for (const d of plan.dwellings) byDwelling.set(d.line, { dwellings: [d], units: [], leases: [], members: [], rows: 1 });
  for (const u of plan.units) byDwelling.get(u.dwellingLine)!.units.push(u);
  const leaseLine = new Map<number, number>();
  for (const l of plan.leases) {
    byDwelling.get(l.dwellingLine)!.leases.push(l);
    leaseLine.set(l.line, l.dwellingLine);
  }
  for (const m of plan.members) byDwelling.get(leaseLine.get(m.leaseLine)!)!.members.push(m);
  // A bad row naming a dwelling (or a household) of a group spoils that group.
  const refLine = new Map(plan.dwellings.map((d) => [d.row.reference, d.line]));
  const householdLine = new Map(plan.leases.map((l) => [l.householdReference, l.dwellingLine]));
  const spoiled = new Set<number>();
  for (const raw of rows) {
    if (!plan.badLines.has(raw.line)) continue;
    const d =
      refLine.get((raw.values.dwellingReference ?? raw.values.reference ?? "").trim()) ?? householdLine.get((raw.values.householdReference ?? "").trim());
    if (d !== undefined) spoiled.add(d);
  }
  const rejected = new Set<number>(plan.badLines);
  const groups: Group[] = [];
  for (const [line, g] of byDwelling) {
    g.rows = g.dwellings.length + g.units.length + g.leases.length + g.members.length;
    if (spoiled.has(line)) [...g.dwellings, ...g.units, ...g.leases, ...g.members].forEach((x) => rejected.add(x.line));
    else groups.push(g);
  }
  return { groups, rejected };
}

const merge = (gs: Group[]): Group => ({
  dwellings: gs.flatMap((g) => g.dwellings),
  units: gs.flatMap((g) => g.units),
  leases: gs.flatMap((g) => g.leases),
  members: gs.flatMap((g) => g.members),
  rows: gs.reduce((n, g) => n + g.rows, 0),
});

// ───────────── the mutation ─────────────

async function reference(ctx: Context, landlordId: string) {
  const p = ctx.prisma;
  const [municipalities, developers, conventions, refs] = await Promise.all([
    p.municipality.findMany({ select: { id: true } }),
    p.organisation.findMany({ where: { isSocialDeveloper: true, deactivatedAt: null }, select: { id: true } }),
    p.convention.findMany({ where: { kind: "COMPENSATION", landlordId }, select: { id: true } }),
    p.dwelling.findMany({ where: { landlordId }, select: { reference: true } }),
  ]);
  return {
    landlordId,
    today: new Date().toISOString().slice(0, 10),
    municipalities: new Set(municipalities.map((m) => m.id)),
    developers: new Set(developers.map((d) => d.id)),
    conventions: new Set(conventions.map((c) => c.id)),
    existingReferences: new Set(refs.map((r) => r.reference)),
  };
}

export async function importPortfolio(
  ctx: Context,
  input: typeof ImportPortfolioInput.$inferInput,
): Promise<{ portfolioImport: PortfolioImport | null; userErrors: UserError[] }> {
  const p = new Problems();
  checkInt(p, "batchSize", input.batchSize, { min: 10, max: 5000 });
  if (input.content.length > MAX_CONTENT)
    p.add("content", "TOO_LONG", `content is ${input.content.length} characters long; at most ${MAX_CONTENT} are allowed`);
  let landlordId = organisationOf(ctx.viewer);
  if (input.landlordId != null) {
    if (!isMinistryAdmin(ctx.viewer))
      p.add("landlordId", "FORBIDDEN", "Only a ministry administrator names the landlord; a landlord imports into its own stock");
    else landlordId = checkId(p, "landlordId", input.landlordId, "Organisation") ?? landlordId;
  } else if (isMinistryAdmin(ctx.viewer)) p.add("landlordId", "REQUIRED", "A ministry administrator must name the landlord");
  if (p.any) return { portfolioImport: null, userErrors: p.list };
  const landlord = await ctx.prisma.$transaction((tx) => organisationInScope(tx, ctx.viewer, p, "landlordId", landlordId));
  if (landlord && !landlord.isSocialLandlord) p.add("landlordId", "RULE_VIOLATION", "The landlord must be a social landlord (bailleur social)", "law art. 38");
  if (landlord?.deactivatedAt) p.add("landlordId", "INVALID_STATE", `${landlord.name} was deactivated`);
  if (p.any || !landlord) return { portfolioImport: null, userErrors: p.list };

  let rows: RawRow[];
  try {
    if (input.format === "XLSX") {
      if (!/^[A-Za-z0-9+/=\s]+$/.test(input.content)) throw new FileError("content is not base64 (an XLSX workbook is sent base64-encoded)");
      rows = await readXlsx(input.content);
      checkHeader(rows, () => Object.keys(rows[0]?.values ?? {}));
    } else {
      rows = readCsv(input.content);
      const firstLine = input.content.split(/\r?\n/, 1)[0] ?? "";
      checkHeader(rows, () => firstLine.split(",").map((c) => c.trim().replace(/^"|"$/g, "")));
    }
  } catch (e) {
    if (e instanceof FileError)
      return { portfolioImport: null, userErrors: [{ field: ["input", "content"], code: "INVALID_VALUE", message: e.message, rule: null }] };
    throw e;
  }

  const mode = input.mode ?? "ALL_OR_NOTHING";
  const batch = input.batchSize ?? DEFAULT_BATCH;
  const id = randomUUID();
  const record = await ctx.prisma.portfolioImport.create({
    data: {
      id,
      landlordId,
      format: input.format,
      mode,
      status: "VALIDATING",
      totalRows: rows.length,
      apiKeyId: ctx.viewer.kind === "apiKey" ? ctx.viewer.apiKeyId : null,
    },
  });
  const progress = (data: Prisma.PortfolioImportUpdateInput) => ctx.prisma.portfolioImport.update({ where: { id }, data });
  try {
    const ref = await reference(ctx, landlordId);
    const plan = planImport(rows, ref);
    await progress({ processedRows: rows.length });
    const { groups, rejected } = groupsOf(plan, rows);
    const report = plan.errors as unknown as Prisma.InputJsonValue;
    const summary = (applied: number, status: string) => ({
      importId: id,
      landlordId,
      format: input.format,
      mode,
      totalRows: rows.length,
      appliedRows: applied,
      rejectedRows: rows.length - applied,
      badRows: plan.badLines.size,
      status,
    });
    const tx = <T>(work: (t: Tx) => Promise<T>) => ctx.prisma.$transaction(work, { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 10_000 });

    if (mode === "ALL_OR_NOTHING" || plan.errors.length === 0) {
      if (plan.errors.length > 0) {
        await tx(async (t) => {
          await t.portfolioImport.update({ where: { id }, data: { status: "REJECTED", rejectedRows: rows.length, report, finishedAt: new Date() } });
          await recordAudit(t, {
            viewer: ctx.viewer,
            correlationId: ctx.correlationId,
            action: "importPortfolio",
            entityType: "PortfolioImport",
            entityId: id,
            before: null,
            after: summary(0, "REJECTED"),
          });
          await markIdempotency(t, ctx);
        });
      } else {
        await progress({ status: "APPLYING" });
        await tx(async (t) => {
          await apply(t, ctx, merge(groups), id);
          await t.portfolioImport.update({ where: { id }, data: { status: "APPLIED", appliedRows: rows.length, report: [], finishedAt: new Date() } });
          await recordAudit(t, {
            viewer: ctx.viewer,
            correlationId: ctx.correlationId,
            action: "importPortfolio",
            entityType: "PortfolioImport",
            entityId: id,
            before: null,
            after: summary(rows.length, "APPLIED"),
          });
          await markIdempotency(t, ctx);
        });
      }
    } else {
      await progress({ status: "APPLYING", rejectedRows: rejected.size, report });
      let applied = 0;
      for (let i = 0; i < groups.length; i += batch) {
        const part = merge(groups.slice(i, i + batch));
        await tx(async (t) => {
          await apply(t, ctx, part, id);
          await t.portfolioImport.update({ where: { id }, data: { appliedRows: { increment: part.rows } } });
        });
        applied += part.rows;
      }
      await tx(async (t) => {
        await t.portfolioImport.update({ where: { id }, data: { status: applied > 0 ? "PARTIALLY_APPLIED" : "REJECTED", finishedAt: new Date() } });
        await recordAudit(t, {
          viewer: ctx.viewer,
          correlationId: ctx.correlationId,
          action: "importPortfolio",
          entityType: "PortfolioImport",
          entityId: id,
          before: null,
          after: summary(applied, "PARTIALLY_APPLIED"),
        });
        await markIdempotency(t, ctx);
      });
    }
  } catch (e) {
    if (e instanceof UserErrorsAbort) return { portfolioImport: null, userErrors: e.userErrors };
    await progress({ status: "FAILED", finishedAt: new Date() }).catch(() => undefined);
    throw e;
  }
  return { portfolioImport: await ctx.prisma.portfolioImport.findUniqueOrThrow({ where: { id: record.id } }), userErrors: [] };
}

builder.mutationField("importPortfolio", (t) =>
  t.field({
    type: ImportPortfolioPayload,
    description:
      "Imports a landlord's portfolio — dwellings, accommodation units, leases and households — from a CSV or XLSX file, validated row by row with the mutations' rules; every bad row is reported with its line, column and rule. ALL_OR_NOTHING (default) applies nothing unless the whole file is valid.",
    authScopes: { landlord: true, ministryAdmin: true },
    args: { input: t.arg({ type: ImportPortfolioInput, required: true, description: "The file." }) },
    resolve: (_r, { input }, ctx) => importPortfolio(ctx, input),
  }),
);

builder.queryField("portfolioImport", (t) =>
  t.field({
    type: PortfolioImportRef,
    nullable: true,
    description: "An import with its progress and report: the landlord's own, or any for the ministry. Null when there is none the caller may see.",
    authScopes: { landlord: true, ministry: true },
    args: { id: t.arg.id({ required: true, description: "PortfolioImport.id." }) },
    resolve: async (_r, args, ctx) => {
      const id = decodeGlobalId(String(args.id), "PortfolioImport", "id");
      const row = await ctx.prisma.portfolioImport.findUnique({ where: { id } });
      if (!row) return null;
      if (!isMinistry(ctx.viewer) && row.landlordId !== organisationOf(ctx.viewer)) return null;
      return row;
    },
  }),
);
