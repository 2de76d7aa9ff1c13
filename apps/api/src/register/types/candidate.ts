import { pageCost } from "../../schema/complexity.js";
import type { Prisma } from "../../generated/prisma/client.js";
import { builder } from "../../schema/builder.js";
import { ApplicationMotiveEnum, ApplicationStatusEnum, ResidenceStatusEnum } from "../../schema/enums.js";
import { candidateScope } from "../../access/tenant.js";
import { ageBand, ageOn, todayUtc } from "../adapters/age.js";
import { AgeBandEnum, compositionOf, HouseholdComposition } from "./household.js";

/** The fields of a candidate that identify a person: resolved only for callers allowed to see them. */
const CandidatePersonalData = builder.prismaObject("Candidate", {
  variant: "CandidatePersonalData",
  description: "Personal data of a candidate (GDPR): ministry administrators, and a landlord for candidates in its own allocation files.",
  fields: (t) => ({
    registerNumber: t.exposeString("registerNumber", { description: "Number on the national register (art. 74)." }),
    firstName: t.exposeString("firstName", { description: "First name." }),
    lastName: t.exposeString("lastName", { description: "Last name." }),
    birthDate: t.expose("birthDate", { type: "Date", description: "Date of birth." }),
    address: t.exposeString("address", { description: "Current address." }),
    municipality: t.relation("municipality", { description: "Municipality of residence (art. 58: current-home proximity)." }),
    email: t.exposeString("email", { nullable: true, description: "E-mail address." }),
    phone: t.exposeString("phone", { nullable: true, description: "Telephone number." }),
    residenceStatus: t.expose("residenceStatus", { type: ResidenceStatusEnum, description: "Residence title (art. 55 §1 4°)." }),
    residentSince: t.expose("residentSince", {
      type: "Date",
      nullable: true,
      description: "Holder of the residence right since (art. 55 §1 4°: more than three months).",
    }),
    household: t.relation("household", { nullable: true, description: "The candidate's household with its members." }),
  }),
});

/** Candidate on the national register, pseudonymised unless the caller may see personal data. */
export const CandidateRef = builder.prismaNode("Candidate", {
  description:
    "A candidate on the national register of affordable housing (registre national, law art. 74). Pseudonymised for callers without a need to know: no name, birth date or address; age band and household composition only. `personalData` is null unless the caller may see it.",
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, AND: [candidateScope(ctx.viewer)] }),
  authScopes: { ministry: true, landlord: true },
  fields: (t) => ({
    ageBand: t.field({
      type: AgeBandEnum,
      description: "Age band of the applicant today.",
      select: { birthDate: true },
      resolve: (c) => ageBand(ageOn(c.birthDate, todayUtc())),
    }),
    householdComposition: t.field({
      type: HouseholdComposition,
      nullable: true,
      description: "Composition of the household, without personal data.",
      select: { household: { select: { members: { select: { birthDate: true, partnerId: true } } } } },
      resolve: (c) => (c.household ? compositionOf(c.household.members) : null),
    }),
    applications: t.relation("applications", { description: "Applications on the register, oldest first.", query: { orderBy: { registeredOn: "asc" } } }),
    personalData: t.variant(CandidatePersonalData, {
      description: "Personal data; null unless the caller is a ministry administrator or a landlord holding this candidate in one of its allocation files.",
      isNull: async (c, _args, ctx) => !(await ctx.loaders.candidatePersonalData.load(c.id)),
    }),
  }),
});

builder.prismaObject("Application", {
  description: "An application on the national register (demande, law art. 74); its registration date gives seniority (ties in rankings).",
  fields: (t) => ({
    registeredOn: t.expose("registeredOn", { type: "Date", description: "Registration date (seniority)." }),
    motive: t.expose("motive", { type: ApplicationMotiveEnum, description: "Motive given." }),
    status: t.expose("status", { type: ApplicationStatusEnum, description: "Status on the register." }),
  }),
});

const CandidateFilter = builder.inputType("CandidateFilter", {
  description: "Filters on the register.",
  fields: (t) => ({
    minHouseholdSize: t.int({ required: false, description: "Households of at least this many members." }),
    maxHouseholdSize: t.int({ required: false, description: "Households of at most this many members." }),
    registeredFrom: t.field({ type: "Date", required: false, description: "Application registered on or after this date." }),
    registeredTo: t.field({ type: "Date", required: false, description: "Application registered on or before this date." }),
    applicationStatuses: t.field({ type: [ApplicationStatusEnum], required: false, description: "Status of the application." }),
  }),
});

function candidateWhere(f: typeof CandidateFilter.$inferInput | null | undefined): Prisma.CandidateWhereInput {
  if (!f) return {};
  const where: Prisma.CandidateWhereInput = {};
  if (f.minHouseholdSize != null || f.maxHouseholdSize != null) {
    where.household = {
      memberCount: { ...(f.minHouseholdSize != null && { gte: f.minHouseholdSize }), ...(f.maxHouseholdSize != null && { lte: f.maxHouseholdSize }) },
    };
  }
  const application: Prisma.ApplicationWhereInput = {};
  if (f.registeredFrom || f.registeredTo) {
    application.registeredOn = {
      ...(f.registeredFrom && { gte: new Date(`${f.registeredFrom}T00:00:00Z`) }),
      ...(f.registeredTo && { lte: new Date(`${f.registeredTo}T00:00:00Z`) }),
    };
  }
  if (f.applicationStatuses) application.status = { in: f.applicationStatuses };
  if (Object.keys(application).length > 0) where.applications = { some: application };
  return where;
}

builder.queryField("candidates", (t) =>
  t.prismaConnection({
    type: "Candidate",
    cursor: "id",
    complexity: pageCost,
    description: "Candidates on the national register (ministry and landlords), pseudonymised unless the caller may see personal data.",
    authScopes: { ministry: true, landlord: true },
    args: { filter: t.arg({ type: CandidateFilter, required: false, description: "Conditions." }) },
    totalCount: (_c, args, ctx) => ctx.prisma.candidate.count({ where: { AND: [candidateScope(ctx.viewer), candidateWhere(args.filter)] } }),
    resolve: (query, _p, args, ctx) =>
      ctx.prisma.candidate.findMany({ ...query, where: { AND: [candidateScope(ctx.viewer), candidateWhere(args.filter)] }, orderBy: { id: "asc" } }),
  }),
);
