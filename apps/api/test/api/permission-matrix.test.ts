/**
 * The permission matrix of issue 3, table-driven from the committed schema: every object type
 * implementing Node and every Mutation field, against every caller (ministry administrator and
 * analyst, landlord A = Esch, landlord B = Fonds du Logement, developer = SNHBM, anonymous), on
 * own and foreign rows of the seeded database. A type or a mutation added to the schema without
 * a fixture here fails the test.
 *
 * The expectations are the rules (README "Tenant isolation", access/tenant.ts), not the outcomes:
 * - the ministry (administrator and analyst) reads everything; a landlord its own stock, leases,
 *   files, commissions, methodologies and conventions; a developer its projects, conventions and
 *   the dwellings it developed; the anonymous caller only public data (municipalities);
 * - a mutation is acted by a ministry administrator for anyone, and by a landlord (or, for
 *   statements, a developer) on its own rows only; the analyst and the anonymous caller act on
 *   nothing — except verifyShortlist, a read-only replay that the schema opens to the whole
 *   ministry (it writes only its audit record); API keys are the administrator's alone.
 * Every caller is sent every mutation on the rows it may not act on (landlord B's rows, and
 * landlord A's for landlord B) first: each must be refused and the database left unchanged. Then
 * the callers who may act send it on their own rows: rule errors are fine, refusals are not.
 * The requests per mutation and the rows they point at are in test/support/mutation-fixtures.ts.
 */
