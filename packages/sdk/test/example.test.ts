/**
 * examples/landlord-report.mjs, run as a landlord would run it: a child `node` process using the
 * built package (dist/, from `npm run build`, which turbo runs before the tests), pointed at a real
 * API started in-process with ABORDABLE_ENDPOINT and ABORDABLE_API_KEY. It must print real data
 * (figures that match the database) and exit 0.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, TEST_DATABASE_KIND, type TestApi } from "./support/api.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const script = fileURLToPath(new URL("../examples/landlord-report.mjs", import.meta.url));
const built = existsSync(new URL("../dist/esm/index.js", import.meta.url));

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

describe(`examples/landlord-report.mjs against a real API (${TEST_DATABASE_KIND})`, () => {
  it("prints the landlord's real figures and exits 0", async () => {
    expect(built, "dist/ is missing: run `npx turbo run build --filter=@abordable/sdk` (turbo runs it before `test`)").toBe(true);
    const env = { ...process.env, ABORDABLE_ENDPOINT: api.url, ABORDABLE_API_KEY: api.keys.landlordA };
    // execFile rejects on a non-zero exit code, with stdout and stderr on the error.
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script], { cwd: root, env, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });
    expect(stderr).toBe("");

    const p = api.db.prisma;
    const esch = await p.organisation.findUniqueOrThrow({ where: { name: "Ville d'Esch-sur-Alzette" } });
    const dwellings = await p.dwelling.findMany({ where: { landlordId: esch.id }, select: { usefulArea: true } });
    const area = dwellings.reduce((sum, d) => sum + BigInt(d.usefulArea.toFixed(2).replace(".", "")), 0n);
    const activeLeases = await p.lease.count({ where: { landlordId: esch.id, status: "ACTIVE" } });
    expect(dwellings.length).toBeGreaterThan(0);

    expect(stdout).toContain("Ville d'Esch-sur-Alzette (SOCIAL_LANDLORD)");
    expect(stdout).toContain(`Stock: ${dwellings.length} dwellings, ${area / 100n}.${String(area % 100n).padStart(2, "0")} m2 of useful area`);
    expect(stdout).toContain(`Leases in force: ${activeLeases}; monthly rent `);
    expect(stdout).toMatch(/Compensation statement \d{4} \(draft, LAW\): total -?\d+\.\d{2} EUR, .*; (\d+) lines summing to -?\d+\.\d{2} EUR/);
    const [, total, lines] = stdout.match(/total (-?\d+\.\d{2}) EUR, .*; \d+ lines summing to (-?\d+\.\d{2}) EUR/) ?? [];
    expect(lines).toBe(total);
    expect(stdout).toMatch(/Leases with a deadline in the next 90 days: \d+ \(\d+ deadlines\)/);
    expect(stdout).toMatch(/Conventions: [1-9]\d*/);
    expect(stdout).toMatch(/Register: [1-9]\d* candidates/);
    expect(stdout).toMatch(/userError on input\.usefulArea: OUT_OF_RANGE/);
    expect(stdout).toMatch(/ministryDashboard: ForbiddenError \(correlation id [0-9a-f-]{36}\)/);
    expect(stdout).toMatch(/'s statement: ForbiddenError, HTTP 403 \(correlation id [0-9a-f-]{36}\)/);
  });
});
