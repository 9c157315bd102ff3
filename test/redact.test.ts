import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { redact } from '../lib/redact/redact.js';
import { fakeSecrets } from './helpers/secrets.js';

const HOME = '/home/alice';

for (const s of fakeSecrets()) {
  test(`redacts ${s.kind}: ${s.line.split('\n')[0].slice(0, 40)}…`, () => {
    const out = redact(s.line, HOME);
    assert.ok(out.includes(`[redacted:${s.kind}]`), out);
    assert.not.ok(out.includes(s.secret), out);
    // Only the secret goes: the words around it stay.
    const [first] = s.line.split(s.secret);
    if (first.trim() !== '') assert.ok(out.startsWith(first.slice(0, 8)), out);
  });
}

test('every kind the brief names is in the table of fake secrets', () => {
  const kinds = new Set(fakeSecrets().map((s) => s.kind));
  for (const k of ['aws-access-key', 'aws-secret', 'gcp-key', 'azure-key', 'github', 'gitlab', 'slack', 'openai', 'anthropic', 'stripe', 'private-key', 'jwt', 'assignment', 'env', 'url-credentials']) {
    assert.ok(kinds.has(k), k);
  }
});

test('all the secrets in one text: each redacted, nothing else lost', () => {
  const secrets = fakeSecrets();
  const out = redact(secrets.map((s) => s.line).join('\n'), HOME);
  for (const s of secrets) assert.not.ok(out.includes(s.secret), s.kind);
  assert.match(out, 'PORT=3000');
});

test('home directories become ~: this user\'s own, and anyone\'s /home, /Users and C:\\Users', () => {
  assert.is(redact('edit /home/alice/src/app.ts', HOME), 'edit ~/src/app.ts');
  assert.is(redact('cd /srv/me && ls /srv/me', '/srv/me'), 'cd ~ && ls ~');
  assert.is(redact('/Users/bob/dev/x and C:\\Users\\carol\\y', HOME), '~/dev/x and ~\\y');
  assert.is(redact('/srv/meadow stays', '/srv/me'), '/srv/meadow stays');
  assert.is(redact('https://example.com/home/page', HOME), 'https://example.com/home/page');
});

test('ordinary text is left alone', () => {
  const plain = [
    'author=Bob Smith',
    'commit 3f2a9c1e0b7d4a6f8e5c2b1a0d9f8e7c6b5a4d3e',
    'session c9731a91-4f2b-4e8a-9c3d-1a2b3c4d5e6f',
    'the token is in the vault; see the password policy',
    'NODE_ENV=production',
    'run npm test -- --grep "sk-" and check skip-ci',
  ];
  for (const line of plain) assert.is(redact(line, HOME), line);
});

test.run();
