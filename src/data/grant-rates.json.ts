// Thin shim: Framework runs this with tsx and serves its stdout as data/grant-rates.json.
import {computeGrantRates, readGrantRateInputs, roundNumbers} from "../../loaders/grant-rates.js";

process.stdout.write(JSON.stringify(roundNumbers(computeGrantRates(readGrantRateInputs()))));
