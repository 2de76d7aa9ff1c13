/**
 * Stored evidence (decision records, issued statements): the domain's one canonical record
 * (`seal`/`verify`, @abordable/domain src/law/record.ts) with node:crypto's SHA-256 (the same digest
 * as the domain's pure one, faster on tens of MB) and gzip for storage.
 */
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { seal, verify, type CanonicalOptions, type Verification } from "@abordable/domain";

export const nodeSha256 = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

export interface StoredRecord {
  /** gzip of the canonical JSON. */
  readonly bytes: Buffer;
  readonly hash: string;
  readonly canonical: string;
}

/** Canonicalise, hash and gzip. */
export function sealForStorage(value: unknown, options: CanonicalOptions = {}): StoredRecord {
  const sealed = seal(value, { ...options, sha256: nodeSha256 });
  return { bytes: gzipSync(Buffer.from(sealed.canonical, "utf8")), hash: sealed.hash, canonical: sealed.canonical };
}

/** The stored canonical text and whether it still hashes to the stored hash. */
export function openStored(bytes: Uint8Array, storedHash: string, options: CanonicalOptions = {}): { canonical: string; verification: Verification } {
  const canonical = gunzipSync(bytes).toString("utf8");
  return { canonical, verification: verify(canonical, storedHash, { ...options, sha256: nodeSha256 }) };
}
