/**
 * A short-lived in-process cache of API key rows by hash, so that a request does not pay a
 * database round trip to authenticate (issue 16: the key lookup was one of the page's statements).
 *
 * Revocation: `forgetApiKey` drops a key at once when it is revoked through this process (the
 * `revokeApiKey` mutation), `forgetOrganisationKeys` every key of an organisation when it is
 * deactivated (`deactivateOrganisation`, which revokes them all). A revocation made elsewhere (the CLI, another API instance) takes
 * effect within KEY_CACHE_TTL_MS, after which the row is read again. Expiry is still checked on
 * every request against the cached row's `expiresAt`. Only keys found valid are cached, and the
 * cache is bounded (oldest entries dropped first).
 */
import type { ApiKey, PrismaClient } from "../generated/prisma/client.js";

export const KEY_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 1_000;

const cache = new Map<string, { row: ApiKey; until: number }>();

/** The key row with this hash, from the cache when fresh, else from the database. */
export async function findApiKeyByHash(prisma: Pick<PrismaClient, "apiKey">, hash: string, now = Date.now()): Promise<ApiKey | null> {
  const hit = cache.get(hash);
  if (hit && hit.until > now) return hit.row;
  cache.delete(hash);
  const row = await prisma.apiKey.findUnique({ where: { hash } });
  if (row && !row.revokedAt) {
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(hash, { row, until: now + KEY_CACHE_TTL_MS });
  }
  return row;
}

/** Drops a key from the cache (on revocation, by key ID). */
export function forgetApiKey(id: string): void {
  for (const [hash, entry] of cache) if (entry.row.id === id) cache.delete(hash);
}

/** Drops every key of an organisation from the cache (on deactivation: all its keys are revoked). */
export function forgetOrganisationKeys(organisationId: string): void {
  for (const [hash, entry] of cache) if (entry.row.organisationId === organisationId) cache.delete(hash);
}
