// Must NOT compile: an unset environment variable (string | undefined) as the API key.
import { createClient } from "@abordable/sdk";

export const client = createClient({ endpoint: "http://localhost:4000/graphql", apiKey: process.env.ABORDABLE_API_KEY });
