// Serves the built site (dist/) on http://127.0.0.1:$PORT (default 3000).
import {startServer} from "./static-server.js";

const port = Number(process.env.PORT ?? 3000);
const {url} = await startServer(Number.isInteger(port) && port >= 0 ? port : 3000);
console.log(`Asielketen Verkenner: ${url}/ (Ctrl+C to stop)`);
