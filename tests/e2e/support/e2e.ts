/** The shared browser-test context, set up once per run by playground.test.ts. */
import type { Browser } from "playwright-core";

/** What every browser suite needs: the built site's URL and a browser context. */
export interface E2E {
  readonly url: string;
  readonly browser: Browser;
}
