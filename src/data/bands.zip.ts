import {bandArchive} from "../../loaders/bands.js";
import {loadModelInputs} from "../../loaders/model-inputs.js";

process.stdout.write(await bandArchive(await loadModelInputs()));
