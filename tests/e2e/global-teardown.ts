// Stops the servers global-setup.ts started and removes their throwaway databases.
import { rmSync } from 'node:fs';

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stop(pid: number) {
  if (!(pid > 0 && alive(pid))) return;
  process.kill(pid, 'SIGINT'); // the server shuts down gracefully on Ctrl-C
  for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

export default async function globalTeardown() {
  const pids = (process.env.ORGDESK_E2E_PIDS ?? '').split(' ').map(Number);
  await Promise.all(pids.map(stop));
  const dir = process.env.ORGDESK_E2E_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
