/**
 * The Ask page: a compiled bundle (from the link) and the runtime, nothing else — no editor, no
 * parser — so that it is quick to load on a phone. See ask-view.ts for the flow.
 */
import { loadBundle } from "@precept/runtime";
import { byId, h } from "../dom.js";
import { AskView } from "./ask-view.js";
import { bundleFromHash, bundleText } from "./bundle-link.js";

function fail(message: string): void {
  byId("ask").replaceChildren(
    h("div", { class: "problem", role: "alert" }, h("p", {}, message)),
    h(
      "p",
      {},
      "Open this page from the playground (its “Ask” link), which puts the policy in the link. ",
      h("a", { href: "./" }, "Go to the playground"),
    ),
  );
}

function main(): void {
  const encoded = bundleFromHash(location.hash);
  if (!encoded) {
    fail("This link holds no policy to ask about.");
    return;
  }
  const text = bundleText(encoded);
  if (!text.ok) {
    fail(text.message);
    return;
  }
  const loaded = loadBundle(text.json);
  if (!loaded.ok) {
    fail(`The policy in this link cannot be used: ${loaded.errors.slice(0, 3).join(" ")}`);
    return;
  }
  const { bundle } = loaded.decider;
  byId("ask-policy").textContent =
    `${bundle.policy.title}${bundle.policy.version ? `, version ${bundle.policy.version}` : ""}`;
  document.title = `Ask: ${bundle.policy.title}`;
  new AskView(byId("ask"), loaded.decider).start();
}

main();
window.addEventListener("hashchange", () => location.reload());
