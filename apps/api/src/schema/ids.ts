/**
 * Global IDs (Relay): base64 of "Type:key". Decoding checks the type and the key's format (a UUID,
 * or a municipality code), so that a malformed ID is refused with the argument's name instead of
 * reaching the database (PostgreSQL rejects a malformed uuid with an internal error).
 *
 * One parser serves every place an ID comes in: the relay plugin's node/nodes (builder.ts),
 * query arguments (decodeGlobalId) and mutation inputs (checkId in validate.ts).
 */
import { decodeGlobalID } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";

export class InvalidIdError extends GraphQLError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message, { extensions: { code: "BAD_USER_INPUT", field } });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Types whose rows are not keyed by a UUID. Municipalities are keyed by a code ("esch-sur-alzette"). */
const KEY_FORMATS: Readonly<Record<string, { pattern: RegExp; what: string }>> = {
  Municipality: { pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/, what: "a municipality code" },
};

/** Whether `key` has the format of a `type` row's key (a UUID unless listed in KEY_FORMATS). */
export function isValidKey(type: string, key: string): boolean {
  const format = KEY_FORMATS[type];
  return format ? key.length <= 64 && format.pattern.test(key) : UUID.test(key);
}

export type ParsedGlobalId =
  | { ok: true; typename: string; id: string }
  | { ok: false; typename: string | undefined; problem: "NOT_A_GLOBAL_ID" | "WRONG_TYPE" | "MALFORMED_KEY"; message: string };

const shown = (id: string) => JSON.stringify(id.length > 80 ? `${id.slice(0, 80)}…` : id);

/** Parses a global ID; with `expectedType`, refuses an ID of another type. Never throws. */
export function parseGlobalId(globalId: string, expectedType?: string): ParsedGlobalId {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    return { ok: false, typename: undefined, problem: "NOT_A_GLOBAL_ID", message: `${shown(globalId)} is not a global ID` };
  }
  if (expectedType !== undefined && decoded.typename !== expectedType) {
    return { ok: false, typename: decoded.typename, problem: "WRONG_TYPE", message: `expected the ID of a ${expectedType}, got one of a ${decoded.typename}` };
  }
  if (!isValidKey(decoded.typename, decoded.id)) {
    const what = KEY_FORMATS[decoded.typename]?.what ?? "a UUID";
    return {
      ok: false,
      typename: decoded.typename,
      problem: "MALFORMED_KEY",
      message: `${shown(globalId)} is not a valid ${decoded.typename} ID (its key must be ${what})`,
    };
  }
  return { ok: true, typename: decoded.typename, id: decoded.id };
}

/** The key inside a global ID of `type`, or BAD_USER_INPUT naming `field`. */
export function decodeGlobalId(id: string, type: string, field: string): string {
  const parsed = parseGlobalId(id, type);
  if (!parsed.ok) throw new InvalidIdError(field, `${field}: ${parsed.message}`);
  return parsed.id;
}

export function decodeGlobalIds(ids: readonly (string | number)[], type: string, field: string): string[] {
  return ids.map((id, i) => decodeGlobalId(String(id), type, `${field}[${i}]`));
}

/*
 * The relay plugin decodes node(id:) and nodes(ids:) before the resolver runs, without the
 * argument's name; an invalid ID is therefore returned marked, and refused by the resolver
 * (checkNodeId) with the argument's name.
 */
const INVALID = Symbol("invalid global ID");

/** The relay plugin's decoder (builder options): never throws, marks an invalid ID. */
export function decodeRelayGlobalId(globalId: string): { typename: string; id: string } {
  const parsed = parseGlobalId(globalId);
  if (parsed.ok) return { typename: parsed.typename, id: parsed.id };
  return { typename: parsed.typename ?? "", id: globalId, [INVALID]: parsed.message } as { typename: string; id: string };
}

/** Refuses (BAD_USER_INPUT naming `field`) an ID decoded by the relay plugin that is invalid or of a type `isNodeType` refuses. */
export function checkNodeId(decoded: { typename: string; id: unknown }, field: string, isNodeType: (typename: string) => boolean): void {
  const invalid = (decoded as { [INVALID]?: string })[INVALID];
  if (invalid !== undefined) throw new InvalidIdError(field, `${field}: ${invalid}`);
  if (!isNodeType(decoded.typename)) {
    throw new InvalidIdError(field, `${field}: a ${decoded.typename} is not an object node() can fetch (its ID is not a Node's)`);
  }
}
