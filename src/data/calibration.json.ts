import {loadCalibration} from "../../loaders/calibration.js";

process.stdout.write(JSON.stringify(await loadCalibration()));
