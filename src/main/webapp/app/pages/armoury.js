// Armoury: locations and holdings, custody actions (receive, issue, return, transfers...), issued
// and in-transit weapons, blind stock counts with their reconciliation, discrepancy cases.

import { get, post, request, query, hasRole } from '../api.js';
import { t, label, formatNumber } from '../i18n.js';
import { h, fill, table, field, form, section, badge, when, link, notice, showProblem, reload } from '../ui.js';
import * as refs from '../refs.js';
import { key } from '../ids.js';

const ACTIONS = ['RECEIVE', 'ISSUE', 'RETURN', 'MOVE', 'DISPATCH', 'RECEIVE_TRANSFER', 'LEND', 'RETURN_FROM_LOAN', 'REPORT_LOST', 'REPORT_STOLEN', 'RECOVER', 'RESTOCK', 'PLACE_IN_EVIDENCE', 'RELEASE_FROM_EVIDENCE', 'DECLARE_SURPLUS'];
const KINDS = ['AGENCY', 'ARMOURY', 'VAULT', 'ROOM', 'RACK', 'BIN', 'EXTERNAL'];
const HOLDER_KINDS = ['OFFICER', 'UNIT', 'LABORATORY', 'COURT', 'REPAIRER', 'OTHER'];
const RESOLUTIONS = ['FOUND', 'REPORTED_LOST', 'REPORTED_STOLEN', 'RECORD_CORRECTED'];
const TABS = ['holdings', 'custody', 'issued', 'transit', 'counts', 'cases'];
const acts = () => hasRole('ARMOURER', 'SUPERVISOR', 'ADMIN');

export async function render(main, args, params) {
  const tab = TABS.includes(args[0]) ? args[0] : 'holdings';
  const body = h('div');
  fill(main, h('h1', {}, t('nav.armoury')),
    h('nav', { class: 'tabs', 'aria-label': t('nav.armoury') }, TABS.filter((x) => x !== 'custody' || acts()).map((x) =>
      h('a', { href: `#/armoury/${x}`, 'aria-current': x === tab ? 'page' : null }, t(`armoury.${x}`)))),
    body);
  await PAGES[tab](body, args.slice(1), params);
}

const locationOptions = async (empty = '') => refs.options(await refs.locations(), refs.locationText, (l) => l.id, empty);

