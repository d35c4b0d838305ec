// Loader shim: Spreidingswet provincial targets and CBS province boundaries (see loaders/spreiding.ts).
import {loadSpreiding} from "../../loaders/spreiding.js";

process.stdout.write(JSON.stringify(loadSpreiding()));
