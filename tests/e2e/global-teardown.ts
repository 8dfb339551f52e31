// Stops the server global-setup.ts started and removes its throwaway database.
import { rmSync } from 'node:fs';

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export default async function globalTeardown() {
  const pid = Number(process.env.ORGDESK_E2E_PID);
  const dir = process.env.ORGDESK_E2E_DIR;
  if (pid > 0 && alive(pid)) {
    process.kill(pid, 'SIGINT'); // the server shuts down gracefully on Ctrl-C
    for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
}
