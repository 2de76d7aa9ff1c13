/** Every tenancy interpretation note is documented in src/tenancy/README.md, and every note a rule cites exists. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assessRehousing, computeAffordableRent, INTERPRETATION_NOTE_IDS, leaseEnd, revisionDue, TENANCY_INTERPRETATION_NOTES } from "../../src/index.js";

const readme = readFileSync(new URL("../../src/tenancy/README.md", import.meta.url), "utf8");
const known = (id: string) => INTERPRETATION_NOTE_IDS.has(id);

describe("tenancy interpretation notes", () => {
  it.each(TENANCY_INTERPRETATION_NOTES.map((n) => [n.id]))("README lists %s", (id) => {
    expect(readme).toContain(`\`${id}\``);
  });
  it("notes cited by the rules exist", () => {
    const r = computeAffordableRent(
      {
        annualNetDisposableIncome: "15000",
        household: { birthDates: ["1980-01-01"] },
        dwelling: {
          equippedKitchen: true,
          outdoorSpace: true,
          isHouse: false,
          firstOccupiedOn: "1980-01-01",
          energyRenovated: false,
          usefulLivingAreaM2: "40",
        },
        flatGrossMonthlyRent: "90",
      },
      "2026-03-01",
      { regime: "LAW" },
    );
    const cited = [...(r.trace.interpretationNotes ?? []), ...r.trace.steps!.flatMap((s) => s.interpretationNotes ?? [])];
    cited.push(
      ...revisionDue(
        { id: "L", rentSettings: [{ effectiveFrom: "2025-01-01", kind: "ALLOCATION", annualIncome: "1000" }] },
        [{ kind: "HOUSEHOLD_CHANGE", receivedOn: "2026-01-10", occurredOn: "2026-01-01" }],
        "2026-02-01",
        { regime: "LAW" },
      ).flatMap((d) => d.interpretationNotes),
    );
    cited.push(
      ...leaseEnd({ ground: "RESERVE_FIRST_OCCUPATION", category: "RESERVE", firstOccupiedOn: "2027-01-01" }, "2027-01-01", {
        regime: "BILL_8535",
        bill8535EntryIntoForce: "2026-07-01",
      }).interpretationNotes,
    );
    cited.push(
      ...assessRehousing({ leaseId: "L", case: "UNDER_OCCUPANCY", knownOn: "2027-01-01", tenants: [], disabledMember: false, offers: [] }, "2027-02-01", {
        regime: "BILL_8535",
        bill8535EntryIntoForce: "2026-07-01",
      }).interpretationNotes,
    );
    for (const id of cited) expect(known(id), id).toBe(true);
  });
});
