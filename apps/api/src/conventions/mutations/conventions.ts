/**
 * Conventions with the State (issue 13 §2), created and amended by the ministry's administrators:
 * - financial-participation conventions with a social developer (convention de participation
 *   financière, law art. 8-9): project, eligible costs by kind, State participation, bank-loan
 *   prefinancing (RGD 24 January 2024 art. 2), emphyteusis (bill art. 17 §1 al. 3); and, per
 *   dwelling, the capital invested and the developer's own contribution (art. 13 §3) and the
 *   emphyteusis fees (recordDwellingFinancing);
 * - compensation conventions with a social landlord (art. 40), optionally naming the developer
 *   whose dwellings it lets; dwellings (and through them their accommodation units) join one by
 *   naming it (createDwelling, updateDwelling's facts, the import).
 * A convention is never edited in place once an issued statement used it: `amendConvention`
 * records a dated amendment (avenant) that keeps the values it replaces and takes effect only
 * after the last year an issued statement covers, so that no frozen statement is contradicted.
 */
import { Dec, isoOfDate, todayIso } from "@abordable/domain";
import type { Convention, Prisma } from "../../generated/prisma/client.js";
import { builder } from "../../schema/builder.js";
import { Problems, UserErrorRef, UserErrorsAbort, type UserError } from "../../schema/user-errors.js";
import { runMutation } from "../../schema/mutation.js";
import { asDate, checkDecimal, checkId, checkInt, checkText } from "../../schema/validate.js";
import { ConventionRef } from "../types/convention.js";
import { conventionInScope, dwellingInScope, organisationInScope, projectOfDeveloper } from "../../access/policy.js";

type Tx = Prisma.TransactionClient;
const MONEY = { max: "999999999999.99", scale: 2, unit: "EUR" } as const;

export const EligibleCostKindEnum = builder.enumType("EligibleCostKind", {
  description: "Kind of eligible cost of a financed project (coûts éligibles, law art. 8-9 and art. 13 §3).",
  values: {
    LAND: { description: "Land costs (coûts fonciers; art. 13 §3 remunerates the capital invested in them)." },
    CONSTRUCTION: { description: "Construction costs (coûts de construction)." },
    RENOVATION: { description: "Renovation costs (coûts de rénovation)." },
    OTHER: { description: "Other eligible costs named in the convention." },
  } as const,
});

const EligibleCostInput = builder.inputType("EligibleCostInput", {
  description: "An eligible cost of the project, by kind.",
  fields: (t) => ({
    kind: t.field({ type: EligibleCostKindEnum, required: true, description: "Kind of cost." }),
    amount: t.field({ type: "Decimal", required: true, description: "Amount, EUR, at least 0, two decimals at most." }),
  }),
});

const CreateFinancingConventionInput = builder.inputType("CreateFinancingConventionInput", {
  description: "A financial-participation convention (convention de participation financière, law art. 8-9) with a social developer.",
  fields: (t) => ({
    reference: t.string({ required: true, description: "Reference of the convention, unique (at most 100 characters)." }),
    developerId: t.id({ required: true, description: "The social developer (promoteur social, art. 16)." }),
    projectId: t.id({ required: false, description: "An existing project of this developer; or give projectName and projectMunicipalityCode to create it." }),
    projectName: t.string({ required: false, description: "Name of a new project (projet de logement abordable, art. 8)." }),
    projectMunicipalityCode: t.string({ required: false, description: "Municipality of the new project." }),
    signedOn: t.field({ type: "Date", required: true, description: "Date of signature (the RGD of 24 January 2024 applies from 1 October 2023)." }),
    startsOn: t.field({ type: "Date", required: true, description: "Start of the convention." }),
    endsOn: t.field({ type: "Date", required: false, description: "End of the convention, if fixed; after startsOn." }),
    durationYears: t.int({ required: false, description: "Initial length in years (DC of bill annex IV), 1 to 99." }),
    stateParticipation: t.field({ type: "Decimal", required: false, description: "State participation including land (PFA of bill annex IV), EUR." }),
    totalCost: t.field({ type: "Decimal", required: false, description: "Initial total cost including land brought (CT of bill annex IV), EUR." }),
    eligibleCosts: t.field({ type: [EligibleCostInput], required: false, description: "Eligible costs by kind; at most one entry per kind." }),
    bankLoanPrefinancing: t.boolean({
      required: false,
      description: "The developer's contribution is prefinanced by a bank loan (RGD 24 January 2024 art. 2). Default false.",
    }),
    emphyteusis: t.boolean({ required: false, description: "The land is granted in emphyteusis (bill art. 17 §1 al. 3). Default false." }),
    fondsIndemnityRequested: t.boolean({ required: false, description: "The Fonds du Logement asks for the indemnity of bill art. 13 §3bis. Default false." }),
  }),
});

