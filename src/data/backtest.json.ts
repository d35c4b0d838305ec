import {loadModelInputs} from "../../loaders/model-inputs.js";
import {buildBacktest} from "../../loaders/backtest.js";

process.stdout.write(JSON.stringify(buildBacktest(await loadModelInputs())));
