import pino from 'pino';
import { boot } from './app/boot.js';
import type { DemoCredentials } from './auth/seed-auth.js';
import { parseConfig } from './config/config.schema.js';
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

const config = parseConfig(process.env);
const logger = pino({ level: config.LOG_LEVEL });
const server = await boot(config, { logger, seedDemo });
if (server.demoCredentials) printDemoCredentials(server.demoCredentials);
process.stdout.write(`PromoStudio server on ${server.url}  (API ${server.url}/api/v1, docs ${server.url}/docs, studio ${server.url}/studio/)\n`);

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
