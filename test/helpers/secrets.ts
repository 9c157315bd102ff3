/**
 * Realistic FAKE secrets, one or more per kind lore redacts. Each is put together at run
 * time from pieces and a seeded generator, so no string in the repository looks like a live
 * credential to a secret scanner (GitHub push protection), while the value a test writes
 * has exactly the provider's shape.
 */
let seed = 0x5eed;
function rand(n: number, alphabet: string): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out += alphabet[seed % alphabet.length];
  }
  return out;
}
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const B64 = ALNUM + '+/';
const URLSAFE = ALNUM + '_-';
const HEX = '0123456789abcdef';
const b64url = (s: string) => Buffer.from(s).toString('base64url');

export interface FakeSecret {
  kind: string;
  /** A line as a user might paste it into a prompt. */
  line: string;
  /** What must not survive redaction. */
  secret: string;
}

function make(kind: string, secret: string, line = (s: string) => `here it is: ${s} (do not share)`): FakeSecret {
  return { kind, secret, line: line(secret) };
}

export function fakeSecrets(): FakeSecret[] {
  seed = 0x5eed;
  const pem = ['-----BEGIN RSA ', 'PRIVATE KEY-----\n', rand(64, B64), '\n', rand(64, B64), '\n-----END RSA ', 'PRIVATE KEY-----'].join('');
  return [
    make('aws-access-key', 'AK' + 'IA' + rand(16, UPPER)),
    make('aws-secret', rand(40, B64), (s) => `aws_secret_access_key = ${s}`),
    make('gcp-key', 'AI' + 'za' + rand(35, URLSAFE)),
    make('gcp-key', rand(40, HEX), (s) => `{"type": "service_account", "private_key_id": "${s}"}`),
    make('azure-key', rand(86, B64) + '==', (s) => `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${s};EndpointSuffix=core.windows.net`),
    make('azure-key', rand(3, ALNUM) + '8' + 'Q~' + rand(34, ALNUM)),
    make('github', 'gh' + 'p_' + rand(36, ALNUM)),
    make('github', 'github' + '_pat_' + rand(22, ALNUM) + '_' + rand(59, ALNUM)),
    make('gitlab', 'gl' + 'pat-' + rand(20, URLSAFE)),
    make('slack', 'xo' + 'xb-' + rand(11, '0123456789') + '-' + rand(12, '0123456789') + '-' + rand(24, ALNUM)),
    make('slack', 'https://hooks.' + 'slack.com/services/T' + rand(8, UPPER) + '/B' + rand(8, UPPER) + '/' + rand(24, ALNUM)),
    make('openai', 'sk-' + 'proj-' + rand(58, URLSAFE) + 'T3Blbk' + 'FJ' + rand(58, URLSAFE)),
    make('anthropic', 'sk-' + 'ant-api03-' + rand(93, URLSAFE) + 'AA'),
    make('stripe', 'sk' + '_live_' + rand(24, ALNUM)),
    make('private-key', pem, (s) => `my key:\n${s}\nthanks`),
    make('jwt', 'ey' + 'J' + b64url('{"alg":"HS256","typ":"JWT"}').slice(1) + '.' + b64url(`{"sub":"${rand(8, HEX)}","name":"Jo"}`) + '.' + rand(43, URLSAFE)),
    make('assignment', rand(14, ALNUM), (s) => `then run it with password=${s} on staging`),
    make('assignment', rand(20, ALNUM), (s) => `config: {"api_key": "${s}"}`),
    make('env', rand(18, ALNUM), (s) => `the .env has\nexport DB_PASSWORD=${s}\nPORT=3000`),
    make('url-credentials', rand(12, ALNUM), (s) => `connect to postgres://admin:${s}@db.example.com:5432/app`),
  ];
}
