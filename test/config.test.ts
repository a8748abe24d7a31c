import path from 'node:path';
import { ConfigError, loadConfig } from '../src/config';

const CWD = path.resolve('/srv/flokk');
const dev = { NODE_ENV: 'development' };
const creds = { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'secret', FLOKK_VOTE_SECRET: 'a-long-random-vote-secret' };

/** The ConfigError loadConfig throws for `env`; fails the test if it does not throw one. */
function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env, '1.2.3', CWD);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(env)}`);
}

describe('loadConfig without credentials', () => {
  it('runs in local mode in development: loopback only, demo data seeded', () => {
    const config = loadConfig(dev, '1.2.3', CWD);
    expect(config).toMatchObject({
      localMode: true,
      host: '127.0.0.1',
      port: 3978,
      seedDemo: true,
      defaultLocale: 'nb',
      defaultNetworkId: 'digitrondelag',
      bootstrapAdmins: [],
      logLevel: 'info',
      version: '1.2.3',
      dataFile: path.join(CWD, 'data/flokk.json'),
    });
    expect(config.credentials).toBeUndefined();
  });

  it('lets development override seeding and pick a loopback address, but never listen beyond this machine', () => {
    expect(loadConfig({ ...dev, HOST: '::1', FLOKK_SEED_DEMO: 'false' }, '1', CWD)).toMatchObject({ host: '::1', seedDemo: false });
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'flokk.example.org']) {
      expect(() => loadConfig({ ...dev, HOST: host }, '1', CWD)).toThrow(/Invalid HOST: .*loopback only/);
    }
  });

  it('refuses to start in production, naming MicrosoftAppId', () => {
    expect(configError({ NODE_ENV: 'production' }).message).toContain('MicrosoftAppId');
  });

  it('refuses to start when NODE_ENV is unset or anything but development', () => {
    expect(configError({}).message).toContain('MicrosoftAppId');
    expect(configError({ NODE_ENV: 'test' }).message).toContain('MicrosoftAppId');
  });

  it('treats a blank MicrosoftAppId as absent', () => {
    expect(configError({ NODE_ENV: 'production', MicrosoftAppId: '  ' }).message).toContain('MicrosoftAppId');
    expect(loadConfig({ ...dev, MicrosoftAppId: '' }, '1', CWD).localMode).toBe(true);
  });
});

describe('loadConfig with credentials', () => {
  it('listens on every interface and does not seed demo data, in any NODE_ENV', () => {
    for (const NODE_ENV of ['production', undefined, 'development']) {
      const config = loadConfig({ ...creds, NODE_ENV }, '1', CWD);
      expect(config).toMatchObject({ localMode: false, host: '0.0.0.0', seedDemo: false });
      expect(config.credentials).toEqual({ appId: creds.MicrosoftAppId, appPassword: 'secret', appType: 'MultiTenant', tenantId: undefined });
    }
  });

  it('seeds demo data only when FLOKK_SEED_DEMO=true', () => {
    expect(loadConfig({ ...creds, FLOKK_SEED_DEMO: 'true' }, '1', CWD).seedDemo).toBe(true);
  });

  it('requires MicrosoftAppPassword for MultiTenant (the default) and SingleTenant', () => {
    expect(configError({ MicrosoftAppId: creds.MicrosoftAppId }).message).toContain('MicrosoftAppPassword');
    expect(configError({ MicrosoftAppId: creds.MicrosoftAppId, MicrosoftAppType: 'MultiTenant', MicrosoftAppPassword: ' ' }).message).toContain(
      'MicrosoftAppPassword',
    );
    expect(configError({ MicrosoftAppId: creds.MicrosoftAppId, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 't' }).message).toContain(
      'MicrosoftAppPassword',
    );
  });

  it('requires MicrosoftAppTenantId for SingleTenant', () => {
    expect(configError({ ...creds, MicrosoftAppType: 'SingleTenant' }).message).toContain('MicrosoftAppTenantId');
    expect(loadConfig({ ...creds, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'tenant-1' }, '1', CWD).credentials).toEqual({
      appId: creds.MicrosoftAppId,
      appPassword: 'secret',
      appType: 'SingleTenant',
      tenantId: 'tenant-1',
    });
  });

  it('accepts a user-assigned managed identity without a password', () => {
    const config = loadConfig(
      { MicrosoftAppId: creds.MicrosoftAppId, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 'tenant-1', FLOKK_VOTE_SECRET: creds.FLOKK_VOTE_SECRET },
      '1',
      CWD,
    );
    expect(config.credentials).toEqual({ appId: creds.MicrosoftAppId, appPassword: undefined, appType: 'UserAssignedMSI', tenantId: 'tenant-1' });
    expect(config.localMode).toBe(false);
  });

  it('takes an https OpenID metadata address (http only on loopback), and names a bad one', () => {
    expect(loadConfig({ ...creds, FLOKK_OPENID_METADATA_URL: 'https://login.example/openid' }, '1', CWD).openIdMetadataUrl).toBe('https://login.example/openid');
    expect(loadConfig({ ...creds, FLOKK_OPENID_METADATA_URL: 'http://127.0.0.1:9/openid' }, '1', CWD).openIdMetadataUrl).toBe('http://127.0.0.1:9/openid');
    expect(loadConfig(creds, '1', CWD).openIdMetadataUrl).toBeUndefined();
    for (const bad of ['http://login.example/openid', 'ftp://127.0.0.1/x', 'not a url']) {
      expect(configError({ ...creds, FLOKK_OPENID_METADATA_URL: bad }).message).toContain('Invalid FLOKK_OPENID_METADATA_URL');
    }
  });

  it('requires a stable vote secret outside local development, and a long one', () => {
    const { FLOKK_VOTE_SECRET: _omitted, ...withoutSecret } = creds;
    expect(configError(withoutSecret).message).toContain('FLOKK_VOTE_SECRET');
    expect(configError({ ...creds, FLOKK_VOTE_SECRET: 'short' }).message).toContain('FLOKK_VOTE_SECRET');
    // The rejected value is a secret: the message names the variable, never the value.
    expect(configError({ ...creds, FLOKK_VOTE_SECRET: 'leaky-sec' }).message).not.toContain('leaky-sec');
    expect(configError({ ...creds, PORT: 'port-value-9' }).message).not.toContain('port-value-9');
    expect(loadConfig(dev, '1', CWD).voteSecret.length).toBeGreaterThanOrEqual(16);
  });

  it('reads the backup policy, and names a bad one', () => {
    expect(loadConfig(dev, '1', CWD).backups).toEqual({ keep: 7, everyMinutes: 60 });
    expect(loadConfig({ ...dev, FLOKK_BACKUPS: '0', FLOKK_BACKUP_MINUTES: '5' }, '1', CWD).backups).toEqual({ keep: 0, everyMinutes: 5 });
    expect(configError({ ...dev, FLOKK_BACKUPS: '-1' }).message).toContain('FLOKK_BACKUPS');
  });

  it('reads which tenants each network admits, and names a malformed list', () => {
    const tenant = '11111111-2222-4333-8444-555555555555';
    expect(loadConfig({ ...dev, FLOKK_NETWORK_TENANTS: `digitrondelag=${tenant}` }, '1', CWD).networkTenants).toEqual({ digitrondelag: [tenant] });
    expect(configError({ ...dev, FLOKK_NETWORK_TENANTS: 'digitrondelag=not-a-guid' }).message).toContain('FLOKK_NETWORK_TENANTS');
  });

  it('rejects an unknown MicrosoftAppType by name', () => {
    expect(configError({ ...creds, MicrosoftAppType: 'Anonymous' }).message).toContain('MicrosoftAppType');
  });
});

describe('loadConfig: each variable is checked and named when wrong', () => {
  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '39.5'],
    ['FLOKK_DEFAULT_LOCALE', 'de'],
    ['FLOKK_BOOTSTRAP_ADMINS', 'alice@example.no'],
    ['FLOKK_BOOTSTRAP_ADMINS', '3f1c2a9e-8b7d-4e21-9c3a-0f5e6d7c8b9a, not a guid'],
    ['FLOKK_SEED_DEMO', 'yes'],
    ['FLOKK_LOG_LEVEL', 'verbose'],
  ])('%s=%j', (name, value) => {
    const error = configError({ ...dev, [name]: value });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain(name);
    expect(error.message).not.toContain(`got ${JSON.stringify(value)}`);
  });

  it('parses PORT and a comma-separated list of admin ids', () => {
    const config = loadConfig(
      { ...dev, PORT: '8080', FLOKK_BOOTSTRAP_ADMINS: ' 3f1c2a9e-8b7d-4e21-9c3a-0f5e6d7c8b9a , ,A1B2C3D4-0000-4000-8000-000000000000 ' },
      '1',
      CWD,
    );
    expect(config.port).toBe(8080);
    expect(config.bootstrapAdmins).toEqual(['3f1c2a9e-8b7d-4e21-9c3a-0f5e6d7c8b9a', 'A1B2C3D4-0000-4000-8000-000000000000']);
  });

  it('treats a blank variable as unset: PORT= keeps the default port rather than a random one', () => {
    expect(loadConfig({ ...dev, PORT: '' }, '1', CWD).port).toBe(3978);
    expect(loadConfig({ ...dev, PORT: '  ', HOST: '', FLOKK_DATA_FILE: '' }, '1', CWD)).toMatchObject({
      port: 3978,
      host: '127.0.0.1',
      dataFile: path.join(CWD, 'data/flokk.json'),
    });
  });

  it('resolves a relative FLOKK_DATA_FILE against the given cwd and keeps an absolute one', () => {
    expect(loadConfig({ ...dev, FLOKK_DATA_FILE: 'var/portfolio.json' }, '1', CWD).dataFile).toBe(path.join(CWD, 'var/portfolio.json'));
    expect(loadConfig({ ...dev, FLOKK_DATA_FILE: '../shared/p.json' }, '1', CWD).dataFile).toBe(path.resolve(CWD, '../shared/p.json'));
    expect(loadConfig({ ...dev, FLOKK_DATA_FILE: '/var/lib/flokk/p.json' }, '1', CWD).dataFile).toBe('/var/lib/flokk/p.json');
  });

  it('takes the default locale and network from the environment', () => {
    expect(loadConfig({ ...dev, FLOKK_DEFAULT_LOCALE: 'nn', FLOKK_DEFAULT_NETWORK: 'digi-vestland' }, '1', CWD)).toMatchObject({
      defaultLocale: 'nn',
      defaultNetworkId: 'digi-vestland',
    });
  });
});
