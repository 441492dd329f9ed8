// Internal: checks an SSH public key given as a literal. Not exported from the package index.
import { IConstruct } from 'constructs';
import { isResolved, ValidationError } from './validation';

/** The OpenSSH public key formats Azure accepts for Linux admin users (RFC 4253 names, FIDO keys, ECDSA). */
const PUBLIC_KEY = /^(ssh-rsa|ssh-ed25519|ssh-dss|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com) [A-Za-z0-9+/]+={0,3}( [^\n]*)?\s*$/;

/**
 * Refuses private key material and anything that is not an OpenSSH public key. The message never repeats
 * the value: what was pasted may be a private key.
 */
export function checkSshPublicKey(scope: IConstruct, what: string, value: string | undefined): void {
  if (value === undefined || !isResolved(value)) return;
  if (/PRIVATE KEY/.test(value) || /^-----BEGIN /.test(value.trim())) {
    throw new ValidationError(scope, `${what} holds private key material (a '-----BEGIN ... PRIVATE KEY-----' block), `
      + 'which must never be put into configuration: it would be written into the synthesized JSON and sent to Azure. '
      + 'Pass the public key instead (the .pub file, e.g. the output of `ssh-keygen -y -f <key>`), and treat the private '
      + 'key as leaked: replace it.');
  }
  if (!PUBLIC_KEY.test(value.trim())) {
    throw new ValidationError(scope, `${what} is not an OpenSSH public key: it must look like 'ssh-rsa AAAA... comment' `
      + '(ssh-rsa, ssh-ed25519, ecdsa-sha2-nistp256/384/521 or an sk- FIDO key type, then the base64 key). '
      + 'Pass the content of the .pub file on one line.');
  }
}
