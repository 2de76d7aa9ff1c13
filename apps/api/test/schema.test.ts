import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isScalarType, type GraphQLNamedType } from "graphql";
import { buildSchema, SCHEMA_FILE, schemaSdl } from "../src/schema.js";

const own = (t: GraphQLNamedType) => !t.name.startsWith("__") && !["String", "Int", "Boolean", "ID", "Float"].includes(t.name);

describe("schema conventions", () => {
  const schema = buildSchema();
  const types = Object.values(schema.getTypeMap()).filter(own);

  it("describes every type, field, argument, input field and enum value", () => {
    const missing: string[] = [];
    for (const type of types) {
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) if (!field.description) missing.push(`${type.name}.${field.name}`);
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });

  it("has no Float anywhere: money and rates are Decimal strings", () => {
    const floats: string[] = [];
    for (const type of types) {
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (/\bFloat\b/.test(field.type.toString())) floats.push(`${type.name}.${field.name}`);
          for (const arg of "args" in field ? field.args : [])
            if (/\bFloat\b/.test(arg.type.toString())) floats.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    expect(floats).toEqual([]);
    expect(
      types
        .filter(isScalarType)
        .map((t) => t.name)
        .sort(),
    ).toEqual(["Date", "DateTime", "Decimal", "JSON", "Month"]);
  });

  it("every mutation takes one input object and returns userErrors", () => {
    for (const field of Object.values(schema.getMutationType()!.getFields())) {
      expect(
        field.args.map((a) => a.name),
        field.name,
      ).toEqual(["input"]);
      const payload = field.type.toString().replace("!", "");
      const payloadType = schema.getType(payload);
      expect(isObjectType(payloadType) && "userErrors" in payloadType.getFields(), field.name).toBe(true);
    }
  });

  it("the committed schema.graphql is up to date (run the api build to refresh it)", async () => {
    expect(await readFile(SCHEMA_FILE, "utf8")).toBe(schemaSdl());
  });
});
