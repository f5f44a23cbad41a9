import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  update(done: number): void;
  stop(): void;
}

const NOT_TTY_EVERY_MS = 2000;

/**
 * A progress bar on stderr like the rebuild command's (cli-progress). Off a terminal, cli-progress
 * prints only from a timer, which a synchronous loop (the SQLite rebuild) never lets run; there a
 * line is written from `update` itself, at most every two seconds.
 */
export function startProgress(label: string, total: number, unit = 'events'): Progress {
  const started = performance.now();
  const rate = (done: number): number =>
    Math.round(done / Math.max((performance.now() - started) / 1000, 1e-3));
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate} ${unit}/s | eta {eta}s`,
        stream: process.stderr,
      },
      Presets.shades_classic,
    );
    bar.start(total, 0, { rate: 0 });
    return {
      update: (done) => {
        bar.update(done, { rate: rate(done) });
      },
      stop: () => {
        bar.stop();
      },
    };
  }
  let lastLine = -Infinity;
  const line = (done: number): void => {
    lastLine = performance.now();
    const pct = total > 0 ? Math.floor((done * 100) / total) : 100;
    process.stderr.write(`${label} ${pct}% | ${done}/${total} ${unit} | ${rate(done)} ${unit}/s\n`);
  };
  line(0);
  let last = 0;
  return {
    update: (done) => {
      last = done;
      if (performance.now() - lastLine >= NOT_TTY_EVERY_MS) line(done);
    },
    stop: () => {
      line(last);
    },
  };
}
