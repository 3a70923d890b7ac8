#!/usr/bin/env node
// One-step set-up on a fresh machine: Debian's Chromium for the UI tests (when missing and we may
// install it), then the npm dependencies exactly as locked. Uses only Node built-ins so it runs
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

run('npm', [fs.existsSync('package-lock.json') ? 'ci' : 'install']);
