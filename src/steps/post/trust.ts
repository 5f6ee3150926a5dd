// The certificates post trusts: those main trusted. Node reads NODE_EXTRA_CA_CERTS when the
// process starts, so a later step that writes another one to GITHUB_ENV would otherwise choose
// whom post's TLS trusts with the minting token.
import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import * as core from '@actions/core';

/**
 * undefined when post runs with main's NODE_EXTRA_CA_CERTS (Node's default trust is main's);
 * else, with a warning, Node's bundled roots plus the file main named, read again.
 */
export function trustAsMain(recorded: string, env: NodeJS.ProcessEnv): readonly string[] | undefined {
  const now = env['NODE_EXTRA_CA_CERTS'] ?? '';
  if (now === recorded) return undefined;
  core.warning(
    'NODE_EXTRA_CA_CERTS changed after the main step (a later step wrote to GITHUB_ENV?). ' +
      'The post step trusts only the certificates the main step trusted.',
  );
  if (!recorded) return rootCertificates;
  try {
    return [...rootCertificates, readFileSync(recorded, 'utf8')];
  } catch {
    core.warning(
      'The CA file the main step trusted (NODE_EXTRA_CA_CERTS) can no longer be read: the post step trusts only the public roots.',
    );
    return rootCertificates;
  }
}
