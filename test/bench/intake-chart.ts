import { TARGET_P99_MS, TARGET_RATE } from './intake-targets';
import type { PhaseResult } from './load-phase';

/** One kind of bar in every group: an operation, or a store. */
export interface Series {
  readonly key: string;
  readonly label: string;
  readonly colour: string;
}

const OPERATION_SERIES: readonly Series[] = [
  { key: 'reportIncident', label: 'reportIncident (stores)', colour: '#1f6feb' },
  { key: 'validateIncidentReport', label: 'validateIncidentReport (baseline)', colour: '#9a9a9a' },
];
const PANEL = { width: 460, height: 300, left: 64, top: 56, bottom: 64 };
const WIDTH = PANEL.width * 2 + 40;
const HEIGHT = PANEL.top + PANEL.height + PANEL.bottom + 40;

interface Group {
  readonly label: string;
  readonly values: Readonly<Record<string, number>>;
}

interface Panel {
  readonly title: string;
  readonly groups: readonly Group[];
  /** A dashed line at the goal, explained under the title. */
  readonly goal: number;
  readonly goalLabel: string;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const groupLabel = (phase: PhaseResult): string =>
  phase.kind === 'max' ? `max (${phase.connections} conn)` : `${phase.targetRate ?? '?'}/s`;

/** Bars grouped by phase; `seriesOf` names the bar a phase gives (its operation, or its store). */
function groupsOf(
  phases: readonly PhaseResult[],
  value: (phase: PhaseResult) => number | undefined,
  seriesOf: (phase: PhaseResult) => string = (phase) => phase.operation,
): Group[] {
  const groups = new Map<string, Record<string, number>>();
  for (const phase of phases.filter((p) => p.kind !== 'warmup')) {
    const values = groups.get(groupLabel(phase)) ?? {};
    const measured = value(phase);
    if (measured !== undefined) values[seriesOf(phase)] = measured;
    groups.set(groupLabel(phase), values);
  }
  return [...groups].map(([label, values]) => ({ label, values }));
}

/** An axis maximum above both the data and the goal line, in four round steps. */
function axisMax(panel: Panel): number {
  const top = Math.max(panel.goal, ...panel.groups.flatMap((g) => Object.values(g.values))) * 1.1;
  const magnitude = 10 ** Math.floor(Math.log10(top / 4));
  const step =
    [1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 7.5, 10]
      .map((m) => m * magnitude)
      .find((candidate) => candidate * 4 >= top) ?? magnitude * 10;
  return step * 4;
}

function renderPanel(panel: Panel, originX: number, series: readonly Series[]): string {
  const max = axisMax(panel);
  const plotWidth = PANEL.width - PANEL.left - 16;
  const y = (value: number): number => PANEL.top + PANEL.height - (value / max) * PANEL.height;
  const slot = plotWidth / Math.max(1, panel.groups.length);
  const barWidth = Math.min(36, slot / 3);
  const parts: string[] = [`<g transform="translate(${originX},0)">`];
  parts.push(`<text x="${PANEL.left}" y="28" class="title">${escapeXml(panel.title)}</text>`);
  for (let i = 0; i <= 4; i += 1) {
    const value = (max / 4) * i;
    parts.push(
      `<line x1="${PANEL.left}" x2="${PANEL.left + plotWidth}" y1="${y(value)}" y2="${y(value)}" class="grid"/>`,
      `<text x="${PANEL.left - 6}" y="${y(value) + 4}" class="tick" text-anchor="end">${formatValue(value)}</text>`,
    );
  }
  panel.groups.forEach((group, index) => {
    const centre = PANEL.left + slot * index + slot / 2;
    series.forEach(({ key, colour }, side) => {
      const value = group.values[key];
      if (value === undefined) return;
      const x = centre + (side === 0 ? -barWidth - 2 : 2);
      parts.push(
        `<rect x="${x}" y="${y(value)}" width="${barWidth}" height="${PANEL.top + PANEL.height - y(value)}" fill="${colour}"/>`,
        `<text x="${x + barWidth / 2}" y="${y(value) - 4}" class="value" text-anchor="middle">${formatValue(value)}</text>`,
      );
    });
    parts.push(
      `<text x="${centre}" y="${PANEL.top + PANEL.height + 18}" class="tick" text-anchor="middle">${escapeXml(group.label)}</text>`,
    );
  });
  parts.push(
    `<line x1="${PANEL.left}" x2="${PANEL.left + plotWidth}" y1="${y(panel.goal)}" y2="${y(panel.goal)}" class="goal"/>`,
    `<text x="${PANEL.left}" y="46" class="goal-label">- - - ${escapeXml(panel.goalLabel)}</text>`,
    '</g>',
  );
  return parts.join('\n');
}

const formatValue = (value: number): string =>
  value >= 100 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);

function legend(series: readonly Series[]): string {
  return series
    .map(({ label, colour }, i) => {
      const x = PANEL.left + i * 260;
      const y = HEIGHT - 32;
      return `<rect x="${x}" y="${y - 10}" width="12" height="12" fill="${colour}"/><text x="${x + 18}" y="${y}" class="tick">${label}</text>`;
    })
    .join('\n');
}

/** Hand-written SVG: achieved throughput and p99 latency per phase, reportIncident beside its baseline. */
export function renderIntakeChart(phases: readonly PhaseResult[], caption: string): string {
  return renderPhaseChart(phases, caption, OPERATION_SERIES);
}

/** The two panels, one bar per series in each phase's group. */
export function renderPhaseChart(
  phases: readonly PhaseResult[],
  caption: string,
  series: readonly Series[],
  seriesOf?: (phase: PhaseResult) => string,
): string {
  const throughput: Panel = {
    title: 'Achieved throughput (successful req/s)',
    groups: groupsOf(phases, (phase) => phase.achievedRps, seriesOf),
    goal: TARGET_RATE,
    goalLabel: `goal: at least ${TARGET_RATE} reports/s`,
  };
  const p99: Panel = {
    title: 'p99 latency (ms)',
    groups: groupsOf(phases, (phase) => phase.latencyMs?.p99, seriesOf),
    goal: TARGET_P99_MS,
    goalLabel: `goal: p99 at most ${TARGET_P99_MS} ms for reportIncident at ${TARGET_RATE}/s`,
  };
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, sans-serif">`,
    '<style>.title{font-size:14px;font-weight:600}.tick{font-size:11px;fill:#444}.value{font-size:10px;fill:#222}' +
      '.grid{stroke:#e5e5e5}.goal{stroke:#d1242f;stroke-dasharray:5 4}.goal-label{font-size:11px;fill:#d1242f}' +
      '.caption{font-size:11px;fill:#666}</style>',
    '<rect width="100%" height="100%" fill="#fff"/>',
    renderPanel(throughput, 0, series),
    renderPanel(p99, PANEL.width + 40, series),
    `<text x="${PANEL.left}" y="${HEIGHT - 10}" class="caption">${escapeXml(caption)}</text>`,
    legend(series),
    '</svg>',
    '',
  ].join('\n');
}
