/**
 * 429 against a second real API whose limit is 2 requests per minute per key: the bucket refills
 * one request every 30 s, so the third request gets `Retry-After: 30` (or thereabouts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, RateLimitError, type ResponseEvent } from "../src/index.js";
import { startTestApi, TEST_DATABASE_KIND, type TestApi } from "./support/api.js";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ rateLimitPerMinute: 2 });
});
afterAll(async () => {
  await api?.close();
});

describe(`rate limit (${TEST_DATABASE_KIND})`, () => {
  it("surfaces RateLimitError with Retry-After when retries are exhausted, then waits Retry-After and succeeds", async () => {
    const events: ResponseEvent[] = [];
    const impatient = createClient({ endpoint: api.url, apiKey: api.keys.landlordA, retries: 0, onResponse: (e) => events.push(e) });
    await impatient.viewer();
    await impatient.viewer();
    const error = await impatient.viewer().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    const limited = error as RateLimitError;
    expect(limited.status).toBe(429);
    expect(limited.code).toBe("RATE_LIMITED");
    expect(limited.retryable).toBe(true);
    expect(limited.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(limited.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(limited.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(events.map((e) => e.status)).toEqual([200, 200, 429]);

    // A wait longer than the client accepts is not slept through.
    const brief = createClient({ endpoint: api.url, apiKey: api.keys.landlordA, retries: 3, maxRetryAfterMs: 500 });
    const started0 = Date.now();
    await expect(brief.viewer()).rejects.toBeInstanceOf(RateLimitError);
    expect(Date.now() - started0).toBeLessThan(2_000);

    // With retries, the client sleeps for Retry-After and the request then goes through.
    events.length = 0;
    const patient = createClient({ endpoint: api.url, apiKey: api.keys.landlordA, retries: 2, onResponse: (e) => events.push(e) });
    const started = Date.now();
    const viewer = await patient.viewer();
    const waited = Date.now() - started;
    expect(viewer.role).toBe("SOCIAL_LANDLORD");
    expect(events[0]?.status).toBe(429);
    expect(events.at(-1)?.status).toBe(200);
    const asked = (events[0]?.error?.retryAfterSeconds ?? 0) * 1000;
    expect(asked).toBeGreaterThan(0);
    expect(waited).toBeGreaterThanOrEqual(asked - 50);
    console.log(`rate limit: Retry-After ${asked / 1000} s, client waited ${waited} ms, ${events.length} attempts`);
  }, 120_000);
});
