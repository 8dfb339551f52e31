// Starts the servers the suite drives, each on a free port (--bind
// 127.0.0.1:0), waits for its `listening on URL` line, and hands the URLs to
// the tests through the environment (workers inherit the runner's):
// - ORGDESK_E2E_URL: the reference server (throwaway database, demo seed, the built app);
// - ORGDESK_E2E_VENDOR_URL: the same in vendor mode (`--api vendor`: only what the
//   platforms document), with its own database at ORGDESK_E2E_VENDOR_DB;
// - ORGDESK_E2E_FRONT_URL: the stateless web front, proxying a second reference server
//   whose tokens live 30 s.
// global-teardown.ts stops them all.
//
// ORGDESK_E2E_URL already set: use that server instead and start nothing.
// ORGDESK_SERVER: another server binary (default: the `make build` one).
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVER = process.env.ORGDESK_SERVER ?? 'target/server/orgdesk-server';

/** Starts the server with `args`; resolves with its URL once it listens. */
function start(args: string[], started: ChildProcess[], env: Record<string, string> = {}): Promise<string> {
  const server = spawn(SERVER, ['--bind', '127.0.0.1:0', ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  started.push(server);
  // If the runner dies without reaching global teardown, don't leave the server behind.
  process.once('exit', () => server.kill('SIGKILL'));
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`orgdesk-server ${args.join(' ')} printed no \`listening on\` line within 60 s`)), 60_000);
    let seen = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = seen.match(/listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        // Keep draining stdout so a chatty server never blocks on a full pipe.
        server.stdout!.resume();
        resolve(match[1]);
      }
    });
    server.on('error', (e) => reject(new Error(`could not start ${SERVER}: ${e.message}`)));
    server.on('exit', (code, signal) => reject(new Error(`orgdesk-server exited (${signal ?? code}) before listening:\n${seen}`)));
  });
}

export default async function globalSetup() {
  if (process.env.ORGDESK_E2E_URL) return;
  for (const needed of [SERVER, 'dist/index.html']) {
    if (!existsSync(needed)) throw new Error(`${needed} is missing: run \`make build\` first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'orgdesk-e2e-'));
  const started: ChildProcess[] = [];
  const reference = (db: string, ...more: string[]) => ['--seed', 'demo', '--db', join(dir, db), '--dist', 'dist', ...more];
  try {
    const [url, vendorUrl, upstream] = await Promise.all([
      start(reference('e2e.db'), started),
      start(reference('vendor.db', '--api', 'vendor'), started),
      // Short-lived tokens upstream: the front's BlendVision test sees a session renewed.
      // The front is its trusted proxy: its X-Forwarded-* name the visitor's host and address.
      start(reference('upstream.db'), started, { ORGDESK_TOKEN_TTL_SECS: '30', ORGDESK_TRUSTED_PROXIES: '127.0.0.1' }),
    ]);
    // The front logs every request at info: only its warnings here.
    const frontUrl = await start(['--upstream-openbadge', upstream, '--upstream-blendvision', upstream, '--dist', 'dist'], started, { RUST_LOG: 'warn' });
    process.env.ORGDESK_E2E_URL = url;
    process.env.ORGDESK_E2E_VENDOR_URL = vendorUrl;
    process.env.ORGDESK_E2E_VENDOR_DB = join(dir, 'vendor.db');
    process.env.ORGDESK_E2E_FRONT_URL = frontUrl;
    process.env.ORGDESK_E2E_PIDS = started.map((s) => s.pid).join(' ');
    process.env.ORGDESK_E2E_DIR = dir;
  } catch (e) {
    for (const s of started) s.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
