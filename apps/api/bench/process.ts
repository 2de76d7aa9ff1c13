/** What the benchmark and the soak share: starting the API (or the SQL baseline) as a process of its own, and percentiles. */
import { spawn, type ChildProcess } from "node:child_process";

/** Starts `node <args>` and resolves once `readyUrl` answers 200 (or rejects if the process exits first). */
export function startProcess(args: string[], env: NodeJS.ProcessEnv, readyUrl: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let done = false;
    // Only the tail is kept: the process may log for ten minutes.
    child.stdout!.on("data", (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
    child.stderr!.on("data", (d: Buffer) => (out = (out + d.toString()).slice(-20_000)));
    child.on("exit", (code) => {
      if (!done) reject(new Error(`process exited (${code}) before it was ready:\n${out.slice(-2000)}`));
    });
    const poll = async () => {
      while (!done) {
        try {
          if ((await fetch(readyUrl)).ok) {
            done = true;
            resolve(child);
            return;
          }
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    void poll();
  });
}

/** Stops a process started by startProcess with SIGTERM and waits for it to exit. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.removeAllListeners("exit");
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** Exact percentile of sorted values, nearest rank. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]!;
}
