import type { RebuildStore } from './rebuild-config';
import { type StoreResult, TARGET_EVENTS_PER_S } from './rebuild-report';

const COLOURS: Readonly<Record<RebuildStore, string>> = { sqlite: '#1f6feb', postgres: '#8250df' };
const LABELS: Readonly<Record<RebuildStore, string>> = {
  sqlite: 'SQLite (embedded)',
  postgres: 'PostgreSQL',
};
const PANEL = { width: 460, height: 300, left: 64, top: 56, bottom: 56 };
const WIDTH = PANEL.width * 2 + 40;
const HEIGHT = PANEL.top + PANEL.height + PANEL.bottom + 40;
const PLOT_WIDTH = PANEL.width - PANEL.left - 16;

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const short = (value: number): string =>
  value >= 1_000_000
    ? `${Math.round(value / 100_000) / 10}M`
    : value >= 1000
      ? `${Math.round(value / 100) / 10}k`
      : String(Math.round(value));

/** A round axis maximum above `top`, in four steps. */
function axisMax(top: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(top, 1) / 4));
  const step =
    [1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 7.5, 10].map((m) => m * magnitude).find((c) => c * 4 >= top) ??
    magnitude * 10;
  return step * 4;
}

function axes(max: number, y: (v: number) => number, format: (v: number) => string): string[] {
  const parts: string[] = [];
  for (let i = 0; i <= 4; i += 1) {
    const value = (max / 4) * i;
    parts.push(
      `<line x1="${PANEL.left}" x2="${PANEL.left + PLOT_WIDTH}" y1="${y(value)}" y2="${y(value)}" class="grid"/>`,
      `<text x="${PANEL.left - 6}" y="${y(value) + 4}" class="tick" text-anchor="end">${format(value)}</text>`,
    );
  }
  return parts;
}

/** Events/s per store, the command beside the in-process runner, each store's target as a dashed mark. */
function throughputPanel(results: readonly StoreResult[]): string {
  const bars = results.flatMap((r) => [
    { store: r.store, label: 'command', value: r.cli?.eventsPerS },
    { store: r.store, label: 'runner', value: r.runner?.eventsPerS },
  ]);
  const max = axisMax(
    Math.max(...results.map((r) => TARGET_EVENTS_PER_S[r.store]), ...bars.map((b) => b.value ?? 0)) * 1.1,
  );
  const y = (v: number): number => PANEL.top + PANEL.height - (v / max) * PANEL.height;
  const slot = PLOT_WIDTH / Math.max(1, results.length);
  const barWidth = Math.min(48, slot / 3);
  const parts = [
    `<text x="${PANEL.left}" y="28" class="title">Rebuild throughput (events/s)</text>`,
    ...axes(max, y, short),
  ];
  results.forEach((r, index) => {
    const centre = PANEL.left + slot * index + slot / 2;
    bars
      .filter((b) => b.store === r.store)
      .forEach((bar, side) => {
        if (bar.value === undefined) return;
        const x = centre + (side === 0 ? -barWidth - 2 : 2);
        parts.push(
          `<rect x="${x}" y="${y(bar.value)}" width="${barWidth}" height="${PANEL.top + PANEL.height - y(bar.value)}" fill="${COLOURS[r.store]}" fill-opacity="${side === 0 ? 1 : 0.45}"/>`,
          `<text x="${x + barWidth / 2}" y="${y(bar.value) - 4}" class="value" text-anchor="middle">${short(bar.value)}</text>`,
          `<text x="${x + barWidth / 2}" y="${PANEL.top + PANEL.height + 14}" class="tick" text-anchor="middle">${bar.label}</text>`,
        );
      });
    const goal = TARGET_EVENTS_PER_S[r.store];
    parts.push(
      `<line x1="${centre - slot / 2 + 8}" x2="${centre + slot / 2 - 8}" y1="${y(goal)}" y2="${y(goal)}" class="goal"/>`,
      `<text x="${centre}" y="${PANEL.top + PANEL.height + 30}" class="tick" text-anchor="middle">${LABELS[r.store]}</text>`,
    );
  });
  parts.push(`<text x="${PANEL.left}" y="46" class="goal-label">- - - target per store (issue 6)</text>`);
  return parts.join('\n');
}

/** The command's durable progress (lowest checkpoint, sampled each second) against time, per store. */
function progressPanel(results: readonly StoreResult[]): string {
  const runs = results.flatMap((r) => (r.cli ? [{ store: r.store, run: r.cli }] : []));
  const maxS = Math.max(1, ...runs.map(({ run }) => run.wallSeconds));
  const maxEvents = axisMax(Math.max(1, ...runs.map(({ run }) => run.events)));
  const x = (s: number): number => PANEL.left + (s / maxS) * PLOT_WIDTH;
  const y = (v: number): number => PANEL.top + PANEL.height - (v / maxEvents) * PANEL.height;
  const parts = [
    `<text x="${PANEL.left}" y="28" class="title">Replayed events over time (the command)</text>`,
    ...axes(maxEvents, y, short),
  ];
  for (let s = 0; s <= 4; s += 1) {
    const at = (maxS / 4) * s;
    parts.push(
      `<text x="${x(at)}" y="${PANEL.top + PANEL.height + 16}" class="tick" text-anchor="middle">${Math.round(at)} s</text>`,
    );
  }
  for (const { store, run } of runs) {
    const points = [{ atS: 0, position: 0 }, ...run.samples, { atS: run.wallSeconds, position: run.events }]
      .map((p) => `${x(p.atS).toFixed(1)},${y(p.position).toFixed(1)}`)
      .join(' ');
    parts.push(`<polyline points="${points}" fill="none" stroke="${COLOURS[store]}" stroke-width="2"/>`);
  }
  parts.push(
    `<text x="${PANEL.left}" y="46" class="tick">from process start; the flat start is start-up and reset</text>`,
  );
  return parts.join('\n');
}

/** Hand-written SVG, like the other benchmarks' charts. */
export function renderRebuildChart(results: readonly StoreResult[], caption: string): string {
  const legend = results
    .map((r, i) => {
      const lx = PANEL.left + i * 200;
      const ly = HEIGHT - 30;
      return `<rect x="${lx}" y="${ly - 10}" width="12" height="12" fill="${COLOURS[r.store]}"/><text x="${lx + 18}" y="${ly}" class="tick">${LABELS[r.store]}</text>`;
    })
    .join('\n');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, sans-serif">`,
    '<style>.title{font-size:14px;font-weight:600}.tick{font-size:11px;fill:#444}.value{font-size:10px;fill:#222}' +
      '.grid{stroke:#e5e5e5}.goal{stroke:#d1242f;stroke-dasharray:5 4;stroke-width:2}.goal-label{font-size:11px;fill:#d1242f}' +
      '.caption{font-size:11px;fill:#666}</style>',
    '<rect width="100%" height="100%" fill="#fff"/>',
    `<g>${throughputPanel(results)}</g>`,
    `<g transform="translate(${PANEL.width + 40},0)">${progressPanel(results)}</g>`,
    legend,
    `<text x="${PANEL.left}" y="${HEIGHT - 8}" class="caption">${escapeXml(caption)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
