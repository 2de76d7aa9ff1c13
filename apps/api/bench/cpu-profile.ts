/**
 * `--cpu-prof` summary: a V8 CPU profile (.cpuprofile, written by `node --cpu-prof`) summed by
 * where the code comes from: each npm package, the API's own code, the domain, Node's core,
 * V8's builtins, WebAssembly (Prisma's query compiler) and the garbage collector.
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function's code lives, as a package-level label. */
export function packageOf(url: string, fn: string): string | null {
  if (fn === "(garbage collector)") return "GC";
  if (fn === "(idle)") return null;
  if (fn === "(program)") return "(program: V8, native)";
  if (url.startsWith("wasm://")) return "WebAssembly (Prisma query compiler)";
  if (url === "") return "V8 builtins / native";
  if (url.startsWith("node:")) return "node core";
  const nm = url.lastIndexOf("/node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "/node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.includes("/apps/api/dist/generated/")) return "@abordable/api (generated Prisma client)";
  if (url.includes("/apps/api/dist/")) return `@abordable/api (${url.split("/apps/api/dist/")[1]!.split("/")[0]})`;
  if (url.includes("/packages/domain/")) return "@abordable/domain";
  return "other";
}

/** Self time (ms) by package, busy time in total, from one .cpuprofile file. */
export function summariseProfile(file: string): { busyMs: number; byPackage: [string, number][] } {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const label = new Map(profile.nodes.map((n) => [n.id, packageOf(n.callFrame.url, n.callFrame.functionName)]));
  const sums = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const l = label.get(id);
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    if (!l) return;
    busy += ms;
    sums.set(l, (sums.get(l) ?? 0) + ms);
  });
  return { busyMs: busy, byPackage: [...sums.entries()].sort((a, b) => b[1] - a[1]) };
}
