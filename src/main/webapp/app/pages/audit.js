// Audit: the append-only audit log with filters and CSV export; verification of the audit chain
// and of every custody chain.

import { get, request, query } from '../api.js';
import { t } from '../i18n.js';
import { h, fill, table, field, form, section, when, download, showProblem } from '../ui.js';

const OUTCOMES = ['SUCCESS', 'REJECTED', 'DENIED', 'FAILED'];

// Every break a verification found (it lists the first hundred and counts them all).
function breakList(id, result, describe) {
  if (result.intact || !(result.breaks || []).length) return null;
  return h('div', { id },
    h('p', { class: 'muted' }, t('audit.breaksFound', { n: result.breaksFound, shown: result.breaks.length })),
    h('ul', {}, ...result.breaks.map((b) => h('li', {}, describe(b)))));
}

export async function render(main, args, params) {
  const results = h('div', { id: 'audit-results' });
  const verification = h('div', { id: 'verifications', 'aria-live': 'polite' });
  let filters = Object.fromEntries(params.entries());
  const show = async (cursor, append) => {
    const page = await get(`/api/audit-entries${query({ ...filters, cursor, limit: 100 })}`);
    if (!append) fill(results);
    results.append(table([
      { title: '#', render: (e) => String(e.id) },
      { title: t('audit.when'), render: (e) => when(e.occurredAt) },
      { title: t('audit.actor'), render: (e) => e.actor },
      { title: t('audit.action'), render: (e) => h('code', {}, e.action) },
      { title: t('audit.target'), render: (e) => [e.targetType, e.targetId].filter(Boolean).join(' ') },
      { title: t('audit.outcome'), render: (e) => h('span', { class: `badge ${e.outcome === 'SUCCESS' ? 'ok' : 'alert'}` }, e.outcome) },
      { title: t('audit.detail'), render: (e) => e.detail || '' },
    ], page.items, { caption: t('audit.entries'), empty: t('audit.none') }));
    if (page.nextCursor) {
      const more = h('button', { type: 'button', class: 'secondary', onclick: () => { more.remove(); show(page.nextCursor, true); } }, t('common.more'));
      results.append(more);
    }
  };
  const toInstant = (v) => (v ? new Date(v).toISOString() : undefined);
  const filterForm = form([h('div', { class: 'row' },
    field({ name: 'actor', label: t('audit.actor'), value: filters.actor }),
    field({ name: 'action', label: t('audit.action'), value: filters.action, hint: t('audit.actionHint') }),
    field({ name: 'targetType', label: t('audit.targetType'), value: filters.targetType }),
    field({ name: 'targetId', label: t('audit.targetId'), value: filters.targetId }),
    field({ name: 'outcome', label: t('audit.outcome'), type: 'select', options: [['', t('common.any')], ...OUTCOMES.map((o) => [o, o])] }),
    field({ name: 'from', label: t('audit.from'), type: 'datetime-local' }),
    field({ name: 'to', label: t('audit.to'), type: 'datetime-local' }))],
  async (v) => { filters = { ...v, from: toInstant(v.from), to: toInstant(v.to) }; await show(); }, { submit: t('common.search'), id: 'audit-filter' });
  const exportButton = h('button', { type: 'button', class: 'secondary', id: 'audit-export', onclick: async () => {
    try {
      const csv = await request(`/api/audit-entries/export${query(filters)}`, { accept: 'text/csv' });
      download(new Blob([csv], { type: 'text/csv' }), 'audit-log.csv');
    } catch (e) { showProblem(results, e); }
  } }, t('common.exportCsv'));
  const verifyButton = h('button', { type: 'button', id: 'verify-chains', onclick: async () => {
    fill(verification, h('p', { class: 'muted' }, t('audit.verifying')));
    try {
      const [auditChain, custody] = await Promise.all([get('/api/audit-entries/verify'), get('/api/custody/verify')]);
      fill(verification,
        h('p', { class: auditChain.intact ? 'notice' : 'problem', id: 'audit-chain' }, auditChain.intact
          ? t('audit.auditIntact', { n: auditChain.entriesChecked }) : t('audit.auditBroken', { id: auditChain.firstBrokenEntryId ?? '?', problem: auditChain.reason || '' })),
        h('p', { class: custody.intact ? 'notice' : 'problem', id: 'custody-chain' }, custody.intact
          ? t('audit.custodyIntact', { firearms: custody.firearms, events: custody.events })
          : t('audit.custodyBroken', { firearm: custody.brokenFirearmId, seq: custody.brokenSeq ?? '?', problem: custody.problem || '' })),
        breakList('audit-chain-breaks', auditChain, (b) => `${t('audit.chainPosition', { chain: b.chain, position: b.position })}: ${b.entryId ? `#${b.entryId} ` : ''}${b.problem}`),
        breakList('custody-chain-breaks', custody, (b) => `${t('audit.firearmEvent', { firearm: b.firearmId, seq: b.seq })}: ${b.problem}`));
    } catch (e) { showProblem(verification, e); }
  } }, t('audit.verify'));
  fill(main, h('h1', {}, t('nav.audit')),
    section(t('audit.verifyTitle'), h('p', { class: 'muted' }, t('audit.verifyIntro')), verifyButton, verification),
    section(t('audit.entries'), filterForm, h('div', { class: 'actions' }, exportButton), results));
  await show();
}
