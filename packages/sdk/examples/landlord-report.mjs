// @ts-check
/**
 * A social landlord's portfolio report with @abordable/sdk, against the local API.
 *
 *   npm start                                   # at the repository root: the API on :4000, demo keys printed
 *   npx turbo run build --filter=@abordable/sdk # once: builds the SDK
 *   node packages/sdk/examples/landlord-report.mjs
 *
 * Settings (environment):
 *   ABORDABLE_ENDPOINT  default http://localhost:4000/graphql
 *   ABORDABLE_API_KEY   a landlord's key (abk_…); by default the first SOCIAL_LANDLORD key of the
 *                       demo keys file ($ABORDABLE_DATA_DIR/demo-api-keys.txt, else apps/api/.data/)
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createClient, Decimal, ForbiddenError, AbordableError } from "@abordable/sdk";

function demoLandlordKey() {
  const dir = process.env.ABORDABLE_DATA_DIR ?? fileURLToPath(new URL("../../../apps/api/.data", import.meta.url));
  const lines = readFileSync(`${dir}/demo-api-keys.txt`, "utf8").split("\n");
  const at = lines.findIndex((line) => line.startsWith("SOCIAL_LANDLORD"));
  const key = lines[at + 1]?.match(/Bearer (abk_\S+)/)?.[1];
  if (at < 0 || !key) throw new Error(`no SOCIAL_LANDLORD key in ${dir}/demo-api-keys.txt`);
  return key;
}

const client = createClient({
  endpoint: process.env.ABORDABLE_ENDPOINT ?? "http://localhost:4000/graphql",
  apiKey: process.env.ABORDABLE_API_KEY ?? demoLandlordKey(),
  timeoutMs: 10_000,
  retries: 3,
});

const eur = (/** @type {Decimal} */ d) => `${d.toFixed(2)} EUR`;

