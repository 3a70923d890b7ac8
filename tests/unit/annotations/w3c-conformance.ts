import fs from 'node:fs';
import path from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

// CommonJS packages: under NodeNext the default import is `module.exports`; both also export `.default`.
const Ajv04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

/** The W3C Web Annotation test suite's assertions (JSON Schema draft-04), as shipped in ../shared/conformance. */
export const CONFORMANCE = path.resolve(import.meta.dirname, '../../../../shared/conformance/web-annotation');

export interface Assertion {
  file: string;
  title: string;
  validate: ValidateFunction;
}

function jsonFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return jsonFiles(full);
    return e.name.endsWith('.json') ? [full] : [];
  });
}

/**
 * Every assertion whose `assertionType` is "must" (the suite's annotationMusts.test lists the same
 * files), compiled with the `definitions/` schemas registered under their ids so `$ref`s resolve.
 */
export function mustAssertions(): Assertion[] {
  const ajv = new Ajv04({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  for (const file of jsonFiles(path.join(CONFORMANCE, 'definitions'))) ajv.addSchema(JSON.parse(fs.readFileSync(file, 'utf8')) as object);
  const out: Assertion[] = [];
  for (const file of jsonFiles(path.join(CONFORMANCE, 'annotations')).sort()) {
    const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as { assertionType?: string; expectedResult?: string; title?: string };
    if (schema.assertionType !== 'must') continue;
    if (schema.expectedResult !== 'valid') throw new Error(`${file}: unexpected expectedResult ${schema.expectedResult}`);
    out.push({ file: path.relative(CONFORMANCE, file), title: schema.title ?? '', validate: ajv.compile(schema) });
  }
  return out;
}

/** The MUST file list of the suite's own manifest, to check nothing was missed. */
export function manifestMusts(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(CONFORMANCE, 'annotations/annotationMusts.test'), 'utf8')) as { assertions: string[] };
  return manifest.assertions;
}
