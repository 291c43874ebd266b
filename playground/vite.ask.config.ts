import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { defaultClientConditions, defineConfig, type Plugin } from "vite";

/**
 * The Ask page's own build (after the playground's, into the same folder): one self-contained
 * script and its stylesheet written into ask.html itself, so that the page is a single request —
 * no round trip for its script before the first question (the time that matters on a phone).
 * The page's Content-Security-Policy allows that one script by its SHA-256 hash, and nothing
 * else inline.
 */
function inlineIntoPage(): Plugin {
  return {
    name: "precept:inline-ask-page",
    apply: "build",
    enforce: "post",
    generateBundle(_options, bundle) {
      const page = Object.values(bundle).find((f) => f.fileName === "ask.html");
      if (page?.type !== "asset") throw new Error("The Ask page build has no ask.html.");
      let html = String(page.source);
      const hashes: string[] = [];
      const inline = new Map<string, string>();
      for (const file of Object.values(bundle)) {
        if (file.type === "chunk" && file.isEntry) {
          // `</script` cannot occur inside an inline script; `<\/script` means the same in JS.
          const code = file.code.replace(/<\/script/gi, "<\\/script");
          hashes.push(`'sha256-${createHash("sha256").update(code).digest("base64")}'`);
          const tag = new RegExp(
            `<script type="module" crossorigin src="\\./${file.fileName}"></script>`,
          );
          if (!tag.test(html)) throw new Error(`ask.html does not load ${file.fileName}.`);
          html = html.replace(tag, () => `<script type="module">\0${file.fileName}</script>`);
          inline.set(`\0${file.fileName}`, code);
          delete bundle[file.fileName];
        } else if (file.type === "asset" && file.fileName.endsWith(".css")) {
          const tag = new RegExp(`<link rel="stylesheet" crossorigin href="\\./${file.fileName}">`);
          if (!tag.test(html)) throw new Error(`ask.html does not load ${file.fileName}.`);
          html = html.replace(tag, () => `<style>${String(file.source)}</style>`);
          delete bundle[file.fileName];
        }
      }
      if (hashes.length !== 1)
        throw new Error(`The Ask page should have one script, not ${hashes.length}.`);
      html = html.replace("script-src 'self'", `script-src 'self' ${hashes.join(" ")}`);
      if (/<script[^>]+src=|modulepreload|\.js"/.test(html)) {
        throw new Error("The Ask page still loads a script file: it should be one request.");
      }
      for (const [placeholder, code] of inline) html = html.replace(placeholder, () => code);
      page.source = html;
    },
  };
}

export default defineConfig({
  base: "./",
  resolve: {
    conditions: ["source", ...defaultClientConditions],
    // The page never runs json-rules-engine (see src/ask/no-engine.ts).
    alias: { "json-rules-engine": fileURLToPath(new URL("src/ask/no-engine.ts", import.meta.url)) },
  },
  plugins: [inlineIntoPage()],
  build: {
    outDir: "dist",
    // The playground's build has just written the rest of the site here.
    emptyOutDir: false,
    target: "es2022",
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { ask: fileURLToPath(new URL("ask.html", import.meta.url)) },
      output: { codeSplitting: false },
    },
  },
});
