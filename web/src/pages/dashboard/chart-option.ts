/**
 * The ECharts option of the "open vulnerabilities over time" chart, shared by the chart on the page
 * (SVG renderer) and the exports (SVG string, PNG through the canvas renderer), so a download shows
 * exactly what the page shows. Type-only imports: ECharts itself loads lazily (./echarts.ts).
 */
import type { LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TitleComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { SEVERITIES, type Severity } from '../../api/types.js';
import { severityLabel } from '../../components/badges.js';
import type { DailyCount } from './api.js';

export type ChartOption = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption | TitleComponentOption | TooltipComponentOption>;

export interface ChartTheme {
  readonly severity: Record<Severity, string>;
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly font: string;
}

const FALLBACK: ChartTheme = {
  severity: { critical: '#8b1a1a', high: '#c4321f', medium: '#b35c00', low: '#8a6d00', info: '#1f5fa8', unknown: '#5b6472' },
  text: '#1d2330',
  muted: '#555e6e',
  grid: '#d5d9e0',
  font: 'system-ui, sans-serif',
};

/** Colours from the design tokens (tokens.css), so chart, badges and tiles agree. */
export function themeFromTokens(): ChartTheme {
  const style = getComputedStyle(document.documentElement);
  const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const severity = Object.fromEntries(SEVERITIES.map((s) => [s, token(`--sev-${s}`, FALLBACK.severity[s])])) as Record<Severity, string>;
  return {
    severity,
    text: token('--color-text', FALLBACK.text),
    muted: token('--color-text-muted', FALLBACK.muted),
    grid: token('--color-border', FALLBACK.grid),
    // Unquoted: ECharts writes the family into SVG style attributes without escaping quotes, and
    // multi-word family names are valid CSS without them.
    font: token('--font-sans', FALLBACK.font).replace(/["']/g, ''),
  };
}

export interface ChartSettings {
  readonly stacked: boolean;
  readonly animation: boolean;
  /** Drawn inside the chart for exports; on the page the heading above the chart is the title. */
  readonly title?: string;
  readonly background?: string;
}

export function chartOption(days: readonly DailyCount[], theme: ChartTheme, settings: ChartSettings): ChartOption {
  const titled = settings.title !== undefined;
  return {
    animation: settings.animation,
    animationDuration: 300,
    ...(settings.background === undefined ? {} : { backgroundColor: settings.background }),
    textStyle: { fontFamily: theme.font, color: theme.text },
    color: SEVERITIES.map((s) => theme.severity[s]),
    ...(titled ? { title: { text: settings.title, left: 16, top: 10, textStyle: { fontSize: 15, fontWeight: 600, color: theme.text } } } : {}),
    legend: { top: titled ? 40 : 4, left: 'center', icon: 'roundRect', itemWidth: 12, itemHeight: 12, textStyle: { color: theme.text } },
    grid: { left: 8, right: 20, top: titled ? 76 : 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', order: 'seriesAsc' },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: days.map((d) => d.day),
      axisLabel: { color: theme.muted, hideOverlap: true },
      axisLine: { lineStyle: { color: theme.grid } },
      axisTick: { show: false },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      name: 'Open vulnerabilities',
      nameTextStyle: { color: theme.muted, align: 'left' },
      axisLabel: { color: theme.muted },
      splitLine: { lineStyle: { color: theme.grid, type: 'dashed' } },
    },
    series: SEVERITIES.map((severity) => ({
      type: 'line',
      name: severityLabel(severity),
      data: days.map((d) => d[severity]),
      ...(settings.stacked ? { stack: 'open' } : {}),
      showSymbol: false,
      lineStyle: { width: 2, color: theme.severity[severity] },
      itemStyle: { color: theme.severity[severity] },
      areaStyle: { opacity: settings.stacked ? 0.55 : 0.08, color: theme.severity[severity] },
      emphasis: { focus: 'series' },
    })),
  };
}

/** One sentence for screen readers: range, today's total by severity, and the change. */
export function chartSummary(days: readonly DailyCount[], stacked: boolean): string {
  const first = days[0];
  const last = days.at(-1);
  if (first === undefined || last === undefined) return 'No data.';
  const total = (d: DailyCount) => SEVERITIES.reduce((sum, s) => sum + d[s], 0);
  const parts = SEVERITIES.filter((s) => last[s] > 0).map((s) => `${last[s]} ${severityLabel(s).toLowerCase()}`);
  const now = total(last);
  const then = total(first);
  const change = now === then ? 'unchanged' : now > then ? `up ${now - then}` : `down ${then - now}`;
  return (
    `${stacked ? 'Stacked area' : 'Line'} chart of open vulnerabilities per day by severity, ${first.day} to ${last.day}. ` +
    `${last.day}: ${now} open${parts.length > 0 ? ` (${parts.join(', ')})` : ''}. ` +
    `${first.day}: ${then} open; ${change} over ${days.length} days.`
  );
}
