/** The static host the browser tests serve built sites with (shared with the bench). */
export { freePort, serveStatic } from '../../src/evaluate/bench/static-server.js';
