import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The packaging config, checked offline: electron-builder's own YAML loader and schema validator
 * (from its dependency tree; no yaml package of our own), plus the security-relevant values.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const text = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
const builderRequire = createRequire(createRequire(path.join(root, 'package.json')).resolve('electron-builder/package.json'));
const appBuilderRequire = createRequire(builderRequire.resolve('app-builder-lib/package.json'));
const yaml = appBuilderRequire('js-yaml') as { load: (s: string) => unknown };
const config = yaml.load(text) as Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  files: string[];
  asarUnpack: string[];
  linux: { target: string[]; category: string };
  win: { target: string[] };
  mac: { target: string[] };
  directories: { output: string };
};

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema validation', async () => {
    const { validateConfiguration } = appBuilderRequire('./out/util/config/config.js') as {
      validateConfiguration: (c: unknown, logger: { isEnabled: boolean; add: () => void }) => Promise<void>;
    };
    await expect(validateConfiguration(config, { isEnabled: false, add: () => {} })).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, electronFuses: { ...config.electronFuses, runAsNodeTypo: false } }, { isEnabled: false, add: () => {} })).rejects.toThrow();
  });

  it('identifies the app', () => {
    expect(config.appId).toBe('de.fundstelle.app');
    expect(config.productName).toBe('Fundstelle');
    expect(config.directories.output).toBe('release');
  });

  it('sets the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships only the bundles, the built UI and package.json, with the native module unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.files.filter((f) => !f.startsWith('!'))).toStrictEqual(['dist/electron/**', 'dist/renderer/**', 'package.json']);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.asarUnpack.some((p) => p.includes('better-sqlite3'))).toBe(true);
  });

  it('targets AppImage and deb (Office), NSIS and dmg', () => {
    expect(config.linux.target).toStrictEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.win.target).toStrictEqual(['nsis']);
    expect(config.mac.target).toStrictEqual(['dmg']);
  });

  it('points at the entry the bundle script writes', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.js');
    expect(fs.readFileSync(path.join(root, 'scripts', 'build-electron.mjs'), 'utf8')).toContain("outfile: path.join(outDir, 'main.js')");
  });
});
