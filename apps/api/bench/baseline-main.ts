/** Process entry of the hand-written SQL baseline server (see baseline.ts). */
import { openDatabase } from "@abordable/api";
import { baselineServer } from "./baseline.js";

const url = process.env.DATABASE_URL;
const db = await openDatabase(url ? { kind: "postgresql", url, poolSize: 10 } : { kind: "pglite", dataDir: process.env.ABORDABLE_DATA_DIR ?? ".data" });
const server = baselineServer(db.sql);
server.listen(Number(process.env.PORT ?? 4900), "127.0.0.1", () => process.stdout.write("baseline ready\n"));
process.on("SIGTERM", () => {
  server.close();
  void db.close().then(() => process.exit(0));
});
