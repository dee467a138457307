import { Command } from 'commander';
import { importQueueLog } from './cli/import-queue-log.js';
import { simulateQueueLog } from './cli/simulate-queue-log.js';
import { ConfigError, loadConfig } from './config/load-config.js';

const program = new Command('vigie').description('Vigie command line');

program
  .command('import-queue-log')
  .description('import an Asterisk queue_log file into a site (idempotent: re-importing stores nothing new)')
  .argument('<file>', 'queue_log file')
  .requiredOption('--site <site>', 'site id')
  .option('--url <url>', 'running server', process.env.VIGIE_URL ?? 'http://localhost:3000')
  .option('--api-key <key>', 'ingest API key of the site (or VIGIE_API_KEY)', process.env.VIGIE_API_KEY)
  .option('--email <email>', 'admin e-mail (or VIGIE_ADMIN_EMAIL)', process.env.VIGIE_ADMIN_EMAIL)
  .option('--password <password>', 'admin password (or VIGIE_ADMIN_PASSWORD)', process.env.VIGIE_ADMIN_PASSWORD)
  .option('--direct', 'write straight into the database of DATABASE_URL / VIGIE_DATA_DIR (server stopped)', false)
  .action(
    async (
      file: string,
      opts: { site: string; url: string; apiKey?: string; email?: string; password?: string; direct: boolean },
    ) => {
      const summary = await importQueueLog(file, opts, loadConfig(process.env));
      process.exitCode = summary.rejectedTotal > 0 ? 1 : 0;
    },
  );

program
  .command('simulate-queue-log')
  .description('write a simulated floor day (08:00–20:00 local) as an Asterisk queue_log file')
  .argument('<file>', 'output file')
  .option('--date <date>', 'local date YYYY-MM-DD', new Date().toISOString().slice(0, 10))
  .option('--timezone <zone>', 'IANA time zone', 'Europe/Paris')
  .option('--seed <n>', 'random seed', '1')
  .option('--scale <x>', '1 ≈ 24 agents and 1,500 calls', '1')
  .action(async (file: string, opts: { date: string; timezone: string; seed: string; scale: string }) => {
    const lines = await simulateQueueLog(file, { ...opts, seed: Number(opts.seed), scale: Number(opts.scale) });
    console.log(`${lines} lines written to ${file}`);
  });

try {
  await program.parseAsync();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `error: ${(error as Error).message}`);
  process.exitCode = 2;
}
