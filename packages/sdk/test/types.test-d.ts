/**
 * The client's arguments and results are typed from the schema (checked by tsc through vitest's
 * typecheck mode and by `npm run typecheck`): no `any` anywhere in what a caller touches.
 */
import { describe, expectTypeOf, it } from "vitest";
import {
  createClient,
  Decimal,
  type Dwelling,
  type DwellingStatus,
  type Lease,
  type UserError,
  type UserErrorCode,
  ForbiddenError,
  type AbordableError,
  type CompensationStatement,
  type CompensationStatementLine,
  type Deposit,
  type LeaseDeadline,
  type LeaseDeadlineKind,
  type ShortlistEntry,
} from "../src/index.js";

const endpoint = "http://localhost:4000/graphql";

describe("types from the schema", () => {
  it("types query results, Decimal and date scalars by option", async () => {
    const client = createClient({ endpoint, apiKey: "abk_x" });
    const page = await client.dwellings({ first: 10, filter: { statuses: ["VACANT"], minBedrooms: 2 } });
    expectTypeOf(page.totalCount).toEqualTypeOf<number>();
    const dwelling = page.edges[0]!.node;
    expectTypeOf(dwelling.usefulArea).toEqualTypeOf<Decimal>();
    expectTypeOf(dwelling.status).toEqualTypeOf<DwellingStatus>();
    expectTypeOf(dwelling.status).toEqualTypeOf<"LET" | "UNDER_CONSTRUCTION" | "UNDER_RENOVATION" | "VACANT" | "WITHDRAWN">();
    expectTypeOf(dwelling.firstLettingOn).toEqualTypeOf<string | null>();
    expectTypeOf(dwelling.createdAt).toEqualTypeOf<string>();
    expectTypeOf(dwelling.project).toEqualTypeOf<{ id: string; name: string } | null>();
    expectTypeOf(dwelling).toEqualTypeOf<Dwelling>();
    expectTypeOf(dwelling).not.toBeAny();

    const strings = createClient({ endpoint, apiKey: "abk_x", decimals: "string", dates: "date" });
    const lease = (await strings.leases()).edges[0]!.node;
    expectTypeOf(lease.monthlyRent).toEqualTypeOf<string>();
    expectTypeOf(lease.startsOn).toEqualTypeOf<Date>();
    expectTypeOf(lease.endsOn).toEqualTypeOf<Date | null>();
    // Null when the caller may not see the household's personal data (pseudonymised).
    expectTypeOf(lease.household.members[0]!.annualNetIncome).toEqualTypeOf<string | null>();
    expectTypeOf(lease).toEqualTypeOf<Lease<{ decimals: "string"; dates: "date" }>>();

    const one = await client.dwelling({ id: "x" });
    expectTypeOf(one).toMatchTypeOf<Dwelling | null>();
    expectTypeOf(one!.__typename).toEqualTypeOf<"Dwelling">();
    expectTypeOf(one!.usefulArea).toEqualTypeOf<Decimal>();
    expectTypeOf(one!.compensationConvention).toEqualTypeOf<{ id: string; reference: string } | null>();
  });

  it("types pagination items", () => {
    const client = createClient({ endpoint, apiKey: "abk_x" });
    const items = client.paginate.dwellings({ filter: { statuses: ["LET"] } });
    expectTypeOf(items).toEqualTypeOf<AsyncGenerator<Dwelling, void, undefined>>();
    expectTypeOf(client.paginate.leases).parameter(0).toEqualTypeOf<{ status?: "ACTIVE" | "ENDED" | null | undefined } | undefined>();
  });

  it("types mutation inputs and userErrors", async () => {
    const client = createClient({ endpoint, apiKey: "abk_x" });
    const result = await client.updateDwelling({ id: "x", usefulArea: new Decimal("70.25") });
    expectTypeOf(result.userErrors).toEqualTypeOf<UserError[]>();
    expectTypeOf(result.userErrors[0]!.code).toEqualTypeOf<UserErrorCode>();
    expectTypeOf(result.dwelling).toEqualTypeOf<Dwelling | null>();
    expectTypeOf(client.updateDwelling).parameter(0).toHaveProperty("usefulArea").toEqualTypeOf<Decimal | string | null | undefined>();
    expectTypeOf(client.createApiKey).returns.resolves.toHaveProperty("secret").toEqualTypeOf<string | null>();

    // @ts-expect-error — not a field of the input
    void client.updateDwelling({ id: "x", colour: "red" });
    // @ts-expect-error — not a status of the schema
    void client.dwellings({ filter: { statuses: ["EMPTY"] } });
    // @ts-expect-error — money is never a JS number
    void client.updateDwelling({ id: "x", usefulArea: 70.25 });
    // @ts-expect-error — id is required
    void client.dwelling({});
  });

  it("types the compensation, allocation and tenancy results", async () => {
    const client = createClient({ endpoint, apiKey: "abk_x" });
    const draft = await client.compensationStatementDraft({ landlordId: "x", year: 2025 });
    expectTypeOf(draft).toEqualTypeOf<CompensationStatement | null>();
    expectTypeOf(draft!.total).toEqualTypeOf<Decimal>();
    expectTypeOf(draft!.surplusOwedToState).toEqualTypeOf<Decimal | null>();
    expectTypeOf(draft!.number).toEqualTypeOf<string | null>();
    expectTypeOf(draft!.outcome).toEqualTypeOf<"BALANCED" | "COMPENSATION_DUE" | "EXCLUDED" | "SURPLUS_OWED_TO_STATE" | null>();
    expectTypeOf(client.paginate.compensationStatementLines({ number: "CS-2025-000001" })).toEqualTypeOf<
      AsyncGenerator<CompensationStatementLine, void, undefined>
    >();

    const strings = createClient({ endpoint, apiKey: "abk_x", decimals: "string", dates: "date" });
    const deadline = (await strings.leaseDeadlines({ withinDays: 90 })).edges[0]!.node;
    expectTypeOf(deadline).toEqualTypeOf<LeaseDeadline<{ decimals: "string"; dates: "date" }>>();
    expectTypeOf(deadline.amountDue).toEqualTypeOf<string | null>();
    expectTypeOf(deadline.date).toEqualTypeOf<Date>();
    expectTypeOf(deadline.kind).toEqualTypeOf<LeaseDeadlineKind>();
    expectTypeOf(client.paginate.leaseDeadlines({ asOf: new Date() })).toEqualTypeOf<AsyncGenerator<LeaseDeadline, void, undefined>>();

    const deposit = await client.agreeDepositSchedule({
      leaseId: "x",
      agreedOn: "2026-01-15",
      schedule: [{ dueOn: "2026-01-15", amount: new Decimal("3000") }],
    });
    expectTypeOf(deposit.userErrors).toEqualTypeOf<UserError[]>();
    expectTypeOf(deposit.deposit).toEqualTypeOf<Deposit | null>();
    expectTypeOf(deposit.deposit!.balance.outstanding).toEqualTypeOf<Decimal>();
    expectTypeOf(client.paginate.shortlist({ allocationFileId: "x" })).toEqualTypeOf<AsyncGenerator<ShortlistEntry, void, undefined>>();
    expectTypeOf<ShortlistEntry["score"]>().toEqualTypeOf<Decimal | null>();

    // @ts-expect-error — money is never a JS number
    void client.agreeDepositSchedule({ leaseId: "x", agreedOn: "2026-01-15", schedule: [{ dueOn: "2026-01-15", amount: 3000 }] });
    // @ts-expect-error — year is required
    void client.compensationStatementDraft({ landlordId: "x" });
  });

  it("types errors", () => {
    expectTypeOf<ForbiddenError>().toMatchTypeOf<AbordableError>();
    expectTypeOf<ForbiddenError["correlationId"]>().toEqualTypeOf<string | undefined>();
  });
});
