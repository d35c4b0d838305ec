import {loadModelInputs} from "../../loaders/model-inputs.js";

process.stdout.write(JSON.stringify(await loadModelInputs()));
