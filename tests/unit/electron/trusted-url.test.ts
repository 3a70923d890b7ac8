import { describe, expect, it } from 'vitest';
import { APP_START_URL, isAllowedExternal, isAppUrl, toExternalUrl } from '../../../main/electron/trusted-url.js';

/** Hostile and look-alike URLs: none of them is the app, none may be opened outside. */
const HOSTILE = [
  'app://fundstelle.evil/',
  'app://fundstelle.evil.example/index.html',
  'app://evil/',
  'app://evil/?next=app://fundstelle/',
  'app://fundstelle:8080/',
  'app://user@fundstelle/',
  'app://fundstelle:pw@fundstelle/',
  'app://fundstelle./',
  'app://%66undstelle/',
  'app:fundstelle',
  'app:///fundstelle/index.html',
  'app://fundstelle\u0000/',
  'app://fund\tstelle/',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'javascript://app://fundstelle/%0Aalert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'file://fundstelle/index.html',
  'vbscript:msgbox',
  'blob:app://fundstelle/123',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'ftp://example.org/x',
  'smb://server/share',
  'http://example.org/',
  'ws://example.org/',
  'https://user@evil.example/',
  'https://bank.de:pw@evil.example/',
  'https://bank.de@evil.example/',
  'https:evil.example',
  'https:\\\\evil.example/',
  'https:/\\evil.example/',
  'https:///evil.example/',
  'https://example.org\u200b.evil.example/',
  'https://',
  'https:// example.org',
  'https://example.org/\u202egnp.exe',
  ' https://example.org',
  'https://example.org\n',
  'mailto:redaktion@example.org%0D%0ABcc:spy@evil.example',
  'mailto:redaktion@example.org%0ABcc:spy@evil.example',
  'mailto:redaktion@example.org\r\nBcc:spy@evil.example',
  'mailto:redaktion@example.org\nBcc:spy@evil.example',
  'mailto:redaktion@example.org?subject=Hallo%0D%0ABcc:spy@evil.example',
  'mailto:redaktion@example.org?attach=/etc/passwd',
  'mailto:redaktion@example.org?attachment=C:%5Csecret.txt',
  'mailto:redaktion@example.org?x-header=1',
  'mailto:redaktion@example.org?subject=%E0%A4%A',
  'mailto:redaktion@example.org#fragment',
  'MAILTO:x@example.org?ATTACH=/etc/passwd',
  '',
  'not a url',
  '//example.org/',
  `https://example.org/${'a'.repeat(9000)}`,
];

describe('isAppUrl', () => {
  it('accepts the app origin with any path, query or fragment', () => {
    for (const url of [APP_START_URL, 'app://fundstelle/', 'app://fundstelle/assets/index-abc.js', 'app://fundstelle/index.html?x=1#top']) {
      expect(isAppUrl(url), url).toBe(true);
    }
  });

  it.each(HOSTILE)('refuses %j', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    for (const value of [undefined, null, 42, {}, ['app://fundstelle/'], new URL('app://fundstelle/')]) {
      expect(isAppUrl(value)).toBe(false);
    }
  });

  it('refuses a differently spelled host rather than guessing (Chromium lower-cases real ones)', () => {
    expect(isAppUrl('APP://FUNDSTELLE/index.html')).toBe(false);
    // The scheme is case-insensitive and normalised by the parser.
    expect(isAppUrl('APP://fundstelle/index.html')).toBe(true);
  });
});

describe('isAllowedExternal / toExternalUrl', () => {
  it.each(HOSTILE)('refuses %j', (url) => {
    expect(isAllowedExternal(url)).toBe(false);
    expect(toExternalUrl(url)).toBeNull();
  });

  it('refuses the app itself (it is not external)', () => {
    expect(isAllowedExternal(APP_START_URL)).toBe(false);
  });

  it('accepts https and returns the normalized form (scheme and host lower-cased, IDN as punycode)', () => {
    expect(toExternalUrl('https://www.tagesschau.de/inland/')).toBe('https://www.tagesschau.de/inland/');
    expect(toExternalUrl('HTTPS://Example.ORG/Pfad?q=1')).toBe('https://example.org/Pfad?q=1');
    // A homograph is shown as what it is: the dialog displays the punycode host.
    expect(toExternalUrl('https://exаmple.org/')).toBe('https://xn--exmple-4nf.org/');
    expect(toExternalUrl('https://example.org:8443/x')).toBe('https://example.org:8443/x');
  });

  it('accepts mailto per RFC 6068, with CRLF only in the body', () => {
    for (const url of [
      'mailto:redaktion@example.org',
      'mailto:redaktion@example.org?subject=R%C3%BCckfrage%20zum%20Artikel',
      'mailto:redaktion@example.org?subject=Frage&body=Guten%20Tag%2C%0D%0A%0D%0Aeine%20Frage.',
      'mailto:a@example.org,b@example.org?cc=c@example.org',
      'mailto:?subject=Entwurf',
      'MAILTO:redaktion@example.org?Subject=Hallo',
    ]) {
      expect(isAllowedExternal(url), url).toBe(true);
    }
  });
});
