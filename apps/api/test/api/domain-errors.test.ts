/**
 * The API's one mapping of domain errors (src/schema/domain-errors.ts): by code, never by message;
 * the same domain error has the same user-error code in a query (GraphQL error) and a mutation (user error).
 */
import {
  CompensationInputError,
  DomainError,
  DOMAIN_ERROR_CODES,
  IndexResolutionError,
  lawRef,
  legalOptions,
  ParameterResolutionError,
  TenancyRuleError,
} from "@abordable/domain";
import { describe, expect, it } from "vitest";
import { computeOrBadInput, domainGraphQLError, domainUserError, toDomainError, USER_ERROR_CODE_OF } from "../../src/schema/domain-errors.js";
import { USER_ERROR_CODES } from "../../src/schema/user-errors.js";

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
};

describe("domain errors → GraphQL", () => {
  it("every user-facing domain code maps to a declared user-error code", () => {
    for (const code of DOMAIN_ERROR_CODES.filter((c) => c !== "DATA_DEFECT"))
      expect(Object.keys(USER_ERROR_CODES)).toContain(USER_ERROR_CODE_OF[code as keyof typeof USER_ERROR_CODE_OF]);
  });

  it.each([
    ["regime without its date", () => legalOptions({}, { regime: "BILL_8535" }), "REGIME_NOT_CONFIGURED"],
    [
      "parameter not in force",
      () => {
        throw new ParameterResolutionError("x", "not in force on 2020-01-01");
      },
      "RULE_VIOLATION",
    ],
    [
      "missing semester",
      () => {
        throw new IndexResolutionError("semester 2024-10 is not recorded", "INDEX_MISSING", "2024-10");
      },
      "INDEX_MISSING",
    ],
    [
      "compensation input",
      () => {
        throw new CompensationInputError("accommodationUnits must be a whole number");
      },
      "INVALID_VALUE",
    ],
    [
      "tenancy rule",
      () => {
        throw new TenancyRuleError("tenancy.deposit", lawRef("63bis", { paragraph: "1" }), "too much");
      },
      "RULE_VIOLATION",
    ],
  ])("%s: the same code in a query and a mutation", (_label, f, code) => {
    const e = thrown(f);
    const query = domainGraphQLError(e);
    const mutation = domainUserError(e);
    expect(query.extensions).toMatchObject({ code: "BAD_USER_INPUT", userErrorCode: code, domainCode: (e as DomainError).code });
    expect(mutation.code).toBe(code);
    expect(query.extensions.userErrorCode).toBe(mutation.code);
  });

  it("maps by code, not message: a message that mentions another error's words changes nothing", () => {
    const e = new DomainError("INVALID_INPUT", "bill8535EntryIntoForce not in force: these words once chose the code");
    expect(domainUserError(e).code).toBe("INVALID_VALUE");
    expect(domainGraphQLError(e).extensions.domainCode).toBe("INVALID_INPUT");
  });

  it("names the domain's field when it is one of the adapter's inputs, and the article as the rule", () => {
    const e = new DomainError("RULE_VIOLATION", "too early", { field: "receivedOn", article: lawRef("62", { paragraph: "1", alinea: "3" }) });
    expect(domainUserError(e, { fields: ["receivedOn"] })).toEqual({
      field: ["input", "receivedOn"],
      code: "RULE_VIOLATION",
      message: "too early",
      rule: "law art. 62 §1 al. 3",
    });
    expect(domainUserError(e, { fields: [] }).field).toEqual(["input"]);
    expect(
      thrown(() =>
        computeOrBadInput(() => {
          throw e;
        }, ["receivedOn"]),
      ),
    ).toMatchObject({ extensions: { field: "input.receivedOn", rule: "law art. 62 §1 al. 3" } });
  });

  it("a data defect and a non-domain error stay internal", () => {
    expect(toDomainError(new DomainError("DATA_DEFECT", "overlapping versions"))).toBeNull();
    expect(toDomainError(new TypeError("bug"))).toBeNull();
    const bug = new TypeError("bug");
    expect(
      thrown(() =>
        computeOrBadInput(() => {
          throw bug;
        }),
      ),
    ).toBe(bug);
  });
});
