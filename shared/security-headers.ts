/**
 * The Content-Security-Policy and security headers of the UI, one definition for both ways the
 * UI is served: Electron's app:// protocol and browser mode. Only the app's own scripts, styles,
 * fonts and images (plus data: images) load; no inline script, no eval, no frames, no forms, no
 * <base>; connect-src 'self' is the app origin, which serves no network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every app:// response carries (the CSP again, in case a response bypasses onHeadersReceived). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};
