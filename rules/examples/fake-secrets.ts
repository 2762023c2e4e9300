// Fake credentials for the `secrets` rule's examples and tests: each has the format a real one has, so
// the scanner reports it, and grants nothing. They are put together from pieces here so that this
// source file itself does not look like it holds credentials to a scanner (GitHub push protection,
// secretlint over the repository).

const join = (...parts: string[]) => parts.join('');

/** An AWS access key id (not AWS's documented AKIAIOSFODNN7EXAMPLE, which scanners skip). */
export const FAKE_AWS_ACCESS_KEY_ID = join('AKIA', 'SEAMFAKE', 'EXAMPLE2');
/** An AWS secret access key: 40 characters after `aws_secret_access_key:`. */
export const FAKE_AWS_SECRET_ACCESS_KEY = join('seamFake', 'Secret/', 'AccessKey+', 'ForExamples', 'Only');
/** A classic GitHub personal access token: `ghp_` and 36 characters. */
export const FAKE_GITHUB_TOKEN = join('ghp', '_', 'SeamFakeToken', 'ForExamplesOnly', '00000000');
/** A Slack bot token. */
export const FAKE_SLACK_TOKEN = join('xoxb', '-', '000000000000', '-', '000000000000', '-', 'SeamFakeTokenForExamples');

const PEM_BODY = join('MIIEowIBAAKCAQEA', 'SeamFakePrivateKeyForExamplesOnly'.repeat(6)).match(/.{1,64}/g)!.join('\n');
/** An RSA private key in PEM form; its body is base64 of nothing in particular. */
export const FAKE_PRIVATE_KEY = join('-----BEGIN RSA ', 'PRIVATE KEY-----\n', PEM_BODY, '\n-----END RSA ', 'PRIVATE KEY-----');
