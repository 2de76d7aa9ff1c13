/**
 * API keys. A key is shown once, at creation: `abk_<prefix>_<secret>`. Only its SHA-256 hash is
 * stored, with a short prefix to tell keys apart in listings. A key belongs to one organisation,
 * carries one role, may expire, and can be revoked; its last use is recorded (at most once a
 * minute, so that reads do not turn into writes on every request).
 */
import { createHash, randomBytes } from "node:crypto";
import type { Organisation, PrismaClient } from "../generated/prisma/client.js";
import type { Role } from "../generated/prisma/enums.js";
import type { Viewer } from "./viewer.js";
import { findApiKeyByHash } from "./key-cache.js";

const LAST_USED_RESOLUTION_MS = 60_000;

export function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export interface IssuedKey {
  id: string;
  key: string;
  prefix: string;
}

export async function issueApiKey(
  prisma: Pick<PrismaClient, "apiKey">,
  input: { organisationId: string; role: Role; label: string; expiresAt?: Date | null },
): Promise<IssuedKey> {
  const prefix = randomBytes(4).toString("hex");
  const key = `abk_${prefix}_${randomBytes(24).toString("base64url")}`;
  const row = await prisma.apiKey.create({
    data: { organisationId: input.organisationId, role: input.role, label: input.label, prefix, hash: hashKey(key), expiresAt: input.expiresAt ?? null },
  });
  return { id: row.id, key, prefix };
}

export type Authentication = { ok: true; viewer: Viewer } | { ok: false; reason: string };

/** Resolves the `Authorization` header; no header means anonymous, a bad key is refused (never downgraded to anonymous). */
export async function authenticate(prisma: PrismaClient, authorization: string | undefined, now = new Date()): Promise<Authentication> {
  if (authorization === undefined || authorization === "") return { ok: true, viewer: { kind: "anonymous" } };
  const match = /^Bearer\s+(abk_[0-9a-f]{8}_[A-Za-z0-9_-]{32})$/.exec(authorization.trim());
  if (!match) return { ok: false, reason: "Authorization header must be 'Bearer abk_…' with an API key issued by the ministry" };
  const row = await findApiKeyByHash(prisma, hashKey(match[1]!));
  if (!row) return { ok: false, reason: "Unknown API key" };
  if (row.revokedAt) return { ok: false, reason: "This API key was revoked" };
  if (row.expiresAt && row.expiresAt <= now) return { ok: false, reason: "This API key has expired" };
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: now } });
    row.lastUsedAt = now; // the cached row too (key-cache.ts), so the next request does not write again
  }
  return { ok: true, viewer: { kind: "apiKey", role: row.role, organisationId: row.organisationId, apiKeyId: row.id } };
}

/** Why a role does not fit an organisation, or null when it does. */
export function roleFitsOrganisation(role: Role, org: Pick<Organisation, "kind" | "isSocialLandlord" | "isSocialDeveloper" | "name">): string | null {
  if ((role === "MINISTRY_ADMIN" || role === "MINISTRY_ANALYST") && org.kind !== "MINISTRY") return `${role} keys are for the ministry, not for ${org.name}`;
  if (role === "SOCIAL_LANDLORD" && !org.isSocialLandlord) return `${org.name} is not a social landlord (law art. 38)`;
  if (role === "SOCIAL_DEVELOPER" && !org.isSocialDeveloper) return `${org.name} is not a social developer (law art. 16)`;
  return null;
}
