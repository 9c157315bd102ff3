/**
 * What lore removes from a session record before it is written to git, as a table: a kind
 * (shown as `[redacted:<kind>]`), the pattern, and which of its groups is the secret. No
 * package on the npm registry fit: secretlint's rules (@secretlint/secretlint-rule-preset-
 * recommend) are lint rules that report ranges inside secretlint's own engine, not a table
 * one can run, and the gitleaks packages wrap its Go binary. The prefixes and lengths below
 * follow the providers' documented token formats, as gitleaks' rules do.
 *
 * Order matters: a line is tried against each row in turn, so the specific formats come
 * before the generic `name=value` rows, which then do not match an already redacted value.
 */
export interface RedactRule {
  kind: string;
  pattern: RegExp;
  /** The group holding the secret; 0 (the whole match) when absent. */
  group?: number;
}

/** A value that is already `[redacted:…]`, or that is too short to be anyone's secret. */
const VALUE = `(?!\\[redacted:)[^\\s"'\`&;,]{4,}`;
/** Names that say their value is a secret, in a `name=value` or `name: value`. */
const SECRET_NAME = `[A-Za-z0-9_.-]*(?:password|passwd|passphrase|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credentials?)[A-Za-z0-9_.-]*`;
const ENV_NAME = `[A-Z][A-Z0-9_]*(?:KEY|SECRET|TOKEN|PASS|PASSWORD|PWD|CREDENTIALS?|AUTH|PRIVATE|DSN|DATABASE_URL|CONNECTION_STRING)[A-Z0-9_]*`;

export const RULES: RedactRule[] = [
  // A PEM block, whole; one cut short (a log truncated it) is redacted to the end.
  { kind: 'private-key', pattern: /-----BEGIN[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g },
  { kind: 'aws-access-key', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA)[A-Z0-9]{16}\b/g },
  { kind: 'aws-secret', pattern: /\b(?:aws_?secret_?(?:access_?)?key|secret_?access_?key)["']?\s*[:=]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi, group: 1 },
  { kind: 'gcp-key', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { kind: 'gcp-key', pattern: /"private_key_id"\s*:\s*"([0-9a-f]{40})"/g, group: 1 },
  { kind: 'azure-key', pattern: /\bAccountKey=([A-Za-z0-9+/]{86}==)/g, group: 1 },
  { kind: 'azure-key', pattern: /\bSharedAccessKey=([A-Za-z0-9+/]{43}=)/g, group: 1 },
  // An Entra ID (Azure AD) client secret: three characters, a digit, `Q~`, then 31 to 34.
  { kind: 'azure-key', pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g },
  { kind: 'github', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g },
  { kind: 'gitlab', pattern: /\bgl(?:pat|dt|rt|ptt|soat|cbt|ft|imt)-[A-Za-z0-9_-]{20,}/g },
  { kind: 'slack', pattern: /\bxox[abposre]-[A-Za-z0-9-]{10,}/g },
  { kind: 'slack', pattern: /\bxapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+/g },
  { kind: 'slack', pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9/_-]+/g },
  // Before OpenAI's: an Anthropic key also starts with `sk-`.
  { kind: 'anthropic', pattern: /\bsk-ant-[A-Za-z0-9_-]{32,}/g },
  { kind: 'openai', pattern: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{32,}/g },
  { kind: 'stripe', pattern: /\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,99}\b/g },
  { kind: 'stripe', pattern: /\bwhsec_[A-Za-z0-9]{24,}\b/g },
  { kind: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g },
  // scheme://user:password@host: both halves, as a token often stands in the user's place.
  { kind: 'url-credentials', pattern: /\b[a-z][a-z0-9+.-]*:\/\/([^\s/:@"'`]+:[^\s/@"'`]+)@/gi, group: 1 },
  // `.env` lines (export FOO_TOKEN=...) before the generic assignments, which they would match too.
  { kind: 'env', pattern: new RegExp(`^[ \\t]*(?:export[ \\t]+)?${ENV_NAME}[ \\t]*=[ \\t]*(["']?)((?!\\[redacted:)[^\\s"'][^\\n]*?)\\1[ \\t]*$`, 'gm'), group: 2 },
  { kind: 'assignment', pattern: new RegExp(`\\b${SECRET_NAME}["']?\\s*[:=]\\s*(["']?)(${VALUE})\\1`, 'gi'), group: 2 },
];
