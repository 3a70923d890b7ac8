/**
 * AP shapes: the "By NAME" byline with its title line (handled in byline.ts), the
 * "BUENOS AIRES, Argentina (AP) _ " dateline (dateline.ts), and the closing
 * "Associated Press writer X in Y contributed to this report." line.
 */
import { splitNames, titleCaseIfShouting } from './names.js';

const CONTRIBUTED = [' contributed to this report.', ' contributed to this story.', ' contributed.'];

/** Names from an AP "… contributed to this report." line, or null when the line is not one. */
export function parseContributedLine(unit: string): string[] | null {
  if (unit.length > 400) return null;
  const lower = unit.toLowerCase();
  const suffix = CONTRIBUTED.find((s) => lower.endsWith(s));
  if (!suffix) return null;
  let body = unit.slice(0, unit.length - suffix.length);
  const role = /\b(?:writers?|reporters?|correspondents?|journalists?|photographers?)\s/i.exec(body);
  if (role) body = body.slice(role.index + role[0].length);
  const names = splitNames(body);
  return names && names.length > 0 ? names.map(titleCaseIfShouting) : null;
}
