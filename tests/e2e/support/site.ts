/**
 * The built playground served on 127.0.0.1: builds it once with Vite, then serves playground/dist
 * with a tiny static server (the same files any static host would serve).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

export const ROOT = resolve(fileURLToPath(new URL("../../..", import.meta.url)));
export const PLAYGROUND = join(ROOT, "playground");
export const DIST = join(PLAYGROUND, "dist");

/** Builds the site as `pnpm build` does: the playground, then the Ask page (one self-contained page). */
export async function buildSite(): Promise<void> {
  const vite = join(PLAYGROUND, "node_modules", "vite", "bin", "vite.js");
  if (!existsSync(vite)) throw new Error(`Vite is not installed at ${vite}: run pnpm install.`);
  for (const config of ["vite.config.ts", "vite.ask.config.ts"]) {
    await run(process.execPath, [vite, "build", "-c", config, "--logLevel", "warn"], {
      cwd: PLAYGROUND,
      maxBuffer: 16 * 1024 * 1024,
    });
  }
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ttf": "font/ttf",
  ".woff2": "font/woff2",
};

export interface Site {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 at a free port. */
export async function serve(dir: string = DIST): Promise<Site> {
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = normalize(join(dir, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
