// Shared by `npm start` and `npm test` so that each works as the first command on a fresh clone:
// installs dependencies from the committed lockfile when they are missing (npm install, which
// builds through `prepare`), and brings Debian's Chromium when browser tests need it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function sh(command, args, options = {}) {
  const r = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (r.status !== 0) {
    console.error(`\n« ${command} ${args.join(' ')} » a échoué (code ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}

/** npm install when node_modules is missing (it runs `prepare`, hence the build); else npm run build. */
export function ensureBuilt() {
  if (!existsSync('node_modules/.bin/tsx')) sh('npm', ['install', '--no-audit', '--no-fund']);
  else sh('npm', ['run', '--silent', 'build']);
}

/** Headless Chromium (web-test-runner; CHROME_PATH overrides) and poppler-utils (CERFA rendering) from Debian. */
export function ensureChromium() {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (existsSync(path) && existsSync('/usr/bin/pdftoppm')) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    console.error(`Chromium introuvable (${path}) : installez-le (apt-get install chromium) ou indiquez CHROME_PATH.`);
    process.exit(1);
  }
  console.log('Installation de Chromium et poppler-utils (Debian) pour les tests…');
  sh('apt-get', ['update', '-qq']);
  sh('apt-get', ['install', '-y', '-qq', 'chromium', 'poppler-utils'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
