/** Seeds an empty database and, for development, issues one demo API key per role. */
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Role } from "../generated/prisma/enums.js";
import type { SeedScale } from "../config.js";
import { issueApiKey } from "../identity/api-keys.js";
import { generateSeed } from "./generate.js";
import { isEmpty, writeSeed } from "./write.js";
import { SEED_EXTENSIONS } from "./extensions.js";

export interface DemoKey {
  role: Role;
  organisation: string;
  key: string;
}

const DEMO_KEYS: readonly { role: Role; organisation: string }[] = [
  { role: "MINISTRY_ADMIN", organisation: "Ministère du Logement et de l'Aménagement du territoire" },
  { role: "MINISTRY_ANALYST", organisation: "Ministère du Logement et de l'Aménagement du territoire" },
  { role: "SOCIAL_LANDLORD", organisation: "Ville d'Esch-sur-Alzette" },
  { role: "SOCIAL_LANDLORD", organisation: "Fonds du Logement" },
  { role: "SOCIAL_DEVELOPER", organisation: "Société Nationale des Habitations à Bon Marché (SNHBM)" },
];

/** Returns null when the database already held data (the seed runs on first start only). */
export async function seedIfEmpty(prisma: PrismaClient, scale: SeedScale): Promise<{ counts: Record<string, number>; demoKeys: DemoKey[] } | null> {
  if (!(await isEmpty(prisma))) return null;
  const data = generateSeed(scale);
  await writeSeed(prisma, data);
  for (const extension of SEED_EXTENSIONS) await extension.run(prisma, scale);
  const demoKeys: DemoKey[] = [];
  for (const spec of DEMO_KEYS) {
    const org = await prisma.organisation.findUniqueOrThrow({ where: { name: spec.organisation } });
    const issued = await issueApiKey(prisma, { organisationId: org.id, role: spec.role, label: `demo ${spec.role.toLowerCase()}` });
    demoKeys.push({ ...spec, key: issued.key });
  }
  const counts = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, (v as unknown[]).length]));
  return { counts, demoKeys };
}
