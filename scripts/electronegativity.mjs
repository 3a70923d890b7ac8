// Runs @doyensec/electronegativity over the Electron shell (main/electron) and fails on any finding
// that is not justified in security/electronegativity-allowlist.json.
//
//   node scripts/electronegativity.mjs [--json]
//
// Electronegativity exits 0 even with findings, so its SARIF report is parsed here. It also tries
// the internet twice (translations from S3 and Electron's release list from GitHub): this script
// runs it with `got` replaced by a stub that fails at once, skips the release-list check
// (AvailableSecurityFixesGlobalCheck; the Electron version is pinned and passed with -e), and
// blocks every socket as a safety net — any attempt is reported and fails the run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const electronVersion = (pkg.devDependencies?.electron ?? '').replace(/^[^\d]*/, '') || '45.5.0';
const allowlistFile = path.join(root, 'security', 'electronegativity-allowlist.json');
const cli = path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const inputs = ['main/electron'];
const json = process.argv.includes('--json');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'));
const netLog = path.join(tmp, 'network-attempts.log');
const preload = path.join(tmp, 'offline.cjs');
// Loaded with --require into electronegativity's process: `got` answers with an immediate error
// (no retries, no waiting), and sockets and DNS fail without touching the network.
fs.writeFileSync(
  preload,
  `const Module = require('node:module');
const fs = require('node:fs');
const note = (what) => fs.appendFileSync(${JSON.stringify(netLog)}, what + '\\n');
const offline = () => Promise.reject(Object.assign(new Error('offline (scripts/electronegativity.mjs)'), { code: 'ENETUNREACH' }));
const got = Object.assign(offline, { get: offline, stream: offline, extend: () => got });
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'got') return got;
  return load.call(this, request, parent, isMain);
};
const net = require('node:net');
net.Socket.prototype.connect = function (options) {
  note('connect ' + JSON.stringify(typeof options === 'object' && options ? { host: options.host, port: options.port } : options));
  process.nextTick(() => this.destroy(Object.assign(new Error('network blocked'), { code: 'ENETUNREACH' })));
  return this;
};
const dns = require('node:dns');
dns.lookup = (host, opts, cb) => {
  note('lookup ' + host);
  const callback = typeof opts === 'function' ? opts : cb;
  process.nextTick(() => callback(Object.assign(new Error('network blocked'), { code: 'ENOTFOUND' })));
};
`,
);

const started = performance.now();
const findings = [];
let failedRun = null;
for (const input of inputs) {
  const report = path.join(tmp, `${input.replace(/[\\/]/g, '_')}.sarif`);
  const r = spawnSync(
    process.execPath,
    ['--require', preload, cli, '-i', path.join(root, input), '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', report, '-r', '-v', 'false'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'en-US' }, timeout: 300_000 },
  );
  if (r.status !== 0 || !fs.existsSync(report)) {
    failedRun = `electronegativity failed on ${input} (status ${r.status}): ${(r.stderr || r.stdout || String(r.error)).slice(0, 2000)}`;
    break;
  }
  const sarif = JSON.parse(fs.readFileSync(report, 'utf8'));
  for (const run of sarif.runs ?? []) {
    for (const res of run.results ?? []) {
      const loc = res.locations?.[0]?.physicalLocation;
      const uri = loc?.artifactLocation?.uri ?? '?';
      findings.push({
        check: res.ruleId,
        // -r gives paths relative to the input folder; the allowlist names them from the repository root.
        file: path.posix.join(input, uri.replace(/\\/g, '/')),
        line: loc?.region?.startLine ?? 0,
        message: res.message?.text ?? '',
      });
    }
  }
}
const seconds = Math.round((performance.now() - started) / 100) / 10;
const networkAttempts = fs.existsSync(netLog) ? fs.readFileSync(netLog, 'utf8').split('\n').filter(Boolean) : [];
fs.rmSync(tmp, { recursive: true, force: true });

if (failedRun) {
  console.error(failedRun);
  process.exit(2);
}

/** @type {{check: string, file: string, reason: string}[]} */
const allowlist = JSON.parse(fs.readFileSync(allowlistFile, 'utf8')).entries ?? [];
const badEntries = allowlist.filter((e) => !e.check || !e.file || typeof e.reason !== 'string' || e.reason.trim().length < 20);
const justified = (f) => allowlist.find((e) => e.check === f.check && e.file === f.file);
const unjustified = findings.filter((f) => !justified(f));
const stale = allowlist.filter((e) => !findings.some((f) => f.check === e.check && f.file === e.file));

if (json) {
  console.log(JSON.stringify({ electronVersion, seconds, findings, unjustified, stale, networkAttempts }, null, 2));
} else {
  console.log(`Electronegativity (Electron ${electronVersion}) over ${inputs.join(', ')}: ${findings.length} finding(s), ${unjustified.length} not justified, ${seconds} s.`);
  for (const f of findings) console.log(`  ${justified(f) ? 'allowed' : 'FAIL   '}  ${f.check}  ${f.file}:${f.line}  ${f.message}`);
  for (const e of stale) console.log(`  note: allowlist entry no longer needed: ${e.check} ${e.file}`);
  for (const e of badEntries) console.log(`  FAIL: allowlist entry without check, file or a real reason: ${JSON.stringify(e)}`);
  for (const a of networkAttempts) console.log(`  FAIL: network attempt blocked: ${a}`);
}
process.exitCode = unjustified.length > 0 || badEntries.length > 0 || networkAttempts.length > 0 ? 1 : 0;
