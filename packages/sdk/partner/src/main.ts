// A partner's program, outside the monorepo: the SDK's methods plus its own typed documents.
import { AuthenticationError, createClient, Decimal, SDK_VERSION, type RequestEvent, type ResponseEvent } from "@abordable/sdk";
import { DwellingWithConventionDocument, SetUsefulAreaDocument } from "./gql/graphql.js";

const endpoint = process.env.ABORDABLE_ENDPOINT;
const apiKey = process.env.ABORDABLE_API_KEY;
if (!endpoint || !apiKey) throw new Error("set ABORDABLE_ENDPOINT and ABORDABLE_API_KEY");

const requests: RequestEvent[] = [];
const responses: ResponseEvent[] = [];
const client = createClient({ endpoint, apiKey, throttle: true, onRequest: (e) => requests.push(e), onResponse: (e) => responses.push(e) });

const page = await client.dwellings({ first: 1, filter: { statuses: ["LET"] } });
const first = page.edges[0]?.node;
if (!first) throw new Error("no dwelling");

// A custom typed query: `compensationConvention` is not in the SDK's fragments.
const { node } = await client.request(DwellingWithConventionDocument, { id: first.id });
if (node?.__typename !== "Dwelling") throw new Error("not a dwelling");
const area: Decimal = node.usefulArea;
const signedOn: string | undefined = node.compensationConvention?.signedOn;

// A custom typed mutation, with a Decimal input: sent with an Idempotency-Key, retried with the same.
const next = area.plus("0.5");
const { updateDwelling } = await client.request(SetUsefulAreaDocument, { input: { id: node.id, usefulArea: next } });
const updatedArea: Decimal | undefined = updateDwelling.dwelling?.usefulArea;

// A missing key on a field that needs one is an AuthenticationError.
let authentication = "none";
try {
  await createClient({ endpoint, apiKey: "abk_unknown_0000000000000000" }).request(DwellingWithConventionDocument, { id: first.id });
} catch (e) {
  if (e instanceof AuthenticationError) authentication = `${e.name} ${e.status} ${e.code}`;
}

console.log(
  JSON.stringify({
    sdkVersion: SDK_VERSION,
    reference: node.reference,
    areaIsDecimal: area instanceof Decimal,
    conventionReference: node.compensationConvention?.reference ?? null,
    signedOn: signedOn ?? null,
    updatedArea: updatedArea?.toFixed(2) ?? null,
    expectedArea: next.toFixed(2),
    userErrors: updateDwelling.userErrors,
    mutationIdempotencyKey: requests.find((r) => r.kind === "mutation")?.idempotencyKey ?? null,
    userAgent: requests[0]?.userAgent,
    elapsed: responses.every((r) => typeof r.elapsedMs === "number" && r.elapsedMs >= 0),
    authentication,
  }),
);
