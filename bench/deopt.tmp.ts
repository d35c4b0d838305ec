import {loadModelInputs} from "../loaders/model-inputs.js";
import * as cur from "./models/current.js";
const inputs = await loadModelInputs();
const ctx = cur.api.setup(cur.benchScenario(inputs), inputs);
for (let i = 0; i < 30000; i++) ctx.simulate();
