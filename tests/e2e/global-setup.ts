// Starts the release server on a free port (--bind 127.0.0.1:0) with a
// throwaway database and the built app, waits for its `listening on URL`
// line, and hands the URL to the tests through ORGDESK_E2E_URL (workers
// inherit the runner's environment). global-teardown.ts stops it.
//
// ORGDESK_E2E_URL already set: use that server instead and start nothing.
// ORGDESK_SERVER: another server binary (default: the `make build` one).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVER = process.env.ORGDESK_SERVER ?? 'target/server/orgdesk-server';

export default async function globalSetup() {
  if (process.env.ORGDESK_E2E_URL) return;
  for (const needed of [SERVER, 'dist/index.html']) {
    if (!existsSync(needed)) throw new Error(`${needed} is missing: run \`make build\` first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'orgdesk-e2e-'));
  const server = spawn(SERVER, ['--bind', '127.0.0.1:0', '--seed', 'demo', '--db', join(dir, 'e2e.db'), '--dist', 'dist'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => {
    server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  // If the runner dies without reaching global teardown, don't leave the server behind.
  process.once('exit', () => server.kill('SIGKILL'));

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('orgdesk-server printed no `listening on` line within 60 s')), 60_000);
      let seen = '';
      server.stdout!.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        const match = seen.match(/listening on (http:\/\/\S+)/);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      server.on('error', (e) => reject(new Error(`could not start ${SERVER}: ${e.message}`)));
      server.on('exit', (code, signal) => reject(new Error(`orgdesk-server exited (${signal ?? code}) before listening:\n${seen}`)));
    });
    // Keep draining stdout so a chatty server never blocks on a full pipe.
    server.stdout!.resume();
    process.env.ORGDESK_E2E_URL = url;
    process.env.ORGDESK_E2E_PID = String(server.pid);
    process.env.ORGDESK_E2E_DIR = dir;
  } catch (e) {
    stop();
    throw e;
  }
}
