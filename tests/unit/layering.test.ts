import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering is enforced by lint; these cases prove each forbidden arrow fails it.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('layering lint', () => {
  it.each([
    ['shared/x.ts', "import { openDatabase } from '../main/db/open.js';\nexport const x = openDatabase;\n"],
    ['shared/x.ts', "import fs from 'node:fs';\nexport const x = fs;\n"],
    ['shared/x.ts', "import { App } from '../renderer/src/app.js';\nexport const x = App;\n"],
    ['main/core/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['main/db/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['renderer/src/x.ts', "import { openDatabase } from '../../main/db/open.js';\nexport const x = openDatabase;\n"],
    ['renderer/src/x.ts', "import fs from 'node:fs';\nexport const x = fs;\n"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['renderer/src/x.ts', "import { contract } from '../../shared/contract.js';\nexport const x = contract;\n"],
  ])('refuses %s importing across the layers', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['main/core/x.ts', "import { countWords } from '../../shared/article.js';\nexport const x = countWords;\n"],
    ['renderer/src/x.ts', "import { countWords } from '../../shared/article.js';\nexport const x = countWords;\n"],
    ['renderer/src/x.ts', "import type { Settings } from '../../shared/contract.js';\nexport type X = Settings;\n"],
    ['main/electron/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
  ])('allows %s importing along the layers', async (file, code) => {
    expect(await restrictedImportErrors(file, code)).toEqual([]);
  });
});
