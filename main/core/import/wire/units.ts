/**
 * Splits a delivery into units: one unit per paragraph or per header/trailer line. Everything
 * else in the parser works on units, so this is the only place that looks at line breaks.
 */

/** Units of a delivery: whitespace-normalised, non-empty, single-line strings in source order. */
export function splitUnits(text: string): string[] {
  // Splitting on a plain "\n" is much faster than a regex split on megabyte inputs.
  const normalised = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const lines = normalised.split('\n');
  const units: string[] = [];
  let chunk: string[] = [];
  const flush = (): void => {
    if (chunk.length === 0) return;
    if (chunk.length > 1 && isHardWrapped(chunk)) {
      units.push(chunk.join(' '));
    } else {
      // A loop, not push(...chunk): a huge chunk would overflow the argument stack.
      for (const l of chunk) units.push(l);
    }
    chunk = [];
  };
  for (const raw of lines) {
    // Replace only where needed: replacing every single space costs seconds on megabyte lines.
    let line = raw;
    if (ODD_SPACE.test(line)) line = line.replace(/[\u00a0\t\f\v]/g, ' ').replace(/ {2,}/g, ' ');
    line = line.trim();
    if (line.length === 0) {
      flush();
      continue;
    }
    chunk.push(line);
  }
  flush();
  return units;
}

const ODD_SPACE = /[\u00a0\t\f\v]| {2}/;

const TERMINAL = new Set(['.', '!', '?', ':', ';', '"', '»', '«', '“', '”', ')']);

/**
 * A chunk of several lines is one hard-wrapped paragraph when its lines have a typewriter width
 * (none over 100 characters, none but the last much shorter) and most line ends are mid-sentence.
 * Otherwise the delivery uses one line per paragraph (or stacks header lines), and each line is a unit.
 */
function isHardWrapped(lines: readonly string[]): boolean {
  let max = 0;
  for (const l of lines) if (l.length > max) max = l.length;
  if (max > 100) return false;
  let open = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    const l = lines[i]!;
    if (l.length < 40) return false;
    if (!TERMINAL.has(l.charAt(l.length - 1))) open++;
  }
  return open * 2 >= lines.length - 1;
}
