// The shell's CSP and headers are browser mode's: one definition in shared/security-headers.ts.
export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../shared/security-headers.js';
