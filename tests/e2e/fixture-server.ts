import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { RESPONDERS } from '../fixtures/responders';

export const SITES_DIR = join(import.meta.dirname, '../fixtures/sites');
/** Fixture scripts bundled from real libraries at test time (build-fixtures.ts). */
export const GENERATED_DIR = join(import.meta.dirname, '../.tmp/sites');

export interface LoggedRequest {
  seq: number;
  method: string;
  host: string;
  path: string;
  url: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.gif': 'image/gif',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
// Chromium talks to these by itself (sign-in, optimisation hints, autofill, updates),
// whatever the flags; with every host mapped here, those calls land on this server.
// No fixture page uses them.
const BROWSER_SERVICES = /(^|\.)googleapis\.com$|^accounts\.google\.com$|^clients\d*\.google\.com$/;

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

/**
 * Cookies the real services set on these endpoints, so that the extension sees
 * third-party cookies as it would in the wild. Values are made up per response.
 */
const SET_COOKIE: { host: RegExp; path: RegExp; cookie: (id: string) => string }[] = [
  { host: /(^|\.)doubleclick\.net$/, path: /^\/pagead\//, cookie: (id) => `IDE=AHWqTU${id}; Max-Age=34190000; Path=/; SameSite=None; Secure` },
  { host: /(^|\.)facebook\.com$/, path: /^\/tr\/?$/, cookie: (id) => `fr=0${id}.AWX; Max-Age=7776000; Path=/; SameSite=None; Secure` },
  { host: /^sync\./, path: /./, cookie: (id) => `uid=${id}; Max-Age=31536000; Path=/; SameSite=None; Secure` },
];

function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'targetlens-cert-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-subj', '/CN=targetlens-fixtures',
  ], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

/**
 * Serves tests/fixtures/sites/<hostname>/<path> (then tests/.tmp/sites/…) for any hostname, over HTTP and HTTPS,
 * and logs every request it answers. Unknown paths get a harmless empty resource of
 * the right kind, so fixture pages can call real tracker endpoints.
 */
export class FixtureServer {
  readonly log: LoggedRequest[] = [];
  private seq = 0;
  private servers: Server[] = [];
  httpPort = 0;
  httpsPort = 0;

  async start(): Promise<this> {
    const handler = (req: IncomingMessage, res: ServerResponse) => this.handle(req, res);
    const http = createHttp(handler);
    const https = createHttps(makeCertificate(), handler);
    this.servers = [http, https];
    await Promise.all(this.servers.map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
    this.httpPort = (http.address() as AddressInfo).port;
    this.httpsPort = (https.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await Promise.all(this.servers.map((s) => new Promise((r) => s.close(r))));
    this.servers.forEach((s) => s.closeAllConnections?.());
  }

  /** Chromium flags that send every hostname to this server. */
  get resolverRules(): string {
    return `MAP *:80 127.0.0.1:${this.httpPort}, MAP *:443 127.0.0.1:${this.httpsPort}`;
  }

  mark(): number {
    return this.seq;
  }

  since(mark: number): LoggedRequest[] {
    return this.log.filter((r) => r.seq > mark);
  }

  /** What pages asked for since `mark`: everything but Chromium's own service traffic. */
  pageRequests(mark: number): LoggedRequest[] {
    return this.since(mark).filter((r) => !BROWSER_SERVICES.test(r.host));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url ?? '/', `https://${host}`);
    this.log.push({ seq: ++this.seq, method: req.method ?? 'GET', host, path: url.pathname, url: url.href });
    const origin = req.headers.origin;
    // Ad requests are sent with credentials, which a wildcard origin does not allow.
    const headers: Record<string, string | string[]> = origin
      ? { 'cache-control': 'no-store', 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true' }
      : { 'cache-control': 'no-store', 'access-control-allow-origin': '*' };
    const cookies = SET_COOKIE.filter((c) => c.host.test(host) && c.path.test(url.pathname)).map((c) =>
      c.cookie(Math.random().toString(36).slice(2) + Date.now().toString(36)),
    );
    if (cookies.length) headers['set-cookie'] = cookies;

    const responder = RESPONDERS.find((r) => r.host.test(host) && r.path.test(url.pathname));
    if (responder) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let out: ReturnType<typeof responder.respond>;
        try {
          out = responder.respond(Buffer.concat(chunks).toString('utf8'), url);
        } catch {
          out = { status: 400, type: 'text/plain', body: 'bad request' };
        }
        res.writeHead(out.status, { ...headers, 'content-type': out.type }).end(out.body);
      });
      return;
    }
    req.resume();
    const file = this.resolve(host, url.pathname);
    if (file) {
      // Extension-less fixtures stand in for scripts such as gtag/js.
      res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file) || '.js'] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
      return;
    }
    const ext = extname(url.pathname);
    if (ext === '.js') res.writeHead(200, { ...headers, 'content-type': TYPES['.js']! }).end('/* fixture */');
    else if (ext === '.css') res.writeHead(200, { ...headers, 'content-type': TYPES['.css']! }).end('');
    else if (req.method === 'POST') res.writeHead(204, headers).end();
    else res.writeHead(200, { ...headers, 'content-type': 'image/gif' }).end(PIXEL);
  }

  private resolve(host: string, pathname: string): string | undefined {
    return this.resolveIn(SITES_DIR, host, pathname) ?? this.resolveIn(GENERATED_DIR, host, pathname);
  }

  private resolveIn(root: string, host: string, pathname: string): string | undefined {
    const base = join(root, host);
    let path: string;
    try {
      path = normalize(join(base, decodeURIComponent(pathname)));
    } catch {
      return undefined;
    }
    if (!path.startsWith(base + sep) && path !== base) return undefined;
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    return existsSync(path) && statSync(path).isFile() ? path : undefined;
  }
}
