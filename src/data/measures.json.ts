// Loader shim: the validated measures catalogue (see loaders/measures.ts), checked against the
// parameter ids of the contract (docs/model-interface.md).
import {CONTRACT_PARAMETER_IDS, loadMeasures} from "../../loaders/measures.js";

process.stdout.write(JSON.stringify(loadMeasures(new Set(CONTRACT_PARAMETER_IDS))));
