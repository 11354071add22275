import pino from 'pino';
import { ZodError } from 'zod';
import { boot } from './app/boot.js';
import { startBanner } from './app/start-banner.js';
import type { DemoCredentials } from './auth/seed-auth.js';
import { describeConfigError, parseConfig, type Config } from './config/config.schema.js';
import { DEMO_THEME_ID } from './demo/demo-campaigns.js';
import { seedDemo } from './demo/seed-demo.js';

function printDemoCredentials(credentials: DemoCredentials): void {
  const lines = [
    '================ DEMO-ONLY CREDENTIALS (change or remove before real use) ================',
    ...credentials.users.map((u) => `  studio user  ${u.username.padEnd(9)} password ${u.password}`),
    `  store API key (all scopes)  ${credentials.apiKey}`,
    '==========================================================================================',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

function readConfig(): Config {
  try {
    return parseConfig(process.env);
  } catch (err) {
    if (!(err instanceof ZodError)) throw err;
    process.stderr.write(`${describeConfigError(err)}\n`);
    process.exit(1);
  }
}

const config = readConfig();
const logger = pino({ level: config.LOG_LEVEL });
const server = await boot(config, { logger, seedDemo });
if (server.demoCredentials) printDemoCredentials(server.demoCredentials);
if (server.activeDemoUsers) {
  const logins = server.activeDemoUsers.map((u) => `${u.username}/${u.password}`).join(', ');
  process.stdout.write(`DEMO-ONLY studio logins still active (public passwords): ${logins}\n`);
}
process.stdout.write(`${startBanner(server.url, server.handle.studioDir, config.DEMO_DATA ? DEMO_THEME_ID : undefined)}\n`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) {
    logger.warn({ signal }, 'second signal: exiting now');
    process.exit(1);
  }
  stopping = true;
  logger.info({ signal }, 'shutting down');
  try {
    await server.close();
    logger.info('stopped cleanly');
    process.exit(0);
  } catch (err) {
    logger.error({ err }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
