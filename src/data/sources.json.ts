// Loader shim: the origin record of every dataset in data/ (see loaders/sources.ts).
import {loadSources} from "../../loaders/sources.js";

process.stdout.write(JSON.stringify(loadSources()));