import { readFileSync } from "node:fs";
import { buildSchema, isObjectType, type GraphQLObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { gid, startTestApi, type Caller, type TestApi } from "../support/api.js";
import { TEST_DATABASE_KIND } from "../support/database.js";
import { fingerprint } from "../support/fingerprint.js";
import {
  documentOf,
  id,
  inFilesOf,
  mayAct,
  neitherLandlord,
  OWNER,
  prepareMutationFixtures,
  stockOf,
  verdictOf,
  type Extra,
  type MutationFixture,
  type Orgs,
} from "../support/mutation-fixtures.js";

const schema = buildSchema(readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"));
const NODE_TYPES = Object.values(schema.getTypeMap())
  .filter((t): t is GraphQLObjectType => isObjectType(t) && t.getInterfaces().some((i) => i.name === "Node"))
  .map((t) => t.name)
  .sort();
const MUTATIONS = Object.values(schema.getMutationType()!.getFields());

const CALLERS: Caller[] = ["admin", "analyst", "landlordA", "landlordB", "developer", "anonymous"];
const EVERYONE: Caller[] = CALLERS;
const AUTHENTICATED: Caller[] = CALLERS.filter((c) => c !== "anonymous");
const party = (...callers: Caller[]): Caller[] => ["admin", "analyst", ...callers];

// ───────────── types: which rows, and who sees them ─────────────

/** own: landlord A's (Esch); foreign: landlord B's (Fonds du Logement); developer: SNHBM's, where a developer has rows of this type. */
type RowKind = "own" | "foreign" | "developer";
type Rows = Partial<Record<RowKind, string>> & { own: string; foreign: string };
interface TypeFixture {
  rows: (p: PrismaClient, o: Orgs, extra: Extra) => Promise<Rows>;
  seenBy: Partial<Record<RowKind, Caller[]>> & { own: Caller[]; foreign: Caller[] };
}

const TYPES: Record<string, TypeFixture> = {
  AccommodationUnit: {
    rows: async (p, o) => ({
      own: id(await p.accommodationUnit.findFirstOrThrow({ where: { dwelling: stockOf(o.esch, o) }, orderBy: { id: "asc" } })),
      foreign: id(await p.accommodationUnit.findFirstOrThrow({ where: { dwelling: stockOf(o.fonds, o) }, orderBy: { id: "asc" } })),
      developer: (await p.accommodationUnit.findFirst({ where: { dwelling: { developerId: o.snhbm, ...neitherLandlord(o) } }, orderBy: { id: "asc" } }))?.id,
    }),
    seenBy: { own: party("landlordA"), foreign: party("landlordB"), developer: party("developer") },
  },
  AllocationFile: {
    rows: async (p, o) => ({
      own: id(await p.allocationFile.findFirstOrThrow({ where: { landlordId: o.esch }, orderBy: { id: "asc" } })),
      foreign: id(await p.allocationFile.findFirstOrThrow({ where: { landlordId: o.fonds }, orderBy: { id: "asc" } })),
    }),
    seenBy: { own: party("landlordA"), foreign: party("landlordB") },
  },
  AllocationMethodology: {
    rows: async (p, o) => ({
      own: id(await p.allocationMethodology.findFirstOrThrow({ where: { landlordId: o.esch } })),
      foreign: id(await p.allocationMethodology.findFirstOrThrow({ where: { landlordId: o.fonds } })),
    }),
    seenBy: { own: party("landlordA"), foreign: party("landlordB") },
  },
  AllocationOffer: {
    rows: async (p, o) => ({
      own: id(await p.allocationOffer.findFirstOrThrow({ where: { allocationFile: { landlordId: o.esch } }, orderBy: { id: "asc" } })),
      foreign: id(await p.allocationOffer.findFirstOrThrow({ where: { allocationFile: { landlordId: o.fonds } }, orderBy: { id: "asc" } })),
    }),
    seenBy: { own: party("landlordA"), foreign: party("landlordB") },
  },
  // API keys are managed by ministry administrators; an organisation's own keys are visible to it
  // (api-keys/schema.ts). The analyst sees the ministry's own keys only.
  ApiKey: {
    rows: async (_p, _o, extra) => ({ own: extra.apiKeys.A, foreign: extra.apiKeys.B }),
    seenBy: { own: ["admin", "landlordA"], foreign: ["admin", "landlordB"] },
  },
  // The register is open, pseudonymised, to the ministry and to every landlord, which allocate
  // from it (candidateScope); its personal data is checked in permissions.test.ts.
  Candidate: {
    rows: async (p, o) => ({
      own: id(await p.candidate.findFirstOrThrow({ where: { AND: [inFilesOf(o.esch), { NOT: inFilesOf(o.fonds) }] }, orderBy: { id: "asc" } })),
      foreign: id(await p.candidate.findFirstOrThrow({ where: { AND: [inFilesOf(o.fonds), { NOT: inFilesOf(o.esch) }] }, orderBy: { id: "asc" } })),
    }),
    seenBy: { own: party("landlordA", "landlordB"), foreign: party("landlordA", "landlordB") },
  },
  Commission: {
    rows: async (p, o) => ({
      own: id(await p.commission.findFirstOrThrow({ where: { landlordId: o.esch } })),
      foreign: id(await p.commission.findFirstOrThrow({ where: { landlordId: o.fonds } })),
    }),
    seenBy: { own: party("landlordA"), foreign: party("landlordB") },
  },
  CommissionMeeting: {
    rows: async (p, o) => ({
      own: id(await p.commissionMeeting.findFirstOrThrow({ where: { commission: { landlordId: o.esch } }, orderBy: { id: "asc" } })),
      foreign: id(await p.commissionMeeting.findFirstOrThrow({ where: { commission: { landlordId: o.fonds } }, orderBy: { id: "asc" } })),
    }),
    seenBy: { own: party("landlordA"), foreign: party("landlordB") },
  },
  CommissionMember: {
    rows: async (p, o) => ({
      own: id(await p.commissionMember.findFirstOrThrow({ where: { commission: { landlordId: o.esch } }, orderBy: { id: "asc" } })),
      foreign: id(await p.commissionMember.findFirstOrThrow({ where: { commission: { landlordId: o.fonds } }, orderBy: { id: "asc" } })),
    }),
    seenBy: { own: party("landlordA"), foreign: party("landlordB") },
  },
  Convention: {
    rows: async (p, o) => ({
      own: id(await p.convention.findFirstOrThrow({ where: { landlordId: o.esch, kind: "COMPENSATION" } })),
      foreign: id(await p.convention.findFirstOrThrow({ where: { landlordId: o.fonds, kind: "COMPENSATION" } })),
      developer: id(
        await p.convention.findFirstOrThrow({ where: { developerId: o.snhbm, OR: [{ landlordId: null }, neitherLandlord(o)] }, orderBy: { id: "asc" } }),
      ),
    }),
    seenBy: { own: party("landlordA"), foreign: party("landlordB"), developer: party("developer") },
  },
  Deposit: {
    rows: async (p, o) => ({
      own: id(await p.deposit.findFirstOrThrow({ where: { holderId: o.esch, lease: { landlordId: o.esch } }, orderBy: { id: "asc" } })),
      foreign: id(await p.deposit.findFirstOrThrow({ where: { holderId: o.fonds, lease: { landlordId: o.fonds } }, orderBy: { id: "asc" } })),
    }),
    seenBy: { own: party("landlordA"), foreign: party("landlordB") },
  },
  Dwelling: {
    rows: async (p, o) => ({
      own: id(await p.dwelling.findFirstOrThrow({ where: stockOf(o.esch, o), orderBy: { id: "asc" } })),
      foreign: id(await p.dwelling.findFirstOrThrow({ where: stockOf(o.fonds, o), orderBy: { id: "asc" } })),
      developer: id(await p.dwelling.findFirstOrThrow({ where: { developerId: o.snhbm, ...neitherLandlord(o) }, orderBy: { id: "asc" } })),
    }),
    seenBy: { own: party("landlordA"), foreign: party("landlordB"), developer: party("developer") },
  },
  // A household holds personal data: its tenants' landlord (or a landlord with it in its files) only.
  Household: {
    rows: async (p, o) => {
      const tenantOf = (mine: string, other: string) =>
        p.household.findFirstOrThrow({
          where: { leases: { some: { landlordId: mine }, none: { landlordId: other } }, candidate: { NOT: inFilesOf(other) } },
          orderBy: { id: "asc" },
        });
      return { own: id(await tenantOf(o.esch, o.fonds)), foreign: id(await tenantOf(o.fonds, o.esch)) };
    },
    seenBy: { own: party("landlordA"), foreign: party("landlordB") },
  },
  Lease: {
    rows: async (p, o) => ({
      own: id(await p.lease.findFirstOrThrow({ where: { landlordId: o.esch }, orderBy: { id: "asc" } })),
      foreign: id(await p.lease.findFirstOrThrow({ where: { landlordId: o.fonds }, orderBy: { id: "asc" } })),
    }),
    seenBy: { own: party("landlordA"), foreign: party("landlordB") },
  },
  // Public reference data: the municipalities of the landlords' seats.
  Municipality: {
    rows: async (p, o) => ({
      own: (await p.organisation.findUniqueOrThrow({ where: { id: o.esch } })).municipalityId ?? "esch-sur-alzette",
      foreign: (await p.organisation.findUniqueOrThrow({ where: { id: o.fonds } })).municipalityId ?? "luxembourg",
    }),
    seenBy: { own: EVERYONE, foreign: EVERYONE },
  },
  // Names and kinds of organisations are public to authenticated callers (organisations/organisation.ts).
  Organisation: {
    rows: async (_p, o) => ({ own: o.esch, foreign: o.fonds, developer: o.snhbm }),
    seenBy: { own: AUTHENTICATED, foreign: AUTHENTICATED, developer: AUTHENTICATED },
  },
  // A developer's projects; a landlord sees the projects its dwellings belong to (projectScope).
  Project: {
    rows: async (p, o) => {
      const onlyIn = (landlordId: string, other: string) =>
        p.project.findFirstOrThrow({
          where: { developerId: { not: o.snhbm }, dwellings: { some: { landlordId }, none: { landlordId: other } } },
          orderBy: { id: "asc" },
        });
      return {
        own: id(await onlyIn(o.esch, o.fonds)),
        foreign: id(await onlyIn(o.fonds, o.esch)),
        developer: id(
          await p.project.findFirstOrThrow({
            where: { developerId: o.snhbm, dwellings: { none: { landlordId: { in: [o.esch, o.fonds] } } } },
            orderBy: { id: "asc" },
          }),
        ),
      };
    },
    seenBy: { own: party("landlordA"), foreign: party("landlordB"), developer: party("developer") },
  },
  RehousingCase: {
    rows: async (p, o) => ({
      own: id(await p.rehousingCase.findFirstOrThrow({ where: { lease: { landlordId: o.esch } }, orderBy: { id: "asc" } })),
      foreign: id(await p.rehousingCase.findFirstOrThrow({ where: { lease: { landlordId: o.fonds } }, orderBy: { id: "asc" } })),
    }),
    seenBy: { own: party("landlordA"), foreign: party("landlordB") },
  },
  RehousingOffer: {
    rows: async (p, o) => ({
      own: id(await p.rehousingOffer.findFirstOrThrow({ where: { case: { lease: { landlordId: o.esch } } }, orderBy: { id: "asc" } })),
      foreign: id(await p.rehousingOffer.findFirstOrThrow({ where: { case: { lease: { landlordId: o.fonds } } }, orderBy: { id: "asc" } })),
    }),
    seenBy: { own: party("landlordA"), foreign: party("landlordB") },
  },
  RentInformationRequest: {
    rows: async (_p, _o, extra) => ({ own: extra.rentInformationRequests.A, foreign: extra.rentInformationRequests.B }),
    seenBy: { own: party("landlordA"), foreign: party("landlordB") },
  },
};

// ───────────── the test ─────────────

describe(`permission matrix: every type and mutation of the schema × every caller (${TEST_DATABASE_KIND})`, () => {
  let api: TestApi;
  let orgs: Orgs;
  let extra: Extra;
  let fixtures: Record<string, MutationFixture>;
  const summary: Record<Caller, { seen: number; hidden: number; allowed: number; refused: number }> = Object.fromEntries(
    CALLERS.map((c) => [c, { seen: 0, hidden: 0, allowed: 0, refused: 0 }]),
  ) as never;

  beforeAll(async () => {
    api = await startTestApi();
    ({ orgs, extra, fixtures } = await prepareMutationFixtures(api));
  });

  afterAll(async () => {
    const rows = CALLERS.map(
      (c) =>
        `  ${c.padEnd(10)} nodes ${String(summary[c].seen).padStart(3)} seen / ${String(summary[c].hidden).padStart(3)} hidden   mutations ${String(summary[c].allowed).padStart(3)} allowed / ${String(summary[c].refused).padStart(3)} refused`,
    );
    console.log(
      `permission matrix (${TEST_DATABASE_KIND}): ${NODE_TYPES.length} node types, ${MUTATIONS.length} mutations, ${CALLERS.length} callers\n${rows.join("\n")}`,
    );
    await api?.close();
  });

  it("every Node type and every mutation of the schema has a fixture", () => {
    expect(NODE_TYPES.length).toBeGreaterThan(15);
    expect(MUTATIONS.length).toBeGreaterThan(30);
    expect(
      NODE_TYPES.filter((t) => !TYPES[t]),
      "Node types without a fixture in TYPES",
    ).toEqual([]);
    expect(
      MUTATIONS.map((m) => m.name).filter((m) => !fixtures[m]),
      "mutations without a fixture",
    ).toEqual([]);
    expect(
      Object.keys(TYPES).filter((t) => !NODE_TYPES.includes(t)),
      "fixtures of types no longer in the schema",
    ).toEqual([]);
    expect(
      Object.keys(fixtures).filter((m) => !MUTATIONS.some((x) => x.name === m)),
      "fixtures of mutations no longer in the schema",
    ).toEqual([]);
  });

  it("node(id:) returns each row of each type exactly to the callers entitled to it", async () => {
    const failures: string[] = [];
    for (const type of NODE_TYPES) {
      const fixture = TYPES[type];
      if (!fixture) continue; // reported by the coverage test
      const rows = await fixture.rows(api.db.prisma, orgs, extra);
      for (const [kind, rowId] of Object.entries(rows) as [RowKind, string | undefined][]) {
        if (rowId === undefined) continue;
        const entitled = fixture.seenBy[kind];
        expect(entitled, `${type}: no visibility declared for its ${kind} row`).toBeDefined();
        for (const caller of CALLERS) {
          const res = await api.gql(caller, "query($id: ID!) { node(id: $id) { id __typename } }", { id: gid(type, rowId) });
          const node = res.body.data?.node as { id: string; __typename: string } | null | undefined;
          const seen = node != null;
          summary[caller][seen ? "seen" : "hidden"] += 1;
          const internal = res.status >= 500 || (res.body.errors ?? []).some((e) => e.extensions?.code === "INTERNAL_SERVER_ERROR");
          if (internal) failures.push(`${caller} node(${type} ${kind} ${rowId}): internal error HTTP ${res.status} ${JSON.stringify(res.body.errors)}`);
          else if (seen !== entitled!.includes(caller))
            failures.push(`${caller} ${seen ? "SEES" : "does not see"} ${type} ${kind} row ${rowId} (${gid(type, rowId)})`);
          else if (seen && (node!.__typename !== type || node!.id !== gid(type, rowId)))
            failures.push(`${caller} node(${type} ${rowId}) came back as ${JSON.stringify(node)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it("every mutation is refused on a foreign row, by every caller, and changes nothing", async () => {
    const failures: string[] = [];
    for (const m of MUTATIONS) {
      const f = fixtures[m.name];
      if (!f) continue; // reported by the coverage test
      const before = await fingerprint(api.db);
      for (const target of f.targets ?? ["A", "B"]) {
        for (const caller of CALLERS) {
          if (mayAct(f.actors ?? "owner", caller, target)) continue;
          const input = f.input(target, caller);
          const res = await api.gql(caller, documentOf(m), { input });
          const { verdict, detail } = verdictOf(res, m.name, f.target);
          if (verdict === "refused") summary[caller].refused += 1;
          else failures.push(`${caller} ${m.name} on ${OWNER[target]}'s row ${JSON.stringify(input).slice(0, 160)}: ${verdict.toUpperCase()} ${detail}`);
        }
      }
      const after = await fingerprint(api.db);
      const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
      if (changed.length) failures.push(`${m.name}: refused requests changed ${changed.join(", ")}`);
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it("every mutation on an own row is not refused for the callers who may act (rule errors aside)", async () => {
    const failures: string[] = [];
    const before = await fingerprint(api.db);
    for (const m of MUTATIONS) {
      const f = fixtures[m.name];
      if (!f) continue;
      for (const target of f.targets ?? ["A", "B"]) {
        for (const caller of CALLERS) {
          if (!mayAct(f.actors ?? "owner", caller, target)) continue;
          const res = await api.gql(caller, documentOf(m), { input: f.input(target, caller) });
          const { verdict, detail } = verdictOf(res, m.name, f.target);
          if (verdict === "allowed") summary[caller].allowed += 1;
          else failures.push(`${caller} ${m.name} on ${OWNER[target]}'s row: ${verdict.toUpperCase()} ${detail}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // The fingerprint that proved the refusals changed nothing does see changes, API keys included.
    const after = await fingerprint(api.db);
    expect(["ApiKey", "AuditEvent", "Dwelling", "Lease"].filter((t) => after[t] === before[t])).toEqual([]);
  }, 600_000);
});