async function main() {
  const viewer = await client.viewer();
  console.log(`${viewer.organisation?.name} (${viewer.role})\n`);

  // The whole stock, page after page.
  /** @type {Record<string, number>} */
  const byStatus = {};
  let area = new Decimal(0);
  /** @type {string[]} */
  const vacant = [];
  let shared;
  for await (const dwelling of client.paginate.dwellings({ orderBy: { field: "REFERENCE" } }, { pageSize: 25 })) {
    byStatus[dwelling.status] = (byStatus[dwelling.status] ?? 0) + 1;
    area = area.plus(dwelling.usefulArea); // exact: Decimal, never a float
    if (dwelling.status === "VACANT")
      vacant.push(`  ${dwelling.reference}  ${dwelling.bedrooms} bedroom(s), ${dwelling.usefulArea.toFixed(2)} m2, ${dwelling.address}`);
    if (dwelling.type === "SHARED_DWELLING") shared ??= dwelling;
  }
  const count = Object.values(byStatus).reduce((a, b) => a + b, 0);
  console.log(`Stock: ${count} dwellings, ${area.toFixed(2)} m2 of useful area`);
  for (const [status, n] of Object.entries(byStatus)) console.log(`  ${status.padEnd(18)} ${n}`);
  console.log(`Vacant:\n${vacant.join("\n") || "  none"}\n`);

  if (shared) {
    const units = await client.accommodationUnits({ dwellingId: shared.id, first: 20 });
    console.log(`Shared dwelling ${shared.reference}: ${units?.totalCount ?? 0} accommodation unit(s)`);
    for (const { node } of units?.edges ?? [])
      console.log(`  ${node.reference}  ${node.status}  ${node.usefulArea.toFixed(2)} m2, ${node.capacity} occupant(s)`);
    console.log("");
  }

  // Rents of the leases in force, summed exactly.
  let rent = new Decimal(0);
  let charges = new Decimal(0);
  let leases = 0;
  for await (const lease of client.paginate.leases({ status: "ACTIVE" }, { pageSize: 50 })) {
    rent = rent.plus(lease.monthlyRent);
    charges = charges.plus(lease.monthlyCharges);
    leases += 1;
  }
  console.log(`Leases in force: ${leases}; monthly rent ${eur(rent)}, charges ${eur(charges)}`);
  if (leases > 0) console.log(`  average rent ${eur(rent.dividedBy(leases).toDecimalPlaces(2, Decimal.ROUND_HALF_UP))}\n`);

  // The compensation statement of last year as it would be issued now: every amount an exact Decimal.
  const year = new Date().getUTCFullYear() - 1;
  const organisationId = viewer.organisation?.id;
  const draft = organisationId ? await client.compensationStatementDraft({ landlordId: organisationId, year }) : null;
  if (draft) {
    let lines = new Decimal(0);
    for await (const line of client.paginate.compensationStatementDraftLines({ input: { landlordId: organisationId, year } }, { pageSize: 100 }))
      lines = lines.plus(line.amount);
    console.log(
      `Compensation statement ${year} (draft, ${draft.regime}): total ${eur(draft.total)}, ${draft.outcome ?? "no outcome"}; ${draft.lineCount} lines summing to ${eur(lines)}`,
    );
    for (const s of draft.subtotalsByComponent) console.log(`  ${s.component.padEnd(28)} ${eur(s.amount).padStart(16)}  (${s.lineCount} lines)`);
    if (draft.filing) console.log(`  to file by ${draft.filing.deadline}${draft.filing.late ? ` (late by ${draft.filing.daysLate} days)` : ""}`);
    console.log("");
  }

  // Every deadline of the leases in the next 90 days (today by default), by date.
  /** @type {Map<string, { dwelling: string; lines: string[] }>} */
  const byLease = new Map();
  let deadlines = 0;
  for await (const d of client.paginate.leaseDeadlines({ withinDays: 90 }, { pageSize: 100 })) {
    const entry = byLease.get(d.lease.id) ?? { dwelling: d.lease.accommodationUnit?.reference ?? d.lease.dwelling.reference, lines: [] };
    entry.lines.push(`    ${d.date}  ${d.kind}${d.amountDue ? ` ${eur(d.amountDue)}` : ""} — ${d.reference.citation}`);
    byLease.set(d.lease.id, entry);
    deadlines += 1;
  }
  console.log(`Leases with a deadline in the next 90 days: ${byLease.size} (${deadlines} deadlines)`);
  for (const { dwelling, lines } of [...byLease.values()].slice(0, 10)) console.log(`  ${dwelling}\n${lines.join("\n")}`);
  if (byLease.size > 10) console.log(`  … and ${byLease.size - 10} more`);
  console.log("");

  const conventions = await client.conventions({ first: 10 });
  console.log(`Conventions: ${conventions.totalCount}`);
  for (const { node } of conventions.edges) console.log(`  ${node.reference}  ${node.kind}  signed ${node.signedOn}`);

  const candidates = await client.candidates({ first: 100 });
  const named = candidates.edges.filter((e) => e.node.personalData !== null).length;
  console.log(
    `\nRegister: ${candidates.totalCount} candidates; personal data visible for ${named} of the first ${candidates.edges.length} (those in this landlord's allocation files)`,
  );

  // A rule violation is a typed result, not an exception.
  const first = await client.dwellings({ first: 1 });
  const target = first.edges[0]?.node;
  if (target) {
    const refused = await client.updateDwelling({ id: target.id, usefulArea: "0" });
    for (const e of refused.userErrors) console.log(`\nuserError on ${e.field.join(".")}: ${e.code} — ${e.message}`);
  }

  // Another organisation's data is refused with a typed error carrying the correlation id.
  try {
    await client.ministryDashboard();
  } catch (error) {
    if (error instanceof ForbiddenError) console.log(`ministryDashboard: ForbiddenError (correlation id ${error.correlationId})`);
    else throw error;
  }

  // So is naming another landlord (HTTP 403); its objects reached by their ID are simply null.
  const other = (await client.organisations({ first: 50 })).edges.map((e) => e.node).find((o) => o.isSocialLandlord && o.id !== organisationId);
  if (other) {
    try {
      await client.compensationStatementDraft({ landlordId: other.id, year });
    } catch (error) {
      if (error instanceof ForbiddenError)
        console.log(`${other.name}'s statement: ForbiddenError, HTTP ${error.status} (correlation id ${error.correlationId})`);
      else throw error;
    }
  }
}

main().catch((error) => {
  if (error instanceof AbordableError) console.error(`${error.name}: ${error.message}`);
  else console.error(error);
  process.exitCode = 1;
});
