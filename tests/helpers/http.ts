// A local web server for link-checking tests: it listens on 127.0.0.1 only, so no test touches the
// network, and it counts the requests each path receives.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (request: IncomingMessage, response: ServerResponse, count: number) => void;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Requests received per path, as `METHOD /path`. */
  requests: string[];
  /** How many requests are being answered right now, and the most at once. */
  inFlight: { now: number; max: number };
  close(): Promise<void>;
}

/** Starts a server answering `routes` by path; anything else is 404. */
export async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const requests: string[] = [];
  const counts = new Map<string, number>();
  const inFlight = { now: 0, max: 0 };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(`${request.method} ${path}`);
    const count = (counts.get(path) ?? 0) + 1;
    counts.set(path, count);
    inFlight.now++;
    inFlight.max = Math.max(inFlight.max, inFlight.now);
    response.on('close', () => inFlight.now--);
    const route = routes[path];
    if (route) route(request, response, count);
    else response.writeHead(404).end('not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    inFlight,
    close: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}

/** Common answers. */
export const answer = {
  status: (status: number, headers: Record<string, string> = {}): Route => (_q, r) => void r.writeHead(status, headers).end(),
  /** `status` for the first `times` requests, then 200. */
  failing: (status: number, times: number): Route => (_q, r, count) => void r.writeHead(count <= times ? status : 200).end(),
  /** 405 to HEAD, 200 to GET. */
  getOnly: (): Route => (q, r) => void r.writeHead(q.method === 'HEAD' ? 405 : 200).end(),
  /** Answers 200 after `ms`. */
  slow: (ms: number): Route => (_q, r) => void setTimeout(() => r.writeHead(200).end(), ms),
};
