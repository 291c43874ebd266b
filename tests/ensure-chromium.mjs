// Browser tests need Debian's chromium. On a fresh machine (as root) install it with apt, so the
// README's test command does all set-up; elsewhere, say what to run instead of failing obscurely.
import { execFileSync, spawnSync } from "node:child_process";

const found = spawnSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).stdout.trim();
if (found) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
if (!isRoot || !hasApt) {
  console.error(
    "The browser tests need Debian's chromium: run `sudo apt-get install chromium` and try again.",
  );
  process.exit(1);
}
console.log("Installing Debian's chromium for the browser tests (apt-get install chromium)…");
const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
