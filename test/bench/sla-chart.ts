import type { SlaSideName } from './sla-config';
import type { CdfPoint } from './sla-lateness';
import type { SideResult } from './sla-run';
import { TARGET_BURST_MAX_MS, TARGET_SPREAD_P99_MS } from './sla-targets';

const COLOURS: Readonly<Record<SlaSideName, string>> = { ours: '#1f6feb', plain: '#9a9a9a' };
const LABELS: Readonly<Record<SlaSideName, string>> = {
  ours: 'ours (SlaClockQueue + SlaClockProcessor)',
  plain: 'plain BullMQ delayed jobs',
};
const PANEL = { width: 460, height: 300, left: 56, top: 56, bottom: 56 };
const WIDTH = PANEL.width * 2 + 40;
const HEIGHT = PANEL.top + PANEL.height + PANEL.bottom + 40;
/** Lateness below 1 ms (and the odd early firing) is drawn at 1 ms on the logarithmic axis. */
const MIN_MS = 1;
const Y_TICKS: readonly (readonly [number, string])[] = [
  [0, '0%'],
  [0.5, 'p50'],
  [0.9, 'p90'],
  [0.99, 'p99'],
  [0.999, 'p99.9'],
  [1, 'max'],
];

interface Panel {
  readonly title: string;
  readonly curves: readonly { readonly side: SlaSideName; readonly cdf: readonly CdfPoint[] }[];
  /** A dashed vertical line at the goal, explained under the title. */
  readonly goalMs: number;
  readonly goalLabel: string;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const formatMs = (ms: number): string => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);

function renderPanel(panel: Panel, originX: number): string {
  const plotWidth = PANEL.width - PANEL.left - 16;
  const largest = Math.max(
    panel.goalMs,
    ...panel.curves.flatMap((curve) => curve.cdf.map((point) => point.ms)),
  );
  const decades = Math.max(1, Math.ceil(Math.log10(Math.max(largest, MIN_MS * 10) * 1.05)));
  const x = (ms: number): number => PANEL.left + (Math.log10(Math.max(ms, MIN_MS)) / decades) * plotWidth;
  // A "nines" scale, so that the tail (p99, p99.9, max) gets as much room as the bulk.
  const nines = (fraction: number): number => (fraction >= 1 ? 4 : Math.min(3.5, -Math.log10(1 - fraction)));
  const y = (fraction: number): number => PANEL.top + PANEL.height - (nines(fraction) / 4) * PANEL.height;
  const parts: string[] = [`<g transform="translate(${originX},0)">`];
  parts.push(`<text x="${PANEL.left}" y="28" class="title">${escapeXml(panel.title)}</text>`);
  for (let decade = 0; decade <= decades; decade += 1) {
    const ms = 10 ** decade;
    parts.push(
      `<line x1="${x(ms)}" x2="${x(ms)}" y1="${y(0)}" y2="${y(1)}" class="grid"/>`,
      `<text x="${x(ms)}" y="${y(0) + 16}" class="tick" text-anchor="middle">${formatMs(ms)}</text>`,
    );
  }
  for (const [fraction, label] of Y_TICKS) {
    parts.push(
      `<line x1="${PANEL.left}" x2="${PANEL.left + plotWidth}" y1="${y(fraction)}" y2="${y(fraction)}" class="grid"/>`,
      `<text x="${PANEL.left - 6}" y="${y(fraction) + 4}" class="tick" text-anchor="end">${label}</text>`,
    );
  }
  for (const curve of panel.curves) {
    if (curve.cdf.length === 0) continue;
    const points = curve.cdf.map((point) => `${x(point.ms).toFixed(1)},${y(point.fraction).toFixed(1)}`);
    parts.push(
      `<polyline points="${points.join(' ')}" fill="none" stroke="${COLOURS[curve.side]}" stroke-width="2"/>`,
    );
  }
  parts.push(
    `<line x1="${x(panel.goalMs)}" x2="${x(panel.goalMs)}" y1="${y(0)}" y2="${y(1)}" class="goal"/>`,
    `<text x="${PANEL.left}" y="46" class="goal-label">- - - ${escapeXml(panel.goalLabel)}</text>`,
    `<text x="${PANEL.left + plotWidth / 2}" y="${y(0) + 34}" class="tick" text-anchor="middle">lateness (log scale)</text>`,
    '</g>',
  );
  return parts.join('\n');
}

function legend(sides: readonly SlaSideName[]): string {
  return sides
    .map((side, i) => {
      const x = PANEL.left + i * 320;
      const y = HEIGHT - 30;
      return `<rect x="${x}" y="${y - 10}" width="12" height="12" fill="${COLOURS[side]}"/><text x="${x + 18}" y="${y}" class="tick">${escapeXml(LABELS[side])}</text>`;
    })
    .join('\n');
}

/** Hand-written SVG: the lateness CDF of the spread and of the burst timers, each side a line. */
export function renderSlaChart(results: readonly SideResult[], caption: string): string {
  const spread: Panel = {
    title: 'Spread deadlines: share fired within a lateness',
    curves: results.map((result) => ({ side: result.side, cdf: result.spread.cdf })),
    goalMs: TARGET_SPREAD_P99_MS,
    goalLabel: `goal: 99% within ${TARGET_SPREAD_P99_MS} ms`,
  };
  const burst: Panel = {
    title: 'Burst (due in one second): share fired within',
    curves: results.map((result) => ({ side: result.side, cdf: result.burst.cdf })),
    goalMs: TARGET_BURST_MAX_MS,
    goalLabel: `goal: all within ${formatMs(TARGET_BURST_MAX_MS)}`,
  };
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, sans-serif">`,
    '<style>.title{font-size:14px;font-weight:600}.tick{font-size:11px;fill:#444}' +
      '.grid{stroke:#e5e5e5}.goal{stroke:#d1242f;stroke-dasharray:5 4}.goal-label{font-size:11px;fill:#d1242f}' +
      '.caption{font-size:11px;fill:#666}</style>',
    '<rect width="100%" height="100%" fill="#fff"/>',
    renderPanel(spread, 0),
    renderPanel(burst, PANEL.width + 40),
    `<text x="${PANEL.left}" y="${HEIGHT - 8}" class="caption">${escapeXml(caption)}</text>`,
    legend(results.map((result) => result.side)),
    '</svg>',
    '',
  ].join('\n');
}
