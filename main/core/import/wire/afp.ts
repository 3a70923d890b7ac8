/**
 * AFP shapes: the date inside the dateline ("STOCKHOLM, Aug 29, 2014 (AFP) - ") is handled by the
 * dateline parser; what is AFP-specific is the line of desk initials closing the story.
 */

/** True for AFP desk initials such as "hh/ph/ts/hd" or "jm-cat/ans". */
export function isDeskInitials(unit: string): boolean {
  if (unit.length > 60) return false;
  return /^[a-z]{1,6}(?:-[a-z]{1,6})?(?:\/[a-z]{1,6}(?:-[a-z]{1,6})?){1,10}$/i.test(unit);
}
