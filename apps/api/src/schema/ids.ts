/** Global IDs (Relay): base64 of "Type:id". Decoding checks the type, so an ID of another type is refused with the field's name. */
import { decodeGlobalID } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";

export class InvalidIdError extends GraphQLError {
  constructor(readonly field: string, message: string) {
    super(message, { extensions: { code: "BAD_USER_INPUT", field } });
  }
}

export function decodeGlobalId(id: string, type: string, field: string): string {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(id);
  } catch {
    throw new InvalidIdError(field, `${field}: "${id}" is not a global ID`);
  }
  if (decoded.typename !== type) throw new InvalidIdError(field, `${field}: expected the ID of a ${type}, got one of a ${decoded.typename || "unknown type"}`);
  return decoded.id;
}

export function decodeGlobalIds(ids: readonly (string | number)[], type: string, field: string): string[] {
  return ids.map((id, i) => decodeGlobalId(String(id), type, `${field}[${i}]`));
}
