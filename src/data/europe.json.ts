// Loader shim: Eurostat applicants per 1.000 inhabitants, EU share and ranks (see loaders/europe.ts).
import {loadEurope} from "../../loaders/europe.js";
import {roundNumbers} from "../../loaders/grant-rates.js";

process.stdout.write(JSON.stringify(roundNumbers(loadEurope(), 5)));
