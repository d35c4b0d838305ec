// Horizons on the first half of the scenario pages (test/browser/horizons.ts), and the sample check.
import {horizonTests, PAGES} from "./horizons.js";

horizonTests(PAGES.slice(0, 4), true);
