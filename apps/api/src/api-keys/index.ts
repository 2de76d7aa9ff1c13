/** API keys and the caller's identity (`viewer`): the types, createApiKey and revokeApiKey. Imported once from src/schema.ts. */
import "./viewer.js";
import "./api-keys.js";
