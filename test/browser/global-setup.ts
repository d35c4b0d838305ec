// Serves the built site for the browser tests and shares its URL through the environment.
import {startServer} from "../../scripts/static-server.js";

export default async function setup(): Promise<() => Promise<void>> {
  const {server, url} = await startServer(0);
  process.env.SITE_URL = url;
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}