const CreateCompensationConventionInput = builder.inputType("CreateCompensationConventionInput", {
  description: "A compensation convention (art. 40) with a social landlord; dwellings join it by naming it.",
  fields: (t) => ({
    reference: t.string({ required: true, description: "Reference of the convention, unique (at most 100 characters)." }),
    landlordId: t.id({ required: true, description: "The social landlord (bailleur social, art. 38)." }),
    developerId: t.id({ required: false, description: "The social developer whose dwellings the landlord lets and pays a rent to (art. 13 §1), if one." }),
    signedOn: t.field({ type: "Date", required: true, description: "Date of signature." }),
    startsOn: t.field({ type: "Date", required: true, description: "Start of the convention." }),
    endsOn: t.field({ type: "Date", required: false, description: "End, if fixed; after startsOn." }),
  }),
});

const AmendConventionInput = builder.inputType("AmendConventionInput", {
  description: "A dated amendment (avenant) of a convention; fields left out stay as they are.",
  fields: (t) => ({
    conventionId: t.id({ required: true, description: "The convention." }),
    signedOn: t.field({ type: "Date", required: true, description: "Date the amendment was signed." }),
    effectiveOn: t.field({
      type: "Date",
      required: true,
      description: "Date it takes effect: after the last year covered by an issued statement of the convention.",
    }),
    reason: t.string({ required: true, description: "Why (at most 500 characters)." }),
    endsOn: t.field({ type: "Date", required: false, description: "New end of the convention." }),
    durationYears: t.int({ required: false, description: "New length in years." }),
    stateParticipation: t.field({ type: "Decimal", required: false, description: "New State participation (PFA), EUR." }),
    totalCost: t.field({ type: "Decimal", required: false, description: "New total cost (CT), EUR." }),
    eligibleCosts: t.field({ type: [EligibleCostInput], required: false, description: "New eligible costs by kind (replace the list)." }),
    bankLoanPrefinancing: t.boolean({ required: false, description: "Bank-loan prefinancing (RGD 24 January 2024 art. 2)." }),
  }),
});

const RecordDwellingFinancingInput = builder.inputType("RecordDwellingFinancingInput", {
  description: "What a financial-participation convention finances in one dwelling (art. 13 §3; bill art. 17 §1 al. 3).",
  fields: (t) => ({
    conventionId: t.id({ required: true, description: "The financial-participation convention." }),
    dwellingId: t.id({ required: true, description: "A dwelling of the convention's developer." }),
    landCapitalInvested: t.field({ type: "Decimal", required: false, description: "Eligible land costs invested, EUR." }),
    landOwnContribution: t.field({
      type: "Decimal",
      required: false,
      description: "The developer's own contribution to them, EUR; at most the capital invested.",
    }),
    constructionCapitalInvested: t.field({ type: "Decimal", required: false, description: "Eligible construction or renovation costs invested, EUR." }),
    constructionOwnContribution: t.field({
      type: "Decimal",
      required: false,
      description: "The developer's own contribution to them, EUR; at most the capital invested.",
    }),
    emphyteusisFeesPerYear: t.field({
      type: "Decimal",
      required: false,
      description: "Annual emphyteusis fees the developer receives (bill art. 17 §1 al. 3), EUR; only under a convention with emphyteusis.",
    }),
  }),
});

