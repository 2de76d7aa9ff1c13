/**
 * Issue 12 — personal data by field class. The exposure test is generated from the registry
 * (privacy/personal-data.ts, FIELD_CLASSES, OMITTED_ROWS, AUDIT_KEY_CLASSES): for each caller and
 * relationship, every classified field is asked through every path that reaches its type (node,
 * nodes, connections, nested, audit trail, allocation files) and must be masked or absent where
 * the caller has no right to it — and present for a caller that has one (so that a mask applied
 * to everyone, or a path that reaches nothing, fails too). A type added to the registry without a
 * path here fails the test. A field with a masked form (a date coarsened to its year, a JSON payload
 * with its classified keys masked) must answer exactly that form. The CSV export is checked too.
 * Then one test per finding of the issue (1, 3, 4); the review's later findings are in
 * personal-data-findings.test.ts.
 */
import { readFileSync } from "node:fs";
import { buildSchema, getNamedType, isLeafType, isObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_KEY_CLASSES, FIELD_CLASSES, OMITTED_ROWS } from "../../src/privacy/personal-data.js";
import { unmaskPerVacancy, unmaskingEntryWhere } from "../../src/privacy/relationship.js";
import { gid, startTestApi, type Caller, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { compensationConventionOf, compute, ok, openFile, vacantDwelling } from "../allocation/flow.js";

const schema = buildSchema(readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"));
const CALLERS: Caller[] = ["admin", "analyst", "landlordA", "landlordB", "developer", "anonymous"];
const today = new Date().toISOString().slice(0, 10);
const decode = (id: string) => Buffer.from(id, "base64").toString().split(":")[1]!;

/** The classified fields of a type, as a selection (objects as `{ __typename }`). */
function fieldsOf(type: string): string[] {
  return Object.keys(FIELD_CLASSES)
    .filter((k) => k.startsWith(`${type}.`))
    .map((k) => k.slice(type.length + 1));
}
function selection(type: string): string {
  const t = schema.getType(type);
  if (!t || !isObjectType(t)) throw new Error(`no type ${type}`);
  return fieldsOf(type)
    .map((f) => (isLeafType(getNamedType(t.getFields()[f]!.type)) ? f : `${f} { __typename }`))
    .join(" ");
}

/** Subjects of the seeded register, read from the database. */
interface Subjects {
  /** A's allocation file whose shortlist unmasks (real vacancy, approved methodology), and a candidate within the bound. */
  fileA: string;
  candidateA: string;
  householdA: string;
  /** A candidate in no allocation file of A or B, and no tenant. */
  outsideCandidate: string;
  /** A's tenants: a lease of a young tenant (YOUNG_TENANT_AGE), a lease with a recorded medical reason, one with rent revisions, a rehousing case. */
  youngLease: string;
  medicalLease: string;
  revisedLease: string;
  rehousingCase: string;
  tenantHousehold: string;
  /** A's lease holding a deposit with a sum withheld; A's allocation offer with a refusal's reason; A's file with a deliberation that may leave the commission. */
  depositLease: string;
  offerA: string;
  deliberationFile: string;
}

/** A path to objects of a type: the query, and the objects of the type in its answer. */
interface Path {
  name: string;
  query: (s: Subjects, sel: string) => { doc: string; vars?: Record<string, unknown> };
  extract: (data: any) => any[];
  /** Whose data the path reaches: A's (the callers entitled to A's see it), each caller's own (connections), or nobody's but the administrators'. */
  subject: "A" | "own" | "outside";
}

const edges = (c: any) => (c?.edges ?? []).map((e: any) => e.node);
const PATHS: Record<string, Path[]> = {
  CandidatePersonalData: [
    {
      name: "node",
      subject: "A",
      query: (s, sel) => ({
        doc: `query($id: ID!) { node(id: $id) { ... on Candidate { personalData { ${sel} } } } }`,
        vars: { id: gid("Candidate", s.candidateA) },
      }),
      extract: (d) => [d?.node?.personalData],
    },
    {
      name: "nodes",
      subject: "outside",
      query: (s, sel) => ({
        doc: `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Candidate { personalData { ${sel} } } } }`,
        vars: { ids: [gid("Candidate", s.outsideCandidate)] },
      }),
      extract: (d) => (d?.nodes ?? []).map((n: any) => n?.personalData),
    },
    {
      name: "nested: file → shortlist → candidate",
      subject: "A",
      query: (s, sel) => ({
        doc: `query($id: ID!) { node(id: $id) { ... on AllocationFile { candidates(first: 100) { edges { node { candidate { personalData { ${sel} } } } } } } } }`,
        vars: { id: gid("AllocationFile", s.fileA) },
      }),
      extract: (d) => edges(d?.node?.candidates).map((e: any) => e.candidate?.personalData),
    },
  ],
  HouseholdMember: [
    {
      name: "node",
      subject: "A",
      query: (s, sel) => ({
        doc: `query($id: ID!) { node(id: $id) { ... on Household { members { ${sel} } } } }`,
        vars: { id: gid("Household", s.householdA) },
      }),
      extract: (d) => d?.node?.members ?? [],
    },
    {
      name: "nodes",
      subject: "A",
      query: (s, sel) => ({
        doc: `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Household { members { ${sel} } } } }`,
        vars: { ids: [gid("Household", s.tenantHousehold)] },
      }),
      extract: (d) => (d?.nodes ?? []).flatMap((n: any) => n?.members ?? []),
    },
    {
      name: "nested: lease → household",
      subject: "A",
      query: (s, sel) => ({
        doc: `query($id: ID!) { node(id: $id) { ... on Lease { household { members { ${sel} } } } } }`,
        vars: { id: gid("Lease", s.youngLease) },
      }),
      extract: (d) => d?.node?.household?.members ?? [],
    },
    {
      name: "connection: leases → household",
      subject: "own",
      query: (_s, sel) => ({ doc: `{ leases(first: 20) { edges { node { household { members { ${sel} } } } } } }` }),
      extract: (d) => edges(d?.leases).flatMap((l: any) => l.household?.members ?? []),
    },
  ],
  Lease: [
    {
      name: "node",
      subject: "A",
      query: (s, sel) => ({ doc: `query($id: ID!) { node(id: $id) { ... on Lease { ${sel} } } }`, vars: { id: gid("Lease", s.medicalLease) } }),
      extract: (d) => [d?.node],
    },
    {
      name: "connection",
      subject: "own",
      query: (_s, sel) => ({ doc: `{ leases(first: 50) { edges { node { ${sel} } } } }` }),
      extract: (d) => edges(d?.leases),
    },
  ],
  RentRevision: [
    {
      name: "nested: lease → revisions",
      subject: "A",
      query: (s, sel) => ({
        doc: `query($id: ID!) { node(id: $id) { ... on Lease { revisions(first: 20) { edges { node { ${sel} } } } } } }`,
        vars: { id: gid("Lease", s.revisedLease) },
      }),
      extract: (d) => edges(d?.node?.revisions),
    },
  ],
  LeaseEnd: [
    {
      name: "nested: lease → endOptions, earliestEnd",
      subject: "A",
      query: (s, sel) => ({
        doc: `query($id: ID!) { node(id: $id) { ... on Lease { endOptions { ground ${sel} } earliestEnd { ground ${sel} } } } }`,
        vars: { id: gid("Lease", s.youngLease) },
      }),
      extract: (d) => [...(d?.node?.endOptions ?? []), d?.node?.earliestEnd],
    },
  ],
  LeaseTermination: [
    {
      name: "nested: lease → terminations",
      subject: "A",
      query: (s, sel) => ({
        doc: `query($id: ID!) { node(id: $id) { ... on Lease { terminations { ground ${sel} } } } }`,
        vars: { id: gid("Lease", s.medicalLease) },
      }),
      extract: (d) => d?.node?.terminations ?? [],
    },
    {
      name: "connection: leases → terminations",
      subject: "own",
      query: (_s, sel) => ({ doc: `{ leases(first: 50) { edges { node { terminations { ground ${sel} } } } } }` }),
      extract: (d) => edges(d?.leases).flatMap((l: any) => l.terminations ?? []),
    },
  ],
  Inventory: [
    {
      name: "nested: lease → inventories",
      subject: "A",
      query: (s, sel) => ({ doc: `query($id: ID!) { node(id: $id) { ... on Lease { inventories { ${sel} } } } }`, vars: { id: gid("Lease", s.medicalLease) } }),
      extract: (d) => d?.node?.inventories ?? [],
    },
  ],
  RentInformationRequest: [
    {
      name: "nested: lease → rentInformationRequests",
      subject: "A",
      query: (s, sel) => ({
        doc: `query($id: ID!) { node(id: $id) { ... on Lease { rentInformationRequests { ${sel} } } } }`,
        vars: { id: gid("Lease", s.medicalLease) },
      }),
      extract: (d) => d?.node?.rentInformationRequests ?? [],
    },
  ],
  DepositWithheldSum: [
    {
      name: "nested: lease → deposit → withheld",
      subject: "A",
      query: (s, sel) => ({
        doc: `query($id: ID!) { node(id: $id) { ... on Lease { deposit { withheld { ${sel} } } } } }`,
        vars: { id: gid("Lease", s.depositLease) },
      }),
      extract: (d) => d?.node?.deposit?.withheld ?? [],
    },
  ],
  RehousingCase: [
    {
      name: "node",
      subject: "A",
      query: (s, sel) => ({
        doc: `query($id: ID!) { node(id: $id) { ... on RehousingCase { ${sel} } } }`,
        vars: { id: gid("RehousingCase", s.rehousingCase) },
      }),
      extract: (d) => [d?.node],
    },
  ],
  AllocationOffer: [
    {
      name: "node",
      subject: "A",
      query: (s, sel) => ({ doc: `query($id: ID!) { node(id: $id) { ... on AllocationOffer { ${sel} } } }`, vars: { id: gid("AllocationOffer", s.offerA) } }),
      extract: (d) => [d?.node],
    },
  ],
  CommissionDeliberation: [
    {
      name: "nested: file → deliberations",
      subject: "A",
      query: (s, sel) => ({
        doc: `query($id: ID!) { node(id: $id) { ... on AllocationFile { deliberations { ${sel} } } } }`,
        vars: { id: gid("AllocationFile", s.deliberationFile) },
      }),
      extract: (d) => d?.node?.deliberations ?? [],
    },
  ],
  RehousingAssessment: [
    {
      name: "node: rehousing case → assessment",
      subject: "A",
      query: (s, sel) => ({
        doc: `query($id: ID!) { node(id: $id) { ... on RehousingCase { assessment { ${sel} } } } }`,
        vars: { id: gid("RehousingCase", s.rehousingCase) },
      }),
      extract: (d) => [d?.node?.assessment],
    },
  ],
  CriterionContribution: [
    {
      name: "nested: file → shortlist → contributions",
      subject: "A",
      query: (s, sel) => ({
        doc: `query($id: ID!) { node(id: $id) { ... on AllocationFile { candidates(first: 100) { edges { node { contributions { ${sel} } } } } } } }`,
        vars: { id: gid("AllocationFile", s.fileA) },
      }),
      extract: (d) => edges(d?.node?.candidates).flatMap((e: any) => e.contributions),
    },
    {
      name: "connection: allocationFiles → shortlist → contributions",
      subject: "own",
      query: (_s, sel) => ({
        doc: `{ allocationFiles(first: 5) { edges { node { candidates(first: 20) { edges { node { contributions { ${sel} } } } } } } } }`,
      }),
      extract: (d) => edges(d?.allocationFiles).flatMap((f: any) => edges(f.candidates).flatMap((e: any) => e.contributions)),
    },
  ],
  EligibilityResult: [
    {
      name: "candidateEligibility",
      subject: "A",
      query: (s, sel) => ({ doc: `query($id: ID!) { candidateEligibility(candidateId: $id) { ${sel} } }`, vars: { id: gid("Candidate", s.candidateA) } }),
      extract: (d) => [d?.candidateEligibility],
    },
  ],
  EligibilityFailure: [
    {
      name: "candidateEligibility on a past day",
      subject: "outside",
      query: (s, sel) => ({
        doc: `query($id: ID!) { candidateEligibility(candidateId: $id, asOf: "2024-06-15") { failures { ${sel} } } }`,
        vars: { id: gid("Candidate", s.outsideCandidate) },
      }),
      extract: (d) => d?.candidateEligibility?.failures ?? [],
    },
  ],
};

/** Who may see the personal data a path reaches. */
const ENTITLED: Record<Path["subject"], Caller[]> = { A: ["admin", "landlordA"], own: ["admin", "landlordA", "landlordB"], outside: ["admin"] };

describe(`personal data by field class (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  let s: Subjects;

  beforeAll(async () => {
    api = await startTestApi();
    const p = api.db.prisma;
    const { esch, fonds } = api.orgIds;
    const entry = await p.allocationFileCandidate.findFirstOrThrow({
      where: {
        ...unmaskingEntryWhere(esch),
        allocationFile: {
          ...unmaskingEntryWhere(esch).allocationFile,
          status: { in: ["SHORTLIST", "SOCIAL_ENQUIRY", "COMMISSION_OPINION", "HOUSING_PROMISE", "VISIT", "REFUSED", "VACANCY"] },
        },
        application: { candidate: { household: { isNot: null } } },
      },
      include: { application: { include: { candidate: { include: { household: true } } } } },
      orderBy: [{ rank: "asc" }],
    });
    const inFiles = (landlordId: string) => ({ applications: { some: { allocationEntries: { some: { allocationFile: { landlordId } } } } } });
    const outside = await p.candidate.findFirstOrThrow({
      where: { NOT: [inFiles(esch), inFiles(fonds)], household: { is: { leases: { none: {} }, memberCount: { gte: 1 } } } },
      orderBy: { id: "asc" },
    });
    const young = await p.lease.findFirstOrThrow({
      where: { landlordId: esch, status: "ACTIVE", dwelling: { dedicatedSubCategory: "YOUNG_PEOPLE" } },
      include: { household: { include: { members: true } } },
      orderBy: { household: { members: { _count: "asc" } } },
    });
    // Fixture: a senior's medical reason recorded on one of A's leases (what recordMedicalBedroomReason writes).
    const medical = await p.lease.findFirstOrThrow({ where: { landlordId: esch, status: "ACTIVE", NOT: { id: young.id } }, orderBy: { id: "asc" } });
    await p.lease.update({
      where: { id: medical.id },
      data: {
        medicalReasonDocumentedOn: new Date("2026-01-15T00:00:00Z"),
        medicalReasonEvidence: "Certificat du Dr Weber: insuffisance cardiaque, chambre pour l'aide-soignante",
      },
    });
    const revised = await p.lease.findFirstOrThrow({ where: { landlordId: esch, revisions: { some: {} } }, orderBy: { id: "asc" } });
    const rehousing = await p.rehousingCase.findFirstOrThrow({ where: { lease: { landlordId: esch } }, orderBy: { id: "asc" } });
    // Fixtures: what a young tenant's end and a death record on one of A's leases (terminateLease writes them), and the free texts of A's tenancy and allocation records.
    await p.lease.update({ where: { id: medical.id }, data: { endsOn: new Date("2031-05-17T00:00:00Z") } });
    await p.leaseTermination.create({
      data: {
        leaseId: medical.id,
        ground: "YOUNG_TENANT_AGE",
        regime: "LAW",
        effectiveOn: new Date("2031-05-17T00:00:00Z"),
        evidence: "Acte de naissance de Jean Muller",
        computation: {
          facts: { ground: "YOUNG_TENANT_AGE", category: "YOUNG", tenantBirthDate: "1999-05-17" },
          end: { ground: "YOUNG_TENANT_AGE", available: true, endsOn: "2031-05-17", occupancyTitleLostOn: "2031-05-17" },
        },
      },
    });
    await p.leaseTermination.create({
      data: {
        leaseId: medical.id,
        ground: "DEATH",
        regime: "LAW",
        noticeOn: new Date("2026-03-09T00:00:00Z"),
        effectiveOn: new Date("2026-06-09T00:00:00Z"),
        evidence: "Acte de décès de Jean Muller",
        computation: {
          facts: { ground: "DEATH", diedOn: "2026-03-09", successors: [{ personId: "Marie Muller", eligible: false }] },
          end: { endsOn: "2026-06-09", passesTo: [] },
        },
      },
    });
    await p.inventory.create({
      data: {
        leaseId: medical.id,
        kind: "EXIT",
        doneOn: new Date("2026-06-10T00:00:00Z"),
        matchesEntry: false,
        notes: "M. Muller, hospitalisé, n'a pas pu entretenir le logement",
      },
    });
    await p.rentInformationRequest.create({
      data: { leaseId: medical.id, requestedOn: new Date("2026-02-01T00:00:00Z"), note: "Demande des fiches de salaire de Mme Muller (congé maladie)" },
    });
    const deposit = await p.deposit.findFirstOrThrow({ where: { lease: { landlordId: esch }, holderId: esch }, orderBy: { id: "asc" } });
    await p.deposit.update({ where: { id: deposit.id }, data: { withheld: [{ amount: "120.00", reason: "Arriérés de M. Muller (chômage)" }] } });
    await p.rehousingCase.update({ where: { id: rehousing.id }, data: { waiverReason: "Mme Muller, 84 ans, malade: relogement déraisonnable" } });
    const offer = await p.allocationOffer.findFirstOrThrow({ where: { allocationFile: { landlordId: esch } }, orderBy: { id: "asc" } });
    await p.allocationOffer.update({ where: { id: offer.id }, data: { reason: "Refus: le candidat est en traitement à l'hôpital de Kirchberg" } });
    const deliberation = await p.deliberation.findFirstOrThrow({
      where: { allocationFile: { landlordId: esch }, isOnSelectedCandidate: true },
      orderBy: { id: "asc" },
    });
    await p.deliberation.update({ where: { id: deliberation.id }, data: { reasons: "Famille Muller: revenus faibles, enfant handicapé" } });
    s = {
      depositLease: deposit.leaseId,
      offerA: offer.id,
      deliberationFile: deliberation.allocationFileId,
      fileA: entry.allocationFileId,
      candidateA: entry.application.candidateId,
      householdA: entry.application.candidate.household!.id,
      outsideCandidate: outside.id,
      youngLease: young.id,
      medicalLease: medical.id,
      revisedLease: revised.id,
      rehousingCase: rehousing.id,
      tenantHousehold: young.householdId,
    };
    // Fixture: an audit record with personal data in its payload, as a mutation on a household writes it.
    const member = young.household.members[0]!;
    await p.auditEvent.create({
      data: {
        action: "fixture",
        entityType: "Household",
        entityId: young.householdId,
        before: null as never,
        after: {
          members: [
            {
              firstName: member.firstName,
              lastName: member.lastName,
              birthDate: member.birthDate.toISOString().slice(0, 10),
              annualNetIncome: member.annualNetIncome.toFixed(2),
              hasDisability: true,
            },
          ],
          rentComputation: { annualNetDisposableIncome: "45210.00", grossAnnualUncapped: "9946.20" },
          medicalReasonEvidence: "Certificat du Dr Weber",
        },
      },
    });
  }, 300_000);
  afterAll(async () => api?.close());

  it("every type of the registry has a path in this test, and every classified field is in the schema", () => {
    const types = [...new Set(Object.keys(FIELD_CLASSES).map((k) => k.split(".")[0]!))].sort();
    expect(types.filter((t) => !PATHS[t])).toEqual([]);
    for (const t of types) expect(() => selection(t)).not.toThrow();
  });

  for (const [type, paths] of Object.entries(PATHS)) {
    it(`${type}: ${fieldsOf(type).join(", ")} — masked or absent for every caller without the right, through ${paths.map((p) => p.name).join("; ")}`, async () => {
      const problems: string[] = [];
      for (const path of paths) {
        const { doc, vars } = path.query(s, selection(type));
        // The administrators' answer: what a field's masked form (FIELD_CLASSES masked) is computed from.
        const full = path.extract((await api.gql("admin", doc, vars)).body.data).filter((o) => o != null);
        for (const caller of CALLERS) {
          const res = await api.gql(caller, doc, vars);
          if (caller === "admin") expect(res.body.errors, `${type} ${path.name}`).toBeUndefined();
          const objects = path.extract(res.body.data).filter((o) => o != null);
          const values = objects.flatMap((o, i) =>
            fieldsOf(type)
              .filter((f) => !FIELD_CLASSES[`${type}.${f}`]!.when || FIELD_CLASSES[`${type}.${f}`]!.when!(o as never))
              .map((f) => {
                const spec = FIELD_CLASSES[`${type}.${f}`]!;
                const original = full[i]?.[f];
                // A non-null field answers its masked form: it counts as shown only if it is not that form (or is the value itself).
                const maskedForm = spec.masked && original != null ? JSON.stringify(spec.masked(original as never, full[i] as never)) : undefined;
                const isMasked = maskedForm !== undefined && JSON.stringify(o[f]) === maskedForm && maskedForm !== JSON.stringify(original);
                return [f, isMasked && !ENTITLED[path.subject].includes(caller) ? null : o[f]] as const;
              }),
          );
          // An empty list carries nothing (a lease end that passes to nobody).
          const shown = values.filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0));
          if (ENTITLED[path.subject].includes(caller)) {
            // Entitled: the path must reach the data (CriterionContribution details beyond the bound aside).
            if (shown.length === 0 && values.length > 0) problems.push(`${caller} ${path.name}: entitled, yet every classified value is null`);
          } else if (shown.length) {
            problems.push(
              `${caller} ${path.name}: ${shown
                .slice(0, 3)
                .map(([f, v]) => `${f}=${JSON.stringify(v).slice(0, 40)}`)
                .join(", ")}`,
            );
          }
        }
      }
      expect(problems).toEqual([]);
    }, 300_000);
  }

  it(`rows dated by a birth date (${Object.keys(OMITTED_ROWS).join(", ")}) are absent for the analysts, through leaseDeadlines and Lease.deadlines`, async () => {
    const young = (rows: any[]) => rows.filter((r) => OMITTED_ROWS.LeaseDeadline.when(r));
    const docs = [
      // A connection: each landlord its own tenants' deadlines; the analysts none dated by a birth date.
      {
        doc: `{ leaseDeadlines(first: 100, withinDays: 3660) { edges { node { kind date description } } } }`,
        rows: (d: any) => edges(d?.leaseDeadlines),
        masked: ["analyst", "developer", "anonymous"] as Caller[],
      },
      {
        doc: `query($id: ID!) { node(id: $id) { ... on Lease { deadlines(withinDays: 3660) { kind date description } } } }`,
        vars: { id: gid("Lease", s.youngLease) },
        rows: (d: any) => d?.node?.deadlines ?? [],
        masked: ["analyst", "landlordB", "developer", "anonymous"] as Caller[],
      },
    ];
    for (const { doc, vars, rows, masked } of docs) {
      expect(young(rows((await api.gql("admin", doc, vars)).body.data)).length, `admin ${doc.slice(0, 30)}`).toBeGreaterThan(0);
      expect(young(rows((await api.gql("landlordA", doc, vars)).body.data)).length, `landlordA ${doc.slice(0, 30)}`).toBeGreaterThan(0);
      for (const caller of masked) expect(young(rows((await api.gql(caller, doc, vars)).body.data)), `${caller} ${doc.slice(0, 30)}`).toEqual([]);
    }
  }, 120_000);

  it("audit payloads: every classified key, at any depth, is a band or masked, for every caller who reads the trail", async () => {
    const problems: string[] = [];
    const walk = (v: unknown, where: string) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${where}.${i}`));
      else if (v && typeof v === "object")
        for (const [k, x] of Object.entries(v)) {
          if (AUDIT_KEY_CLASSES[k] && x !== null && !(typeof x === "string" && /^(masked:|EUR_|AGE_|UNDER_18)/.test(x)))
            problems.push(`${where}.${k}=${JSON.stringify(x).slice(0, 40)}`);
          else walk(x, `${where}.${k}`);
        }
    };
    for (const caller of ["admin", "analyst"] as const) {
      const res = await api.gql(caller, `{ auditEvents(first: 100) { edges { node { entityType before after } } } }`);
      const events = edges(res.body.data?.auditEvents);
      expect(events.length, caller).toBeGreaterThan(0);
      for (const e of events) walk({ before: e.before, after: e.after }, `${caller} ${e.entityType}`);
      const fixture = events.find((e: any) => e.after?.medicalReasonEvidence);
      expect(fixture.after.members[0]).toMatchObject({
        firstName: "masked:IDENTITY",
        annualNetIncome: expect.stringMatching(/^EUR_/),
        birthDate: expect.stringMatching(/^(AGE_|UNDER_18)/),
        hasDisability: "masked:DISABILITY",
      });
    }
    for (const caller of ["landlordA", "landlordB", "developer", "anonymous"] as const)
      expect((await api.gql(caller, `{ auditEvents(first: 1) { edges { node { after } } } }`)).body.data?.auditEvents ?? null, caller).toBeNull();
    expect(problems).toEqual([]);
  });

  it("CSV export (compensation statement, the one CSV path): no tenant's name or birth date, for every caller who reads it", async () => {
    const members = await api.db.prisma.householdMember.findMany({
      where: { household: { leases: { some: { landlordId: api.orgIds.esch } } } },
      select: { lastName: true, birthDate: true },
    });
    expect(members.length).toBeGreaterThan(0);
    for (const caller of ["admin", "analyst", "landlordA"] as const) {
      const res = await api.gql(caller, `query($input: CompensationStatementInput!) { compensationStatementDraft(input: $input) { csv } }`, {
        input: { landlordId: gid("Organisation", api.orgIds.esch), year: 2025 },
      });
      expect(res.body.errors, caller).toBeUndefined();
      const csv: string = res.body.data!.compensationStatementDraft.csv;
      expect(csv.split("\r\n").length, caller).toBeGreaterThan(10);
      const found = members.flatMap((m) => [`,${m.lastName},`, m.birthDate.toISOString().slice(0, 10)].filter((secret) => csv.includes(secret)));
      expect(found, caller).toEqual([]);
    }
  }, 120_000);

  it("finding 1: register unmasking — a landlord sees candidates only on the shortlist of a real vacancy it recorded, within the bound per vacancy; every unmasking is an access record the ministry lists", async () => {
    const bound = unmaskPerVacancy();
    const FILE = `query($id: ID!) { node(id: $id) { ... on AllocationFile { candidates(first: 100) { edges { node { rank candidate { id personalData { firstName birthDate } } contributions { detail } } } } } } }`;
    const unmasked = async (fileId: string) =>
      edges((await api.gql("landlordA", FILE, { id: fileId })).body.data!.node.candidates).map((e: any) => ({
        rank: e.rank,
        id: e.candidate.id,
        personal: e.candidate.personalData !== null,
        detail: e.contributions.some((c: any) => c.detail !== null),
      }));

    // Candidates another ground already unmasks to A (within the bound of a seeded file of a real vacancy).
    const otherGround = new Set(
      (
        await api.db.prisma.allocationFileCandidate.findMany({
          where: unmaskingEntryWhere(api.orgIds.esch),
          select: { application: { select: { candidateId: true } } },
        })
      ).map((e) => e.application.candidateId),
    );
    // A dwelling the landlord just recorded as VACANT, outside any convention: keep 100 unmasks nobody new.
    const fake = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2, { compensationConventionId: undefined }), "2026-11-02");
    await compute(api, "landlordA", fake, "2026-11-05", 100);
    const onFake = await unmasked(fake);
    expect(onFake.length).toBeGreaterThan(bound);
    expect(onFake.filter((c: any) => (c.personal || c.detail) && !otherGround.has(decode(c.id)))).toEqual([]);
    expect(onFake.filter((c: any) => !c.personal).length).toBeGreaterThan(bound);

    // A real vacancy (under its compensation convention): only the first `bound` ranks.
    expect(await compensationConventionOf(api, "landlordA")).toBeDefined();
    const real = await openFile(api, "landlordA", await vacantDwelling(api, "landlordA", 2), "2026-11-02");
    await compute(api, "landlordA", real, "2026-11-05", 100);
    const onReal = await unmasked(real);
    expect(onReal.length).toBeGreaterThan(bound);
    const within = onReal.filter((c: any) => c.rank <= bound);
    const beyond = onReal.filter((c: any) => c.rank > bound);
    expect(within.every((c: any) => c.personal && c.detail)).toBe(true);
    // Beyond the bound, only candidates another ground unmasks (another file's bound) may show.
    expect(beyond.filter((c: any) => c.personal && !otherGround.has(decode(c.id)))).toEqual([]);

    // A version the landlord records itself does not take effect: the shortlist still ranks with an approved one.
    const v = await ok(
      api,
      "landlordA",
      `mutation($input: CreateAllocationMethodologyVersionInput!) { createAllocationMethodologyVersion(input: $input) { methodology { id approvedOn } userErrors { field code message } } }`,
      {
        input: {
          config: (await api.db.prisma.allocationMethodology.findFirstOrThrow({ where: { landlordId: api.orgIds.esch }, orderBy: { version: "asc" } })).config,
        },
      },
      "createAllocationMethodologyVersion",
    );
    expect(v.methodology.approvedOn).toBeNull();

    // The access records: who, whose, why, when — listed for the ministry, refused to landlords.
    const first = within[0]!;
    const LIST = `query($c: ID!) { personalDataAccesses(first: 50, filter: { candidateId: $c }) { edges { node { occurredAt role organisationId candidateId purpose basisId apiKeyPrefix } } } }`;
    const records = edges((await api.gql("analyst", LIST, { c: first.id })).body.data!.personalDataAccesses);
    expect(records).toContainEqual(
      expect.objectContaining({
        role: "SOCIAL_LANDLORD",
        organisationId: gid("Organisation", api.orgIds.esch),
        candidateId: first.id,
        purpose: "ALLOCATION_FILE",
        basisId: real,
      }),
    );
    expect(records.every((r: any) => typeof r.occurredAt === "string" && r.apiKeyPrefix)).toBe(true);
    for (const caller of ["landlordA", "landlordB", "developer", "anonymous"] as const)
      expect((await api.gql(caller, LIST, { c: first.id })).body.data?.personalDataAccesses ?? null, caller).toBeNull();
    // A pseudonymised read leaves no access record.
    const hidden = beyond.find((c: any) => !c.personal)!;
    expect(
      edges((await api.gql("admin", LIST, { c: hidden.id })).body.data!.personalDataAccesses).filter(
        (r: any) => r.organisationId === gid("Organisation", api.orgIds.esch) && r.basisId === real,
      ),
    ).toEqual([]);
  }, 600_000);

  it("finding 3: analysts read pseudonymised records and coarse bands only — no income, birth-date-derived end, health text, disability or raw audit payload", async () => {
    const LEASE = `query($id: ID!) { node(id: $id) { ... on Lease { monthlyRent rentComputation { annualNetDisposableIncome } medicalReasonEvidence medicalReasonDocumentedOn
      endOptions { ground endsOn } household { incomeBand composition { size } members { ageBand firstName birthDate annualNetIncome hasDisability } } } } }`;
    const admin = (await api.gql("admin", LEASE, { id: gid("Lease", s.youngLease) })).body.data!.node;
    const analyst = (await api.gql("analyst", LEASE, { id: gid("Lease", s.youngLease) })).body.data!.node;
    expect(admin.endOptions.find((e: any) => e.ground === "YOUNG_TENANT_AGE").endsOn).toMatch(/^\d{4}-/);
    expect(analyst.endOptions.find((e: any) => e.ground === "YOUNG_TENANT_AGE").endsOn).toBeNull();
    expect(analyst.monthlyRent).toBe(admin.monthlyRent);
    expect(analyst.rentComputation).toBeNull();
    expect(analyst.household.incomeBand).toMatch(/^EUR_/);
    expect(analyst.household.incomeBand).toBe(admin.household.incomeBand);
    for (const m of analyst.household.members)
      expect(m).toMatchObject({
        ageBand: expect.stringMatching(/^(UNDER_18|AGE_)/),
        firstName: null,
        birthDate: null,
        annualNetIncome: null,
        hasDisability: null,
      });
    const medical = (await api.gql("analyst", LEASE, { id: gid("Lease", s.medicalLease) })).body.data!.node;
    expect(medical).toMatchObject({ medicalReasonEvidence: null, medicalReasonDocumentedOn: null });
    expect((await api.gql("admin", LEASE, { id: gid("Lease", s.medicalLease) })).body.data!.node.medicalReasonEvidence).toMatch(/Weber/);
    const assessment = (
      await api.gql("analyst", `query($id: ID!) { node(id: $id) { ... on RehousingCase { assessment { protectedDisabledMember } } } }`, {
        id: gid("RehousingCase", s.rehousingCase),
      })
    ).body.data!.node.assessment;
    expect(assessment.protectedDisabledMember).toBeNull();
    // Allocation files and their decision records: nothing of the candidates' identities in the analyst's answer.
    const file = await api.gql(
      "analyst",
      `query($id: ID!) { node(id: $id) { ... on AllocationFile { decisionHash decisionRecordBytes events { reason } candidates(first: 100) { edges { node { rank score contributions { criterion points detail } candidate { ageBand householdComposition { size } personalData { firstName } } } } } } } }`,
      { id: gid("AllocationFile", s.fileA) },
    );
    const text = JSON.stringify(file.body.data);
    const c = await api.db.prisma.candidate.findUniqueOrThrow({ where: { id: s.candidateA } });
    for (const secret of [c.firstName, c.lastName, c.birthDate.toISOString().slice(0, 10), c.address]) expect(text).not.toContain(secret);
    expect(
      edges(file.body.data!.node.candidates).every((e: any) => e.candidate.personalData === null && e.contributions.every((x: any) => x.detail === null)),
    ).toBe(true);
  }, 300_000);

  it("finding 4: eligibility oracle — about a hidden candidate only eligible or not, and only for today or the caller's own file days", async () => {
    const Q = `query($id: ID!, $asOf: Date) { candidateEligibility(candidateId: $id, asOf: $asOf) { eligible disclosure checked failures { condition reason memberKey } income { annual } ceiling { ceiling } parameters { parameterId } interpretationNotes } }`;
    const id = gid("Candidate", s.outsideCandidate);
    for (const caller of ["landlordA", "landlordB", "analyst"] as const) {
      const todayAnswer = await api.gql(caller, Q, { id, asOf: today });
      expect(todayAnswer.body.errors, caller).toBeUndefined();
      const r = todayAnswer.body.data!.candidateEligibility;
      expect(r, caller).toMatchObject({
        disclosure: "OUTCOME_ONLY",
        checked: [],
        failures: [],
        income: null,
        ceiling: null,
        parameters: [],
        interpretationNotes: [],
      });
      expect(typeof r.eligible).toBe("boolean");
      // A binary search on asOf is refused: every other day names the field.
      for (const asOf of ["1990-01-01", "2024-06-15", "2030-01-01"]) {
        const res = await api.gql(caller, Q, { id, asOf });
        expect(res.body.errors?.[0]?.extensions, `${caller} ${asOf}`).toMatchObject({ code: "BAD_USER_INPUT", field: "asOf" });
        expect(res.body.data?.candidateEligibility ?? null).toBeNull();
      }
    }
    // The administrator (register administration) gets everything, on any day.
    const full = (await api.gql("admin", Q, { id, asOf: "2024-06-15" })).body.data!.candidateEligibility;
    expect(full.disclosure).toBe("FULL");
    expect(full.checked.length).toBeGreaterThan(0);
    // A landlord asks about a candidate on its own shortlist any day, with the figures.
    const own = (await api.gql("landlordA", Q, { id: gid("Candidate", s.candidateA), asOf: "2024-06-15" })).body.data!.candidateEligibility;
    expect(own.disclosure).toBe("FULL");
  }, 120_000);
});
