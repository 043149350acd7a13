// Charts with ECharts (WebJar), each followed by its figures as a table for screen readers and
// for those who would rather read them. Charts are resized with the window.

import { h, table } from './ui.js';
import { t, formatNumber } from './i18n.js';

const PALETTE = ['#0b4f8a', '#d1701b', '#1b6e2a', '#a4161a', '#6a3d9a', '#8a7d00', '#17768a', '#7f7f7f', '#c2185b', '#4e342e'];
const live = new Set();
window.addEventListener('resize', () => live.forEach((c) => c.resize()));

/**
 * A bar or line chart. spec: { title, kind ('bar', 'line'), categories [labels], series [{ name,
 * data [numbers] }], stacked, horizontal, id }.
 */
export function chart(spec) {
  if (spec.categories.length === 0) return h('p', { class: 'muted' }, t('chart.noData'));
  const box = h('div', { class: 'chart', role: 'img', 'aria-label': spec.title, id: spec.id });
  const figures = h('details', { class: 'data' }, h('summary', {}, t('chart.asTable')),
    table([{ title: '', render: (r) => r.category }, ...spec.series.map((s, i) => ({ title: s.name || spec.title, render: (r) => formatNumber(r.values[i]) }))],
      spec.categories.map((c, j) => ({ category: c, values: spec.series.map((s) => s.data[j] ?? 0) })), { caption: spec.title }));
  const wrap = h('figure', { class: 'chart-figure' }, box, figures);
  requestAnimationFrame(() => draw(box, spec));
  return wrap;
}

function draw(box, spec) {
  if (!window.echarts || !box.isConnected) return;
  for (const c of live) if (!c.getDom().isConnected) { c.dispose(); live.delete(c); }
  // canvas, and tooltips drawn in it (richText): the SVG renderer and HTML tooltips write inline
  // style attributes, which the Content-Security-Policy (style-src 'self') refuses
  const instance = window.echarts.init(box, null, { renderer: 'canvas' });
  live.add(instance);
  const categoryAxis = { type: 'category', data: spec.categories, axisLabel: { interval: 0, rotate: spec.categories.length > 8 && !spec.horizontal ? 40 : 0 } };
  const valueAxis = { type: 'value', minInterval: 1, axisLabel: { formatter: (v) => formatNumber(v) } };
  instance.setOption({
    aria: { enabled: true },
    color: PALETTE,
    animation: false,
    tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: (v) => formatNumber(v) },
    legend: spec.series.length > 1 ? { type: 'scroll', bottom: 0 } : undefined,
    grid: { left: 8, right: 16, top: 16, bottom: spec.series.length > 1 ? 40 : 8, containLabel: true },
    xAxis: spec.horizontal ? valueAxis : categoryAxis,
    yAxis: spec.horizontal ? { ...categoryAxis, inverse: true, axisLabel: { interval: 0 } } : valueAxis,
    series: spec.series.map((s) => ({ name: s.name, type: spec.kind || 'bar', data: s.data, stack: spec.stacked ? 'all' : undefined, smooth: false, showSymbol: spec.kind === 'line' })),
  });
}