const ConventionPayload = builder.objectRef<{ convention: Convention | null; userErrors: UserError[] }>("ConventionPayload").implement({
  description: "Result of a convention mutation.",
  fields: (t) => ({
    convention: t.field({
      type: ConventionRef,
      nullable: true,
      description: "The convention as changed; null when there are user errors.",
      resolve: (p) => p.convention,
    }),
    userErrors: t.field({ type: [UserErrorRef], description: "Rules the input breaks; empty on success.", resolve: (p) => p.userErrors }),
  }),
});

builder.prismaObjectFields("Convention", (t) => ({
  eligibleCosts: t.field({
    type: "JSON",
    nullable: true,
    description: "Eligible costs by kind (coûts éligibles, art. 8-9): [{ kind, amount }], EUR.",
    select: { eligibleCosts: true },
    resolve: (c) => c.eligibleCosts,
  }),
  emphyteusis: t.exposeBoolean("emphyteusis", { description: "The land is granted in emphyteusis (bill art. 17 §1 al. 3)." }),
  amendments: t.field({
    type: "JSON",
    description: "Dated amendments (avenants), oldest first: [{ signedOn, effectiveOn, reason, changes: { field: { before, after } } }].",
    select: { amendments: { orderBy: [{ effectiveOn: "asc" }, { createdAt: "asc" }] } },
    resolve: (c) =>
      c.amendments.map((a) => ({
        signedOn: isoOfDate(a.signedOn),
        effectiveOn: isoOfDate(a.effectiveOn),
        reason: a.reason,
        changes: a.changes,
      })),
  }),
}));

function fail(p: Problems): never {
  throw new UserErrorsAbort(p.list);
}

function checkDates(p: Problems, signedOn: string, startsOn: string, endsOn: string | null | undefined) {
  if (endsOn && endsOn <= startsOn) p.add("endsOn", "OUT_OF_RANGE", "endsOn must be after startsOn");
  if (signedOn > todayIso()) p.add("signedOn", "OUT_OF_RANGE", "signedOn is in the future; record a convention once signed");
}

function checkCosts(
  p: Problems,
  costs: readonly { kind: string; amount: import("decimal.js").Decimal }[] | null | undefined,
): { kind: string; amount: string }[] | undefined {
  if (!costs) return undefined;
  const seen = new Set<string>();
  costs.forEach((c, i) => {
    checkDecimal(p, `eligibleCosts.${i}.amount`, c.amount, MONEY);
    if (c.amount.isNegative()) p.add(`eligibleCosts.${i}.amount`, "OUT_OF_RANGE", "An eligible cost is not negative");
    if (seen.has(c.kind)) p.add(`eligibleCosts.${i}.kind`, "CONFLICT", `Eligible cost ${c.kind} is given twice`);
    seen.add(c.kind);
  });
  return costs.map((c) => ({ kind: c.kind, amount: c.amount.toFixed(2) }));
}

function checkMoney(p: Problems, field: string, v: import("decimal.js").Decimal | null | undefined) {
  checkDecimal(p, field, v, MONEY);
  if (v && v.isNegative()) p.add(field, "OUT_OF_RANGE", `${field} is not negative`);
}

async function checkReference(tx: Tx, p: Problems, reference: string | undefined) {
  if (reference && (await tx.convention.findUnique({ where: { reference } })))
    p.add("reference", "CONFLICT", `A convention with reference "${reference}" exists already`);
}

