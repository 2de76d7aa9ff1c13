/**
 * Watchdog for a wedged process. PGlite runs inside this process's event loop; when its write-ahead
 * log cannot grow (disk full) it can spin without returning, and then nothing in the event loop —
 * requests, timers, SIGTERM — runs again. A worker thread, which has its own event loop, watches a
 * heartbeat the main thread writes every 500 ms; when the heartbeat is older than `limitMs` it
 * writes a clear message to stderr and kills the process (SIGKILL: SIGTERM would never be handled),
 * so that the supervisor restarts it. Acknowledged writes survive a process crash (README).
 */
import { Worker } from "node:worker_threads";

const WORKER = `
const { workerData } = require("node:worker_threads");
const beat = new Int32Array(workerData.buffer);
setInterval(() => {
  const age = Math.floor(Date.now() / 1000) - Atomics.load(beat, 0);
  if (age * 1000 > workerData.limitMs) {
    process.stderr.write("abordable API watchdog: the event loop has been blocked for " + age + " s (limit " + workerData.limitMs + " ms; ABORDABLE_WATCHDOG_MS). " +
      "Likely cause: the embedded database cannot write (disk full?) in " + workerData.where + ". Killing the process so that it is restarted.\\n");
    process.kill(process.pid, "SIGKILL");
  }
}, 1000);
`;

export function startWatchdog(limitMs: number, where: string): () => void {
  if (limitMs <= 0) return () => undefined;
  const buffer = new SharedArrayBuffer(4);
  const beat = new Int32Array(buffer);
  const tick = () => Atomics.store(beat, 0, Math.floor(Date.now() / 1000));
  tick();
  const timer = setInterval(tick, 500);
  timer.unref();
  const worker = new Worker(WORKER, { eval: true, workerData: { buffer, limitMs, where } });
  worker.unref();
  return () => {
    clearInterval(timer);
    void worker.terminate();
  };
}
