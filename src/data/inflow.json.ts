// Loader shim: validated and reshaped inflow data (see loaders/inflow.ts).
import {loadInflow} from "../../loaders/inflow.js";

process.stdout.write(JSON.stringify(loadInflow()));