builder.mutationField("createFinancingConvention", (t) =>
  t.field({
    type: ConventionPayload,
    description: "Records a financial-participation convention with a social developer (law art. 8-9; ministry administrators only).",
    authScopes: { ministryAdmin: true },
    args: { input: t.arg({ type: CreateFinancingConventionInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "createFinancingConvention", async (tx) => {
        const p = new Problems();
        const reference = checkText(p, "reference", input.reference, { max: 100, required: true });
        const developerId = checkId(p, "developerId", input.developerId, "Organisation");
        const projectId = checkId(p, "projectId", input.projectId, "Project");
        const projectName = checkText(p, "projectName", input.projectName, { max: 200 });
        const projectMunicipality = checkText(p, "projectMunicipalityCode", input.projectMunicipalityCode, { max: 64 });
        checkInt(p, "durationYears", input.durationYears, { min: 1, max: 99 });
        checkMoney(p, "stateParticipation", input.stateParticipation);
        checkMoney(p, "totalCost", input.totalCost);
        const costs = checkCosts(p, input.eligibleCosts);
        checkDates(p, input.signedOn, input.startsOn, input.endsOn);
        if (projectId && (projectName || projectMunicipality))
          p.add("projectId", "INVALID_VALUE", "Give projectId, or projectName with projectMunicipalityCode, not both");
        if (!projectId && (!projectName || !projectMunicipality))
          p.add(
            "projectName",
            "REQUIRED",
            "A financing convention is for a project: give projectId, or projectName with projectMunicipalityCode",
            "law art. 8",
          );
        if (p.any) fail(p);
        const developer = await organisationInScope(tx, ctx.viewer, p, "developerId", developerId);
        if (developer && !developer.isSocialDeveloper)
          p.add("developerId", "RULE_VIOLATION", `${developer.name} is not a social developer (promoteur social)`, "law art. 16");
        if (developer?.deactivatedAt) p.add("developerId", "INVALID_STATE", `${developer.name} was deactivated`);
        if (projectId) await projectOfDeveloper(tx, p, "projectId", projectId, developerId!);
        if (projectMunicipality && !(await tx.municipality.findUnique({ where: { id: projectMunicipality } })))
          p.add("projectMunicipalityCode", "NOT_FOUND", `No municipality with code "${projectMunicipality}"`);
        await checkReference(tx, p, reference);
        if (p.any) fail(p);
        const project =
          projectId ?? (await tx.project.create({ data: { name: projectName!, developerId: developerId!, municipalityId: projectMunicipality! } })).id;
        const row = await tx.convention.create({
          data: {
            reference: reference!,
            kind: "FINANCIAL_PARTICIPATION",
            developerId: developerId!,
            projectId: project,
            signedOn: asDate(input.signedOn),
            startsOn: asDate(input.startsOn),
            endsOn: input.endsOn ? asDate(input.endsOn) : null,
            durationYears: input.durationYears ?? null,
            stateParticipation: input.stateParticipation?.toFixed(2) ?? null,
            totalCost: input.totalCost?.toFixed(2) ?? null,
            ...(costs && { eligibleCosts: costs }),
            bankLoanPrefinancing: input.bankLoanPrefinancing ?? false,
            emphyteusis: input.emphyteusis ?? false,
            fondsIndemnityRequested: input.fondsIndemnityRequested ?? false,
          },
        });
        return { result: row, entityType: "Convention", entityId: row.id, before: null, after: row };
      });
      return { convention: out.result, userErrors: out.userErrors };
    },
  }),
);

builder.mutationField("createCompensationConvention", (t) =>
  t.field({
    type: ConventionPayload,
    description: "Records a compensation convention with a social landlord (law art. 40; ministry administrators only).",
    authScopes: { ministryAdmin: true },
    args: { input: t.arg({ type: CreateCompensationConventionInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "createCompensationConvention", async (tx) => {
        const p = new Problems();
        const reference = checkText(p, "reference", input.reference, { max: 100, required: true });
        const landlordId = checkId(p, "landlordId", input.landlordId, "Organisation");
        const developerId = checkId(p, "developerId", input.developerId, "Organisation");
        checkDates(p, input.signedOn, input.startsOn, input.endsOn);
        if (p.any) fail(p);
        const landlord = await organisationInScope(tx, ctx.viewer, p, "landlordId", landlordId);
        if (landlord && !landlord.isSocialLandlord)
          p.add("landlordId", "RULE_VIOLATION", `${landlord.name} is not a social landlord (bailleur social)`, "law art. 38");
        if (landlord?.deactivatedAt) p.add("landlordId", "INVALID_STATE", `${landlord.name} was deactivated`);
        const developer = await organisationInScope(tx, ctx.viewer, p, "developerId", developerId);
        if (developer && !developer.isSocialDeveloper)
          p.add("developerId", "RULE_VIOLATION", `${developer.name} is not a social developer (promoteur social)`, "law art. 16");
        await checkReference(tx, p, reference);
        if (p.any) fail(p);
        const row = await tx.convention.create({
          data: {
            reference: reference!,
            kind: "COMPENSATION",
            landlordId: landlordId!,
            developerId: developerId ?? null,
            signedOn: asDate(input.signedOn),
            startsOn: asDate(input.startsOn),
            endsOn: input.endsOn ? asDate(input.endsOn) : null,
          },
        });
        return { result: row, entityType: "Convention", entityId: row.id, before: null, after: row };
      });
      return { convention: out.result, userErrors: out.userErrors };
    },
  }),
);

builder.mutationField("amendConvention", (t) =>
  t.field({
    type: ConventionPayload,
    description:
      "Records a dated amendment (avenant) of a convention (ministry administrators only). It keeps the values it replaces and takes effect after the last year an issued statement of the convention covers: an issued statement is never contradicted.",
    authScopes: { ministryAdmin: true },
    args: { input: t.arg({ type: AmendConventionInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "amendConvention", async (tx) => {
        const p = new Problems();
        const conventionId = checkId(p, "conventionId", input.conventionId, "Convention");
        const reason = checkText(p, "reason", input.reason, { max: 500, required: true });
        checkInt(p, "durationYears", input.durationYears, { min: 1, max: 99 });
        checkMoney(p, "stateParticipation", input.stateParticipation);
        checkMoney(p, "totalCost", input.totalCost);
        const costs = checkCosts(p, input.eligibleCosts);
        if (input.effectiveOn < input.signedOn) p.add("effectiveOn", "OUT_OF_RANGE", "An amendment takes effect on or after its signature");
        if (p.any) fail(p);
        const before = await conventionInScope(tx, ctx.viewer, p, "conventionId", conventionId);
        if (!before) fail(p);
        const endsOn = input.endsOn ?? null;
        if (endsOn && endsOn <= before.startsOn.toISOString().slice(0, 10)) p.add("endsOn", "OUT_OF_RANGE", "endsOn must be after the convention's start");
        const last = await tx.compensationStatement.aggregate({ where: { conventionId: before.id }, _max: { year: true } });
        const lastYear = last._max.year;
        if (lastYear !== null && input.effectiveOn <= `${lastYear}-12-31`) {
          p.add(
            "effectiveOn",
            "INVALID_STATE",
            `An issued statement covers ${lastYear} under this convention: the amendment takes effect from ${lastYear + 1}-01-01 at the earliest (issued statements are frozen)`,
          );
        }
        const data: Prisma.ConventionUpdateInput = {};
        const changes: Record<string, { before: unknown; after: unknown }> = {};
        const set = <K extends keyof Convention>(field: K, value: unknown, stored: unknown) => {
          if (value === undefined || value === null) return;
          changes[field] = {
            before: before[field] instanceof Date ? (before[field] as Date).toISOString().slice(0, 10) : before[field] === null ? null : String(before[field]),
            after: value,
          };
          (data as Record<string, unknown>)[field] = stored;
        };
        set("endsOn", input.endsOn, input.endsOn ? asDate(input.endsOn) : undefined);
        set("durationYears", input.durationYears, input.durationYears);
        set("stateParticipation", input.stateParticipation?.toFixed(2), input.stateParticipation?.toFixed(2));
        set("totalCost", input.totalCost?.toFixed(2), input.totalCost?.toFixed(2));
        set("bankLoanPrefinancing", input.bankLoanPrefinancing, input.bankLoanPrefinancing);
        if (costs) {
          changes.eligibleCosts = { before: before.eligibleCosts, after: costs };
          data.eligibleCosts = costs;
        }
        if (Object.keys(changes).length === 0) p.add("reason", "REQUIRED", "An amendment changes at least one field");
        if (p.any) fail(p);
        await tx.conventionAmendment.create({
          data: {
            conventionId: before.id,
            signedOn: asDate(input.signedOn),
            effectiveOn: asDate(input.effectiveOn),
            reason: reason!,
            changes: changes as Prisma.InputJsonValue,
          },
        });
        const after = await tx.convention.update({ where: { id: before.id }, data });
        return {
          result: after,
          entityType: "Convention",
          entityId: after.id,
          before,
          after: { ...after, amendment: { signedOn: input.signedOn, effectiveOn: input.effectiveOn, reason, changes } },
        };
      });
      return { convention: out.result, userErrors: out.userErrors };
    },
  }),
);

builder.mutationField("recordDwellingFinancing", (t) =>
  t.field({
    type: ConventionPayload,
    description:
      "Records what a financial-participation convention finances in a dwelling — capital invested and own contribution by kind (art. 13 §3), emphyteusis fees (bill art. 17 §1 al. 3) — and places the dwelling under it (ministry administrators only). Refused once an issued statement used the convention.",
    authScopes: { ministryAdmin: true },
    args: { input: t.arg({ type: RecordDwellingFinancingInput, required: true, description: "The change requested." }) },
    resolve: async (_r, { input }, ctx) => {
      const out = await runMutation(ctx, "recordDwellingFinancing", async (tx) => {
        const p = new Problems();
        const conventionId = checkId(p, "conventionId", input.conventionId, "Convention");
        const dwellingId = checkId(p, "dwellingId", input.dwellingId, "Dwelling");
        for (const f of [
          "landCapitalInvested",
          "landOwnContribution",
          "constructionCapitalInvested",
          "constructionOwnContribution",
          "emphyteusisFeesPerYear",
        ] as const)
          checkMoney(p, f, input[f]);
        // Art. 13 §3: the capital taken into account is the own contribution, a part of the capital invested.
        const pair = (own: "landOwnContribution" | "constructionOwnContribution", invested: "landCapitalInvested" | "constructionCapitalInvested") => {
          const o = input[own];
          const i = input[invested];
          if (o && i && o.greaterThan(i)) p.add(own, "RULE_VIOLATION", `${own} (${o.toFixed(2)}) exceeds ${invested} (${i.toFixed(2)})`, "law art. 13 §3");
        };
        pair("landOwnContribution", "landCapitalInvested");
        pair("constructionOwnContribution", "constructionCapitalInvested");
        if (p.any) fail(p);
        const convention = await conventionInScope(tx, ctx.viewer, p, "conventionId", conventionId);
        const dwelling = await dwellingInScope(tx, ctx.viewer, p, "dwellingId", dwellingId);
        if (!convention || !dwelling) fail(p);
        if (convention.kind !== "FINANCIAL_PARTICIPATION")
          p.add("conventionId", "RULE_VIOLATION", "Must be a financial-participation convention", "law art. 8");
        else if (dwelling.developerId !== convention.developerId)
          p.add("dwellingId", "RULE_VIOLATION", "The dwelling was not developed by the convention's developer", "law art. 8");
        if (input.emphyteusisFeesPerYear && !convention.emphyteusis)
          p.add("emphyteusisFeesPerYear", "RULE_VIOLATION", "The convention grants no emphyteusis", "bill 8535 art. 17 §1 al. 3");
        if ((await tx.compensationStatement.count({ where: { conventionId: convention.id } })) > 0) {
          p.add("conventionId", "INVALID_STATE", "An issued statement used this convention: its figures are frozen; record an amendment (amendConvention)");
        }
        if (p.any) fail(p);
        const dec = (v: import("decimal.js").Decimal | null | undefined) => (v == null ? undefined : new Dec(v.toFixed()).toFixed(2));
        const after = await tx.dwelling.update({
          where: { id: dwelling.id },
          data: {
            financingConventionId: convention.id,
            ...(convention.projectId && !dwelling.projectId && { projectId: convention.projectId }),
            landCapitalInvested: dec(input.landCapitalInvested),
            landOwnContribution: dec(input.landOwnContribution),
            constructionCapitalInvested: dec(input.constructionCapitalInvested),
            constructionOwnContribution: dec(input.constructionOwnContribution),
            emphyteusisFeesPerYear: dec(input.emphyteusisFeesPerYear),
          },
        });
        return { result: convention, entityType: "Dwelling", entityId: dwelling.id, before: dwelling, after };
      });
      return { convention: out.result, userErrors: out.userErrors };
    },
  }),
);
