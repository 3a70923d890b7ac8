#!/usr/bin/env node
// One-step set-up on a fresh machine: Debian's Chromium for the UI tests (when missing and we may
// install it), then the npm dependencies as locked. Uses only Node built-ins so it runs
// before `npm install`.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

function run(cmd, args) {
  console.log(`> ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { stdio: 'inherit' });
}

if (!fs.existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', 'chromium']);
  } else {
    console.warn(
      `Chromium fehlt (${CHROMIUM}); die Oberflächentests brauchen es. Bitte installieren: sudo apt-get install -y chromium\n` +
        `Chromium is missing (${CHROMIUM}); the UI tests need it. Please install it: sudo apt-get install -y chromium`,
    );
  }
}

// `npm install` rather than `npm ci`: vite 8.4 lists an optional Windows-only dependency that the
// registry does not serve, so the lock file cannot record it and `npm ci` refuses the lock as out
// of sync. `npm install` still installs exactly the locked versions and skips that optional package.
run('npm', ['install', '--no-audit', '--no-fund']);
