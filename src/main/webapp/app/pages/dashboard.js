// Dashboard: holdings, custody activity, traces, destructions and what is overdue, from
// GET /api/dashboard (confined to the user's armoury and roles by the server).

import { get } from '../api.js';
import { t, label, formatNumber, formatDay, formatMonth } from '../i18n.js';
import { h, fill, section } from '../ui.js';
import { chart } from '../chart.js';

export async function render(main) {
  const d = await get('/api/dashboard');
  const kpi = (id, title, value, href) => h(href ? 'a' : 'div', { class: 'card', href, id },
    h('div', { class: 'muted' }, title), h('div', { class: 'figure-big' }, value === null || value === undefined ? '—' : formatNumber(value)));
  const holdingsTotal = d.holdings.byStatus.reduce((n, c) => n + c.count, 0);
  const overdue = h('div', { class: 'kpis', id: 'overdue' },
    kpi('kpi-holdings', t('dashboard.firearms'), holdingsTotal, '#/firearms'),
    kpi('kpi-returns', t('dashboard.overdueReturns'), d.overdue.returns, '#/armoury/issued'),
    kpi('kpi-counts', t('dashboard.overdueCounts'), d.overdue.counts, '#/armoury/counts'),
    d.overdue.traces == null ? null : kpi('kpi-traces', t('dashboard.overdueTraces'), d.overdue.traces, '#/tracing?overdue=true'));

  const bars = (title, counts, group, id) => chart({ id, title, categories: counts.map((c) => label(group, c.key)), series: [{ name: title, data: counts.map((c) => c.count) }] });

  const days = [];
  const start = new Date(d.at);
  start.setUTCHours(0, 0, 0, 0);
  for (let i = 29; i >= 0; i--) days.push(new Date(start.getTime() - i * 86400000).toISOString().slice(0, 10));
  const actions = [...new Set(d.custodyActivity.map((a) => a.action))];
  const activity = chart({
    id: 'chart-activity', title: t('dashboard.activity'), stacked: true,
    categories: days.map(formatDay),
    series: actions.map((a) => ({ name: label('action', a), data: days.map((day) => d.custodyActivity.filter((x) => x.day === day && x.action === a).reduce((n, x) => n + x.count, 0)) })),
  });

  const parts = [
    h('h1', {}, t('nav.dashboard')),
    d.confined ? h('p', { class: 'muted' }, t('dashboard.confined')) : null,
    overdue,
    h('div', { class: 'grid spaced' },
      section(t('dashboard.byStatus'), bars(t('dashboard.byStatus'), d.holdings.byStatus, 'status', 'chart-status')),
      section(t('dashboard.byType'), bars(t('dashboard.byType'), d.holdings.byType, 'type', 'chart-type')),
      section(t('dashboard.byLocation'), chart({ id: 'chart-location', title: t('dashboard.byLocation'), horizontal: true,
        categories: d.holdings.byLocation.map((l) => l.code), series: [{ name: t('dashboard.firearms'), data: d.holdings.byLocation.map((l) => l.count) }] })),
      section(t('dashboard.activity'), activity)),
  ];
  if (d.traces) {
    const months = d.traces.timeToAnswer;
    parts.push(h('div', { class: 'grid spaced' },
      section(t('dashboard.tracesByStatus'), bars(t('dashboard.tracesByStatus'), d.traces.byStatus, 'traceStatus', 'chart-trace-status')),
      section(t('dashboard.tracesByOutcome'), bars(t('dashboard.tracesByOutcome'), d.traces.byOutcome, 'outcome', 'chart-trace-outcome')),
      section(t('dashboard.timeToAnswer'), chart({ id: 'chart-answer', kind: 'line', title: t('dashboard.timeToAnswer'), categories: months.map((m) => formatMonth(m.month)),
        series: [{ name: t('dashboard.medianHours'), data: months.map((m) => m.medianHours) }, { name: t('dashboard.p90Hours'), data: months.map((m) => m.p90Hours) }] }))));
  }
  if (d.destroyedByYearAndMethod) {
    const years = Object.keys(d.destroyedByYearAndMethod);
    const methods = [...new Set(years.flatMap((y) => Object.keys(d.destroyedByYearAndMethod[y])))];
    parts.push(h('div', { class: 'grid spaced' },
      section(t('dashboard.destroyed'), chart({ id: 'chart-destroyed', title: t('dashboard.destroyed'), stacked: true, categories: years,
        series: methods.map((m) => ({ name: label('method', m), data: years.map((y) => d.destroyedByYearAndMethod[y][m] || 0) })) }))));
  }
  fill(main, ...parts);
}
