// Starts the release server on a free port with a throwaway database and the
// built app, and hands its URL to the tests through ORGDESK_E2E_URL.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default async function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'orgdesk-e2e-'));
  const server = spawn(
    'target/server/orgdesk-server',
    ['--bind', '127.0.0.1:0', '--seed', 'demo', '--db', join(dir, 'e2e.db'), '--dist', 'dist'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('orgdesk-server did not start within 60 s')), 60_000);
    let seen = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = seen.match(/listening on (http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    server.on('exit', (code) => reject(new Error(`orgdesk-server exited with ${code}`)));
  });
  process.env.ORGDESK_E2E_URL = url;
  return async () => {
    server.kill('SIGINT');
    rmSync(dir, { recursive: true, force: true });
  };
}