const PAGES = {
  async holdings(body, [id]) {
    if (id) return holdings(body, Number(id));
    const locations = await refs.locations();
    const parts = [section(t('armoury.locations'), table([
      { title: t('location.code'), render: (l) => link(`#/armoury/holdings/${l.id}`, l.code) },
      { title: t('location.name'), render: (l) => l.name },
      { title: t('location.kind'), render: (l) => label('locationKind', l.kind) },
      { title: t('location.parent'), render: (l) => (l.parentId ? locations.find((p) => p.id === l.parentId)?.code || `#${l.parentId}` : '') },
      { title: t('location.countEvery'), render: (l) => (l.countFrequencyDays ? t('location.days', { n: l.countFrequencyDays }) : '') },
    ], locations, { caption: t('armoury.locations'), id: 'locations' }))];
    if (hasRole('ADMIN')) {
      const status = h('div');
      parts.push(section(t('location.new'), form([h('div', { class: 'row' },
        field({ name: 'code', label: t('location.code'), required: true }),
        field({ name: 'name', label: t('location.name'), required: true }),
        field({ name: 'kind', label: t('location.kind'), type: 'select', required: true, options: KINDS.map((k) => [k, label('locationKind', k)]) }),
        field({ name: 'parentId', label: t('location.parent'), type: 'select', options: await locationOptions() }),
        field({ name: 'countFrequencyDays', label: t('location.countEvery'), type: 'number', min: 1, hint: t('location.countHint') }))],
      async (v) => {
        if (v.parentId) v.parentId = Number(v.parentId);
        const l = await post('/api/locations', v);
        refs.forget('/api/locations');
        notice(status, t('location.created', { code: l.code }));
        setTimeout(reload, 600);
      }, { submit: t('location.create'), id: 'new-location' }), status));
    }
    if (hasRole('SUPERVISOR', 'ADMIN')) {
      const status = h('div');
      parts.push(section(t('holder.new'), form([h('div', { class: 'row' },
        field({ name: 'code', label: t('holder.code'), required: true, hint: t('holder.codeHint') }),
        field({ name: 'kind', label: t('holder.kind'), type: 'select', required: true, options: HOLDER_KINDS.map((k) => [k, label('holderKind', k)]) }),
        field({ name: 'name', label: t('holder.name'), required: true }),
        field({ name: 'unit', label: t('holder.unit') }))],
      async (v) => {
        const x = await post('/api/holders', v);
        refs.forget('/api/holders');
        notice(status, t('holder.created', { code: x.code }));
      }, { submit: t('holder.create'), id: 'new-holder' }), status));
      const holders = await refs.holders();
      if (holders.length) {
        const edited = h('div');
        parts.push(section(t('holder.edit'), form([h('div', { class: 'row' },
          field({ name: 'holderId', label: t('custody.holder'), type: 'select', required: true, options: refs.options(holders, (x) => `${x.code} · ${x.name}`, (x) => x.id) }),
          field({ name: 'name', label: t('holder.name'), hint: t('holder.editHint') }),
          field({ name: 'unit', label: t('holder.unit') }))],
        async ({ holderId, ...patch }, f) => {
          // a field left empty is not sent, so it stays as it is; the code and kind never change
          const x = await request(`/api/holders/${holderId}`, { method: 'PATCH', body: patch });
          refs.forget('/api/holders');
          f.reset();
          f.elements.holderId.querySelector(`option[value="${x.id}"]`).textContent = `${x.code} · ${x.name}`;
          notice(edited, t('holder.updated', { code: x.code }));
        }, { submit: t('common.save'), id: 'edit-holder' }), edited));
      }
    }
    fill(body, ...parts);
  },

  async custody(body, args, params) {
    const [locationOpts, holders] = await Promise.all([locationOptions(), refs.holders()]);
    const result = h('div', { id: 'custody-result' });
    const recorded = h('ol', { id: 'custody-log', reversed: true });
    const firearm = params.get('firearm');
    const f = form([
      h('div', { class: 'row' },
        firearm ? field({ name: 'firearmId', label: t('custody.firearmId'), type: 'number', value: firearm, required: true })
          : field({ name: 'scannedText', label: t('custody.scanned'), required: true, hint: t('custody.scannedHint'), id: 'custody-scan' }),
        field({ name: 'action', label: t('custody.action'), type: 'select', required: true, options: ACTIONS.map((a) => [a, label('action', a)]), value: params.get('action') || 'RECEIVE' })),
      h('div', { class: 'row' },
        field({ name: 'locationId', label: t('custody.location'), type: 'select', options: locationOpts, hint: t('custody.locationHint') }),
        field({ name: 'holderId', label: t('custody.holder'), type: 'select', options: refs.options(holders, (x) => `${x.code} · ${x.name}`, (x) => x.id), hint: t('custody.holderHint') }),
        field({ name: 'expectedReturn', label: t('custody.expectedReturn'), type: 'datetime-local' })),
      h('div', { class: 'row' },
        field({ name: 'reason', label: t('custody.reason') }),
        field({ name: 'documentRef', label: t('custody.documentRef') })),
    ], async (v, formEl) => {
      const payload = { ...v, idempotencyKey: key('web') };
      ['locationId', 'holderId', 'firearmId'].forEach((k) => { if (payload[k]) payload[k] = Number(payload[k]); });
      if (payload.expectedReturn) payload.expectedReturn = new Date(payload.expectedReturn).toISOString();
      const e = await post('/api/custody-events', payload);
      notice(result, t('custody.recorded', { action: label('action', e.action), status: label('status', e.toStatus), id: e.firearmId }));
      recorded.prepend(h('li', {}, link(`#/firearms/${e.firearmId}`, `#${e.firearmId}`), ` ${label('action', e.action)} → ${label('status', e.toStatus)} · ${when(e.serverTime)}`));
      const scan = formEl.querySelector('[name=scannedText]');
      if (scan) { scan.value = ''; scan.focus(); }
    }, { submit: t('custody.record'), id: 'custody' });
    fill(body, section(t('custody.recordAction'), h('p', { class: 'muted' }, t('custody.intro')), f, result, recorded),
      h('p', {}, link('station/', t('custody.useStation'))));
    f.querySelector('input')?.focus();
  },

  async issued(body, args, params) {
    const overdue = params.get('overdue') === 'true';
    const rows = await get(`/api/custody/issued${query({ overdue })}`);
    fill(body, section(t(overdue ? 'armoury.overdueReturns' : 'armoury.issued'),
      h('p', {}, overdue ? link('#/armoury/issued', t('armoury.showAllIssued')) : link('#/armoury/issued?overdue=true', t('armoury.showOverdue'))),
      holdingTable(rows, 'issued-list')));
  },

  async transit(body) {
    fill(body, section(t('armoury.transit'), holdingTable(await get('/api/custody/in-transit'), 'transit-list')));
  },

  async counts(body, [id]) {
    if (id) return count(body, Number(id));
    const [overdue, counts, locations] = await Promise.all([get('/api/stock-counts/overdue'), get('/api/stock-counts'), refs.locations()]);
    const code = (lid) => locations.find((l) => l.id === lid)?.code || `#${lid}`;
    const parts = [];
    if (acts()) {
      parts.push(section(t('count.open'), h('p', { class: 'muted' }, t('count.blind')), form([
        field({ name: 'locationId', label: t('count.location'), type: 'select', required: true, options: await locationOptions() })],
      async (v) => { const c = await post('/api/stock-counts', { locationId: Number(v.locationId) }); location.hash = `#/armoury/counts/${c.id}`; },
      { submit: t('count.start'), id: 'open-count' })));
    }
    parts.push(section(t('count.overdue'), table([
      { title: t('location.code'), render: (l) => l.code },
      { title: t('location.name'), render: (l) => l.name },
      { title: t('location.countEvery'), render: (l) => t('location.days', { n: l.countFrequencyDays }) },
    ], overdue, { id: 'overdue-counts', empty: t('count.noneOverdue') })));
    parts.push(section(t('count.list'), table([
      { title: '#', render: (c) => link(`#/armoury/counts/${c.id}`, String(c.id)) },
      { title: t('count.location'), render: (c) => code(c.locationId) },
      { title: t('count.status'), render: (c) => badge('countStatus', c.status) },
      { title: t('count.opened'), render: (c) => `${when(c.openedAt)} · ${c.openedBy}` },
      { title: t('count.scans'), render: (c) => formatNumber(c.scans) },
    ], counts, { id: 'counts' })));
    fill(body, ...parts);
  },

  async cases(body, args, params) {
    const status = params.get('status') || 'OPEN';
    const cases = await get(`/api/discrepancies${query({ status })}`);
    fill(body, section(t('armoury.cases'),
      h('p', {}, ['OPEN', 'RESOLVED'].map((s) => [link(`#/armoury/cases?status=${s}`, label('caseStatus', s)), ' '])),
      caseTable(cases)));
  },
};

