/**
 * A throwaway PostgreSQL cluster for fault tests: `initdb` + `pg_ctl` on a port and a socket
 * directory of its own (binaries from `pg_config --bindir`), run as the postgres user when the
 * tests run as root (PostgreSQL refuses to run as root). The tests kill and restart this one,
 * never the shared server on 5432.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface Cluster {
  readonly port: number;
  readonly url: string;
  /** SIGKILL of the postmaster (its backends go with it), as a crash would. */
  kill(): void;
  start(): void;
  /** `pg_ctl restart -m fast`. */
  restartFast(): void;
  stop(): void;
  destroy(): void;
}

/** Why a throwaway cluster cannot run here, or null when it can. */
export function clusterUnavailable(): string | null {
  try {
    const bin = execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
    const probe = spawnSync(path.join(bin, "initdb"), ["--version"], { encoding: "utf8" });
    if (probe.status !== 0) return `initdb not runnable in ${bin}`;
    if (process.getuid?.() === 0 && spawnSync("id", ["postgres"]).status !== 0) return "running as root without a postgres user";
    return null;
  } catch (error) {
    return `pg_config not found (${(error as Error).message})`;
  }
}

export function startCluster(): Cluster {
  const bin = execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
  const root = mkdtempSync(path.join(tmpdir(), "abordable-pgfault-"));
  const data = path.join(root, "data");
  const sock = path.join(root, "sock");
  const asRoot = process.getuid?.() === 0;
  const uid = asRoot ? Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim()) : undefined;
  const gid = asRoot ? Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim()) : undefined;
  execFileSync("mkdir", ["-p", sock]);
  if (asRoot) {
    chownSync(root, uid!, gid!);
    chownSync(sock, uid!, gid!);
  }
  chmodSync(root, 0o700);
  // Below Linux's ephemeral range (32768-60999), where port-0 listeners and outgoing connections take theirs.
  const port = 20_000 + Math.floor(Math.random() * 12_000);
  const run = (file: string, args: string[]) => {
    const cmd = asRoot ? "runuser" : path.join(bin, file);
    const argv = asRoot ? ["-u", "postgres", "--", path.join(bin, file), ...args] : args;
    const r = spawnSync(cmd, argv, { encoding: "utf8", cwd: root });
    if (r.status !== 0) throw new Error(`${file} ${args.join(" ")} failed: ${r.stderr || r.stdout}`);
    return r.stdout;
  };
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const opts = `-p ${port} -k ${sock} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=60`;
  const start = () => void run("pg_ctl", ["-D", data, "-o", opts, "-l", path.join(root, "log"), "-w", "-t", "60", "start"]);
  start();
  const pidOf = () => Number(execFileSync("head", ["-1", path.join(data, "postmaster.pid")], { encoding: "utf8" }).trim());
  return {
    port,
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    kill: () => {
      process.kill(pidOf(), "SIGKILL");
    },
    start,
    restartFast: () => void run("pg_ctl", ["-D", data, "-o", opts, "-l", path.join(root, "log"), "-m", "fast", "-w", "-t", "60", "restart"]),
    stop: () => {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        /* already stopped */
      }
    },
    destroy() {
      this.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
