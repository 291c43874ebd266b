/** `pnpm bench`: runs each benchmark module in turn. Keep this a list of modules. */
const modules = ["./language.js", "./hostile.js", "./decide.js", "./service.js", "./analysis.js"];

for (const path of modules) {
  const module = (await import(path)) as { run: () => Promise<void> };
  await module.run();
}