function holdingTable(rows, id) {
  return table([
    { title: t('firearm.serial'), render: (f) => link(`#/firearms/${f.id}`, f.serial) },
    { title: t('firearm.make'), render: (f) => f.make },
    { title: t('firearm.model'), render: (f) => f.model },
    { title: t('firearm.status'), render: (f) => badge('status', f.status) },
    { title: t('custody.holder'), render: (f) => (f.holderId ? `#${f.holderId}` : '') },
    { title: t('custody.expectedReturn'), render: (f) => when(f.expectedReturnAt) },
  ], rows, { id });
}

async function holdings(body, id) {
  const [place, held] = await Promise.all([get(`/api/locations/${id}`), get(`/api/locations/${id}/holdings`)]);
  const img = h('img', { alt: t('location.labelAlt', { code: place.code }), class: 'label-preview' });
  request(`/api/locations/${id}/label?format=png`, { accept: 'image/png' })
    .then((b) => { img.src = URL.createObjectURL(b); }).catch(() => img.remove());
  fill(body, section(`${place.code} · ${place.name}`,
    h('p', {}, label('locationKind', place.kind), ' · ', Object.entries(held.byStatus).map(([s, n]) => `${label('status', s)}: ${formatNumber(n)}`).join(' · ')),
    h('figure', { class: 'symbols' }, img),
    holdingTable(held.firearms, 'holdings'),
    acts() ? h('p', {}, link(`#/armoury/custody`, t('custody.recordAction'))) : null),
  hasRole('ADMIN') ? editLocation(place) : null);
}

