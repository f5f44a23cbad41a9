/**
 * Preloaded (`node --require`) into a command the benchmark runs as a child: when it exits, its own
 * CPU time (all threads) and peak RSS go to the file named by BENCH_USAGE_FILE. Nothing else changes.
 */
import { writeFileSync } from 'node:fs';

const file = process.env['BENCH_USAGE_FILE'];
if (file !== undefined && file !== '') {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({
        userMs: usage.userCPUTime / 1000,
        systemMs: usage.systemCPUTime / 1000,
        maxRssKiB: usage.maxRSS,
      }),
    );
  });
}
