// Horizons on the second half of the scenario pages (test/browser/horizons.ts).
import {horizonTests, PAGES} from "./horizons.js";

horizonTests(PAGES.slice(4));
