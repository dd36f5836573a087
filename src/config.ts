import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';

/**
 * Every environment variable Common Ground reads, with its default and meaning. The README's
 * configuration table is this list; `commonground serve --help` prints it too.
 */
export const CONFIG_VARIABLES = {
  PORT: { default: '8080', doc: 'TCP port the HTTP server listens on.' },
  HOST: {
    default: '127.0.0.1',
    doc: 'Interface to listen on; 0.0.0.0 to accept connections from other hosts.',
  },
  PUBLIC_URL: {
    default: 'http://localhost:8080',
    doc: 'The address users reach; used in e-mailed links. With https, cookies are Secure and HSTS is sent. Unset, it follows PORT.',
  },
  DATABASE_URL: {
    default: 'sqlite:./data/commonground.db',
    doc: 'sqlite:PATH for embedded SQLite (WAL), or postgres://user@host:port/db for PostgreSQL.',
  },
  DATA_DIR: { default: './data', doc: 'Directory for the SQLite file, the local mail sink and backups.' },
  SECRET_KEY: {
    default: '',
    doc: 'Key for signed links and CSRF tokens (32+ characters). When empty, one is generated once and kept in the database.',
  },
  SMTP_URL: {
    default: '',
    doc: 'smtp://user:pass@host:port or smtps://… for outgoing mail. When empty, mail is written to DATA_DIR/mail as .eml files.',
  },
  MAIL_FROM: { default: 'Common Ground <no-reply@localhost>', doc: 'Sender address of outgoing mail.' },
  LOG_LEVEL: { default: 'info', doc: 'pino log level: fatal, error, warn, info, debug, trace or silent.' },
  RATE_LIMIT_PER_MINUTE: {
    default: '600',
    doc: 'Requests per minute allowed from one client address; 0 turns the limit off.',
  },
  BODY_LIMIT_BYTES: { default: '1048576', doc: 'Largest request body accepted, in bytes.' },
  UPLOAD_LIMIT_BYTES: {
    default: '10485760',
    doc: 'Largest uploaded file (a PDF statement, say), in bytes; upload requests may be a third larger, being base64.',
  },
  SESSION_TTL_HOURS: { default: '12', doc: 'How long a session lasts without activity.' },
  DISCLOSURE_REPORTS_PER_HOUR: {
    default: '10',
    doc: 'Vulnerability reports one client address may send per hour (raise it for researchers behind one shared address).',
  },
  TRUST_PROXY: {
    default: 'false',
    doc: 'true when behind a reverse proxy that sets X-Forwarded-For and X-Forwarded-Proto.',
  },
  DELIVERY_WORKER: { default: 'true', doc: 'Run the outbox worker (e-mail, webhooks) in this process.' },
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: {
    default: 'false',
    doc: 'Allow webhook URLs that resolve to loopback or private addresses (for development and tests).',
  },
  TAXII_FEEDS_ALLOW_PRIVATE_NETWORKS: {
    default: 'false',
    doc: 'Allow TAXII feeds to poll servers on loopback or private addresses (another instance on the same network, development, tests).',
  },
} as const;

export type ConfigVariable = keyof typeof CONFIG_VARIABLES;

const ConfigSchema = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  host: Type.String({ minLength: 1 }),
  publicUrl: Type.String({ pattern: '^https?://[^/]+' }),
  databaseUrl: Type.String({ minLength: 1 }),
  dataDir: Type.String({ minLength: 1 }),
  secretKey: Type.String(),
  smtpUrl: Type.String(),
  mailFrom: Type.String({ minLength: 3 }),
  logLevel: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  rateLimitPerMinute: Type.Integer({ minimum: 0 }),
  bodyLimitBytes: Type.Integer({ minimum: 1024 }),
  uploadLimitBytes: Type.Integer({ minimum: 1024 }),
  disclosureReportsPerHour: Type.Integer({ minimum: 1 }),
  sessionTtlHours: Type.Number({ exclusiveMinimum: 0 }),
  trustProxy: Type.Boolean(),
  deliveryWorker: Type.Boolean(),
  webhookAllowPrivateNetworks: Type.Boolean(),
  taxiiFeedsAllowPrivateNetworks: Type.Boolean(),
});
export type Config = Static<typeof ConfigSchema> & { isHttps: boolean };

function asBoolean(name: string, value: string): boolean {
  if (['true', '1', 'yes'].includes(value)) return true;
  if (['false', '0', 'no', ''].includes(value)) return false;
  throw new Error(`${name} must be true or false, not "${value}"`);
}

function asInteger(name: string, value: string): number {
  if (!/^-?\d+$/.test(value)) throw new Error(`${name} must be a whole number, not "${value}"`);
  return Number(value);
}

/** Reads and checks the configuration; throws one message naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const get = (name: ConfigVariable) => env[name] ?? CONFIG_VARIABLES[name].default;
  const errors: string[] = [];
  const attempt = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch (error) {
      errors.push((error as Error).message);
      return fallback;
    }
  };
  const raw = {
    port: attempt(() => asInteger('PORT', get('PORT')), 0),
    host: get('HOST'),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${get('PORT')}`).replace(/\/+$/, ''),
    databaseUrl: get('DATABASE_URL'),
    dataDir: get('DATA_DIR'),
    secretKey: get('SECRET_KEY'),
    smtpUrl: get('SMTP_URL'),
    mailFrom: get('MAIL_FROM'),
    logLevel: get('LOG_LEVEL'),
    rateLimitPerMinute: attempt(() => asInteger('RATE_LIMIT_PER_MINUTE', get('RATE_LIMIT_PER_MINUTE')), 0),
    bodyLimitBytes: attempt(() => asInteger('BODY_LIMIT_BYTES', get('BODY_LIMIT_BYTES')), 0),
    uploadLimitBytes: attempt(() => asInteger('UPLOAD_LIMIT_BYTES', get('UPLOAD_LIMIT_BYTES')), 0),
    sessionTtlHours: Number(get('SESSION_TTL_HOURS')),
    disclosureReportsPerHour: attempt(
      () => asInteger('DISCLOSURE_REPORTS_PER_HOUR', get('DISCLOSURE_REPORTS_PER_HOUR')),
      0,
    ),
    trustProxy: attempt(() => asBoolean('TRUST_PROXY', get('TRUST_PROXY')), false),
    deliveryWorker: attempt(() => asBoolean('DELIVERY_WORKER', get('DELIVERY_WORKER')), true),
    webhookAllowPrivateNetworks: attempt(
      () => asBoolean('WEBHOOK_ALLOW_PRIVATE_NETWORKS', get('WEBHOOK_ALLOW_PRIVATE_NETWORKS')),
      false,
    ),
    taxiiFeedsAllowPrivateNetworks: attempt(
      () => asBoolean('TAXII_FEEDS_ALLOW_PRIVATE_NETWORKS', get('TAXII_FEEDS_ALLOW_PRIVATE_NETWORKS')),
      false,
    ),
  };
  for (const error of Value.Errors(ConfigSchema, raw)) {
    errors.push(`${error.instancePath.slice(1) || 'config'} ${error.message}`);
  }
  if (raw.secretKey && raw.secretKey.length < 32) errors.push('SECRET_KEY must be at least 32 characters');
  if (raw.smtpUrl && !/^smtps?:\/\//.test(raw.smtpUrl))
    errors.push('SMTP_URL must start with smtp:// or smtps://');
  if (errors.length > 0) throw new Error(`Invalid configuration:\n- ${errors.join('\n- ')}`);
  return { ...(raw as Static<typeof ConfigSchema>), isHttps: raw.publicUrl.startsWith('https://') };
}
