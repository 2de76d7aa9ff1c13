import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildDeveloperStatement, buildLandlordStatement, prorate, parseDecimal, roundMoney, type LandlordStatementInput } from "../../src/index.js";

/** Cents as BigInt, independent of decimal.js: "-12.34" → -1234n. */
const cents = (amount: string): bigint => {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(amount);
  if (!m) throw new Error(`not a 2-decimal amount: ${amount}`);
  const v = BigInt(m[2]!) * 100n + BigInt(m[3]!);
  return m[1] ? -v : v;
};
/** Half-up rounding to cents of a decimal string, in BigInt only. */
const roundCents = (text: string): bigint => {
  const neg = text.startsWith("-");
  const [int, frac = ""] = text.replace("-", "").split(".");
  const f = (frac + "000").slice(0, 3);
  let v = BigInt(int!) * 100n + BigInt(f.slice(0, 2));
  if (Number(f[2]) >= 5) v += 1n;
  return neg ? -v : v;
};

const amountArb = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 22n }), fc.integer({ min: 0, max: 999_999 })).map(([i, f]) => `${i}.${String(f).padStart(6, "0")}`);
const day = fc.integer({ min: 0, max: 364 }).map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));

const landlordArb = fc
  .array(
    fc.record({
      start: day,
      months: fc.array(
        fc.record({ m: fc.integer({ min: 1, max: 12 }), rent: amountArb, tenants: amountArb, ancillary: fc.option(amountArb, { nil: undefined }) }),
        { maxLength: 4 },
      ),
      category: fc.constantFrom(null, "STUDENTS", "SENIORS"),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map(
    (dws): LandlordStatementInput => ({
      landlord: { id: "L", kind: "OTHER" },
      conventionSignedOn: "2024-01-15",
      year: 2025,
      dwellings: dws.map((d, i) => {
        const seen = new Set<number>();
        return {
          id: `D${i}`,
          dedicatedTo: d.category as "STUDENTS" | "SENIORS" | null,
          managedPeriods: [{ from: d.start, to: null }],
          amounts: d.months
            .filter((x) => (seen.has(x.m) ? false : (seen.add(x.m), true)))
            .map((x) => ({
              month: `2025-${String(x.m).padStart(2, "0")}`,
              rentPaidToDeveloper: x.rent,
              tenantRents: x.tenants,
              ...(x.ancillary ? { ancillaryRents: x.ancillary } : {}),
            })),
        };
      }),
    }),
  );

describe("properties of statements (fast-check)", () => {
  it("the total equals the sum of the lines, and each subtotal the sum of its lines (BigInt cents)", () => {
    fc.assert(
      fc.property(landlordArb, (input) => {
        const s = buildLandlordStatement(input, { regime: "LAW" });
        const sum = s.lines.reduce((a, l) => a + cents(l.amount), 0n);
        expect(cents(s.total)).toBe(sum);
        for (const sub of s.subtotals.byDwelling)
          expect(cents(sub.amount)).toBe(s.lines.filter((l) => l.dwellingId === sub.key).reduce((a, l) => a + cents(l.amount), 0n));
        for (const sub of s.subtotals.byComponent)
          expect(cents(sub.amount)).toBe(s.lines.filter((l) => l.component === sub.key).reduce((a, l) => a + cents(l.amount), 0n));
      }),
      { numRuns: 150 },
    );
  });

  it("splitting the year into months is additive: the yearly statement is the union of the 12 monthly statements", () => {
    fc.assert(
      fc.property(landlordArb, (input) => {
        const year = buildLandlordStatement(input, { regime: "LAW" });
        const monthly = Array.from({ length: 12 }, (_, i) => {
          const m = `2025-${String(i + 1).padStart(2, "0")}`;
          return buildLandlordStatement({ ...input, months: { from: m, to: m } }, { regime: "LAW" });
        });
        expect(monthly.flatMap((s) => s.lines.map((l) => `${l.lineId}=${l.amount}`)).sort()).toEqual(year.lines.map((l) => `${l.lineId}=${l.amount}`).sort());
        expect(monthly.reduce((a, s) => a + cents(s.total), 0n)).toBe(cents(year.total));
      }),
      { numRuns: 60 },
    );
  });

  it("rents over periods (leases changing mid-month) are additive over months, and each rent line recomputes from its inputs", () => {
    // Rents of up to 15 significant digits with 6 decimals (exactAmount prints plainly below 1e21).
    const rentArb = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.integer({ min: 0, max: 999_999 }))
      .map(([i, f]) => `${i}.${String(f).padStart(6, "0")}`);
    const leasesArb = fc.array(fc.tuple(day, fc.integer({ min: 1, max: 200 }), rentArb, rentArb), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(day, leasesArb, rentArb, (managedFrom, leases, toDeveloper) => {
        const input: LandlordStatementInput = {
          landlord: { id: "L", kind: "OTHER" },
          conventionSignedOn: "2024-01-15",
          year: 2025,
          dwellings: [
            {
              id: "D",
              managedPeriods: [{ from: managedFrom, to: null }],
              rentsPaidToDeveloper: [{ from: "2024-01-01", to: null, monthlyRent: toDeveloper }],
              leases: leases.map(([from, length, rent, charges], i) => ({
                id: `L${i}`,
                from,
                to: new Date(Date.parse(`${from}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10),
                monthlyRent: rent,
                monthlyCharges: charges,
              })),
            },
          ],
        };
        const year = buildLandlordStatement(input, { regime: "LAW" });
        const monthly = Array.from({ length: 12 }, (_, i) => {
          const m = `2025-${String(i + 1).padStart(2, "0")}`;
          return buildLandlordStatement({ ...input, months: { from: m, to: m } }, { regime: "LAW" });
        });
        expect(monthly.flatMap((s) => s.lines.map((l) => `${l.lineId}=${l.amount}`)).sort()).toEqual(year.lines.map((l) => `${l.lineId}=${l.amount}`).sort());
        expect(monthly.reduce((a, s) => a + cents(s.total), 0n)).toBe(cents(year.total));
        for (const l of year.lines.filter((x) => x.ruleId.endsWith(".prorated"))) {
          const inputs = l.inputs as { rents: { monthlyRent: string; days: string }[]; daysInMonth: string };
          const exact = inputs.rents.reduce(
            (sum, r) => sum.plus(prorate(parseDecimal(r.monthlyRent), Number(r.days), Number(inputs.daysInMonth))),
            parseDecimal("0"),
          );
          expect(parseDecimal(l.exactAmount).abs().equals(exact)).toBe(true); // written out in full, never with an exponent
        }
      }),
      { numRuns: 60 },
    );
  });

  it("developer statements are additive over months too", () => {
    fc.assert(
      fc.property(day, amountArb, amountArb, (start, land, construction) => {
        const input = {
          conventionId: "C",
          developer: { id: "d", kind: "OTHER" as const },
          conventionSignedOn: "2024-03-01",
          year: 2025,
          dwellings: [
            {
              id: "D1",
              letPeriods: [{ from: start, to: null }],
              land: { capitalInvested: land, ownContribution: land },
              construction: { capitalInvested: construction, ownContribution: construction },
            },
          ],
        };
        const year = buildDeveloperStatement(input, { regime: "LAW" });
        let sum = 0n;
        for (let i = 1; i <= 12; i++) {
          const m = `2025-${String(i).padStart(2, "0")}`;
          sum += cents(buildDeveloperStatement({ ...input, months: { from: m, to: m } }, { regime: "LAW" }).total);
        }
        expect(sum).toBe(cents(year.total));
      }),
      { numRuns: 40 },
    );
  });

  it("no amount passes through a JS number: 20+ significant digits stay exact to the cent", () => {
    fc.assert(
      fc.property(amountArb, amountArb, (rent, tenants) => {
        const s = buildLandlordStatement(
          {
            landlord: { id: "L", kind: "OTHER" },
            conventionSignedOn: "2024-01-15",
            year: 2025,
            months: { from: "2025-01", to: "2025-01" },
            dwellings: [{ id: "D", managedPeriods: [], amounts: [{ month: "2025-01", rentPaidToDeveloper: rent, tenantRents: tenants }] }],
          },
          { regime: "LAW" },
        );
        expect(cents(s.lines[0]!.amount)).toBe(roundCents(rent));
        expect(cents(s.lines[1]!.amount)).toBe(-roundCents(tenants));
        expect(cents(s.total)).toBe(roundCents(rent) - roundCents(tenants));
      }),
      { numRuns: 300 },
    );
    // A value a double cannot hold: 12345678901234567890.125 → …890.13 exactly.
    const s = buildLandlordStatement(
      {
        landlord: { id: "L", kind: "OTHER" },
        conventionSignedOn: "2024-01-15",
        year: 2025,
        months: { from: "2025-01", to: "2025-01" },
        dwellings: [{ id: "D", managedPeriods: [], amounts: [{ month: "2025-01", rentPaidToDeveloper: "12345678901234567890.125" }] }],
      },
      { regime: "LAW" },
    );
    expect(s.total).toBe("12345678901234567890.13");
    expect(roundMoney(prorate(parseDecimal("98765432109876543210.99"), 31, 31)).toFixed(2)).toBe("98765432109876543210.99");
  });
});