/** Renames a place or changes how often it is counted; its code, kind and parent stay. */
function editLocation(place) {
  const status = h('div');
  return section(t('location.edit'), h('p', {}, t('location.editHint')), form([h('div', { class: 'row' },
    field({ name: 'name', label: t('location.name'), required: true, value: place.name }),
    field({ name: 'countFrequencyDays', label: t('location.countEvery'), type: 'number', min: 1, value: place.countFrequencyDays, hint: t('location.countHint') }))],
  async (v) => {
    await request(`/api/locations/${place.id}`, { method: 'PATCH', body: { name: v.name, countFrequencyDays: v.countFrequencyDays ?? null } });
    refs.forget('/api/locations');
    notice(status, t('location.updated', { code: place.code }));
    setTimeout(reload, 600);
  }, { submit: t('common.save'), id: 'edit-location' }), status);
}

async function count(body, id) {
  const c = await get(`/api/stock-counts/${id}`);
  const parts = [h('p', {}, link('#/armoury/counts', t('count.back')))];
  const facts = h('p', { id: 'count-state' }, badge('countStatus', c.status), ' ',
    t('count.summary', { scans: c.scans, expected: c.expected ?? '—', found: c.found ?? '—' }));
  if (c.status === 'OPEN' && acts()) {
    const result = h('div', { role: 'status', 'aria-live': 'polite', id: 'count-scan-result' });
    const f = form([field({ name: 'scannedText', label: t('count.scan'), required: true, id: 'count-scan' })], async (v, formEl) => {
      const s = await post(`/api/stock-counts/${id}/scans`, { scannedText: v.scannedText, idempotencyKey: key('web') });
      notice(result, s.recognised ? t('count.recognised', { text: v.scannedText }) : t('count.unknown', { text: v.scannedText }));
      formEl.reset();
      formEl.querySelector('input').focus();
    }, { submit: t('count.add'), id: 'count-scan-form' });
    const close = h('button', { type: 'button', id: 'close-count', onclick: async () => {
      if (!confirm(t('count.confirmClose'))) return;
      try { await post(`/api/stock-counts/${id}/close`); reload(); } catch (e) { showProblem(result, e); }
    } }, t('count.close'));
    parts.push(section(t('count.title', { id }), facts, h('p', { class: 'muted' }, t('count.blind')), f, result, close));
  } else {
    const status = h('div');
    const signOff = c.status === 'CLOSED' && hasRole('SUPERVISOR') ? h('button', { type: 'button', id: 'sign-off', onclick: async () => {
      try { await post(`/api/stock-counts/${id}/sign-off`); reload(); } catch (e) { showProblem(status, e); }
    } }, t('count.signOff')) : null;
    parts.push(section(t('count.title', { id }), facts,
      c.signedOffBy ? h('p', {}, t('count.signedOff', { by: c.signedOffBy, at: when(c.signedOffAt) })) : null,
      caseTable(c.discrepancies), signOff, status));
  }
  fill(body, ...parts);
}

function caseTable(cases) {
  const resolves = hasRole('SUPERVISOR', 'ADMIN');
  return table([
    { title: '#', render: (d) => String(d.id) },
    { title: t('case.kind'), render: (d) => badge('caseKind', d.kind) },
    { title: t('case.firearm'), render: (d) => (d.firearmId ? link(`#/firearms/${d.firearmId}`, `#${d.firearmId}`) : d.scannedText || '') },
    { title: t('case.detail'), render: (d) => d.detail || '' },
    { title: t('case.status'), render: (d) => (d.status === 'OPEN' && resolves ? resolveForm(d)
      : [badge('caseStatus', d.status), ' ', label('resolution', d.resolution), d.resolutionNote ? ` · ${d.resolutionNote}` : '']) },
  ], cases, { id: 'cases', empty: t('case.none') });
}

function resolveForm(d) {
  return form([
    field({ name: 'resolution', label: t('case.resolution'), type: 'select', required: true, options: RESOLUTIONS.map((r) => [r, label('resolution', r)]) }),
    field({ name: 'note', label: t('case.note') }),
  ], async (v) => { await post(`/api/discrepancies/${d.id}/resolve`, v); reload(); }, { submit: t('case.resolve'), id: `resolve-${d.id}` });
}
