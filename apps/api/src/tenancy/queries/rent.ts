/** `calculateAffordableRent`: the public what-if of the affordable rent (law art. 60, annex III), for anyone. */
import { GraphQLError } from "graphql";
import type { Decimal } from "decimal.js";
import { builder } from "../../schema/builder.js";
import { LegalRegimeEnum, tenancyOptionsOrThrow, todayIso } from "../adapters/common.js";
import { type RentRequest, computeRent } from "../adapters/rent.js";
import { AffordableRentRef } from "../types/rent.js";

const RentHouseholdInput = builder.inputType("RentHouseholdInput", {
  description: "The household as table A counts it: either adults and children, or every member's birth date (counted on 1 January of the calculation year).",
  fields: (t) => ({
    adults: t.int({ required: false, description: "Members aged 14 or more on 1 January (at least 1)." }),
    children: t.int({ required: false, description: "Members under 14 on 1 January." }),
    birthDates: t.field({ type: ["Date"], required: false, description: "Every member's birth date, instead of the counts." }),
  }),
});

const RentDwellingInput = builder.inputType("RentDwellingInput", {
  description: "The dwelling's features annex III 2° adjusts the rent by.",
  fields: (t) => ({
    equippedKitchen: t.boolean({ required: true, description: "Equipped kitchen (without: −2.5 %)." }),
    outdoorSpace: t.boolean({ required: true, description: "Balcony, terrace or private garden (without: −2.5 %)." }),
    isHouse: t.boolean({ required: true, description: "A house (+10 %)." }),
    firstOccupiedOn: t.field({ type: "Date", required: true, description: "Date of first occupation (energy flat before 1990-01-01 unless renovated)." }),
    energyRenovated: t.boolean({ required: true, description: "Energy renovation to class D or better." }),
    usefulArea: t.field({ type: "Decimal", required: true, description: "Useful living area, m2 (table B bracket)." }),
  }),
});

const AffordableRentInputRef = builder.inputType("AffordableRentInput", {
  description: "A what-if affordable-rent computation (law art. 60, annex III).",
  fields: (t) => ({
    annualNetDisposableIncome: t.field({ type: "Decimal", required: true, description: "Annual net disposable income of the household (RND, art. 56), EUR." }),
    household: t.field({ type: RentHouseholdInput, required: true, description: "Household composition." }),
    dwelling: t.field({ type: RentDwellingInput, required: true, description: "Dwelling features." }),
    regime: t.field({
      type: LegalRegimeEnum,
      required: false,
      description: "Regime (default: the bill once its entry into force is set, else the law). The rent rules are the same in both.",
    }),
    asOf: t.field({ type: "Date", required: false, description: "Calculation date (default today)." }),
    flatGrossMonthlyRent: t.field({
      type: "Decimal",
      required: false,
      description: "Monthly flat gross rent set on the commission's advice (art. 60 §2 al. 2); used only below the low-income threshold.",
    }),
  }),
});

function badInput(field: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", field: ["input", ...field.split(".")] } });
}

export function householdFromInput(h: { adults?: number | null; children?: number | null; birthDates?: string[] | null }): RentRequest["household"] {
  if (h.birthDates && (h.adults != null || h.children != null)) throw badInput("household", "Give either adults and children or birthDates, not both");
  if (h.birthDates) {
    if (h.birthDates.length === 0 || h.birthDates.length > 30) throw badInput("household.birthDates", "Between 1 and 30 birth dates");
    return { birthDates: h.birthDates };
  }
  const adults = h.adults ?? 0;
  const children = h.children ?? 0;
  if (adults < 1 || adults > 20) throw badInput("household.adults", "At least one adult (14 or more on 1 January), at most 20 (annex III table A)");
  if (children < 0 || children > 20) throw badInput("household.children", "Children between 0 and 20");
  return { adults, children };
}

function decimalString(field: string, d: Decimal, max: string): string {
  if (d.isNegative()) throw badInput(field, `${field} cannot be negative`);
  if (d.greaterThan(max)) throw badInput(field, `${field} must be at most ${max}`);
  return d.toFixed();
}

builder.queryField("calculateAffordableRent", (t) =>
  t.field({
    type: AffordableRentRef,
    description:
      "Public what-if: the affordable rent a household would pay for a dwelling (law art. 60, annex III), every figure with its rule, article and parameter version, at the « cote d'application » of the series in use (built in and recorded by operators; `unconfirmedIndexAfter` when read after its knownUntil). Open to anonymous callers; nothing is stored.",
    args: { input: t.arg({ type: AffordableRentInputRef, required: true, description: "Household, income, dwelling, regime and date." }) },
    resolve: async (_r, { input }, ctx) => {
      // The cote of the series in use: the built-in tranches and those an operator recorded (recordIndexValue).
      const options = await tenancyOptionsOrThrow(ctx, input.regime);
      const asOf = input.asOf ?? todayIso();
      const d = input.dwelling;
      const req: RentRequest = {
        annualNetDisposableIncome: decimalString("annualNetDisposableIncome", input.annualNetDisposableIncome, "100000000"),
        household: householdFromInput(input.household),
        dwelling: {
          equippedKitchen: d.equippedKitchen,
          outdoorSpace: d.outdoorSpace,
          isHouse: d.isHouse,
          firstOccupiedOn: d.firstOccupiedOn,
          energyRenovated: d.energyRenovated,
          usefulLivingAreaM2: decimalString("dwelling.usefulArea", d.usefulArea, "10000"),
        },
        flatGrossMonthlyRent: input.flatGrossMonthlyRent ? decimalString("flatGrossMonthlyRent", input.flatGrossMonthlyRent, "100000") : undefined,
      };
      try {
        return computeRent(req, asOf, options);
      } catch (error) {
        throw new GraphQLError(`The rent cannot be computed: ${error instanceof Error ? error.message : String(error)}`, {
          extensions: { code: "BAD_USER_INPUT" },
        });
      }
    },
  }),
);
