// Destruction: orders (create, approve by a second person, scan at the site, photos, complete with
// witnesses), certificates (download, verify by number or by uploading the PDF).

import { get, post, request, query, hasRole, session } from '../api.js';
import { t, label, formatNumber, formatDate } from '../i18n.js';
import { h, fill, table, field, form, section, badge, when, link, notice, showProblem, download, reload } from '../ui.js';
import { key } from '../ids.js';

const STATUSES = ['PENDING_APPROVAL', 'APPROVED', 'COMPLETED', 'CANCELLED'];
const METHODS = ['CUTTING', 'CRUSHING', 'SHREDDING', 'SMELTING'];
const reads = () => hasRole('SUPERVISOR', 'ADMIN', 'AUDITOR');

export async function render(main, args, params) {
  const tab = ['orders', 'alerts'].includes(args[0]) && reads() ? args[0] : 'certificates';
  const tabs = h('nav', { class: 'tabs', 'aria-label': t('nav.destruction') },
    (reads() ? ['orders', 'certificates', 'alerts'] : ['certificates']).map((x) =>
      h('a', { href: `#/destruction/${x}`, 'aria-current': tab === x ? 'page' : null }, t(`destruction.${x}`))));
  const body = h('div');
  fill(main, h('h1', {}, t('nav.destruction')), tabs, body);
  if (tab === 'orders' && args[1]) return order(body, Number(args[1]));
  if (tab === 'orders') return orders(body, params);
  if (tab === 'alerts') return alerts(body);
  return certificates(body, args[1]);
}

async function orders(body, params) {
  const status = params.get('status') || '';
  const list = await get(`/api/destruction-orders${query({ status })}`);
  const parts = [section(t('destruction.orders'),
    h('p', {}, [['', t('common.all')], ...STATUSES.map((s) => [s, label('orderStatus', s)])].map(([s, text]) => [link(`#/destruction/orders?status=${s}`, text), ' '])),
    table([
      { title: t('order.number'), render: (o) => link(`#/destruction/orders/${o.id}`, o.number) },
      { title: t('order.status'), render: (o) => badge('orderStatus', o.status) },
      { title: t('order.firearms'), render: (o) => formatNumber(o.firearms) },
      { title: t('order.method'), render: (o) => label('method', o.method || o.plannedMethod) },
      { title: t('order.site'), render: (o) => o.site },
      { title: t('order.planned'), render: (o) => formatDate(o.plannedDate) },
      { title: t('order.createdBy'), render: (o) => o.createdBy },
    ], list, { id: 'orders' }),
    h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: async () => download(await request('/api/destruction-orders/export', { accept: 'text/csv' }).then((x) => new Blob([x], { type: 'text/csv' })), 'destruction-orders.csv') }, t('common.exportCsv'))))];
  if (hasRole('SUPERVISOR')) parts.unshift(await newOrder());
  fill(body, ...parts);
}

async function newOrder() {
  const surplus = await get('/api/firearms?status=SURPLUS&limit=500');
  const status = h('div');
  const picks = surplus.items.length === 0 ? h('p', { class: 'muted' }, t('order.noSurplus'))
    : h('fieldset', {}, h('legend', {}, t('order.pickFirearms')), surplus.items.map((f) => field({ name: `f${f.id}`, type: 'checkbox', label: `${f.make.name} ${f.model} · ${f.serialNumber} (#${f.id})` })));
  return section(t('order.new'), form([picks, h('div', { class: 'row' },
    field({ name: 'reason', label: t('order.reason'), required: true }),
    field({ name: 'legalAuthority', label: t('order.legalAuthority'), required: true }),
    field({ name: 'legalReference', label: t('order.legalReference'), required: true }),
    field({ name: 'plannedMethod', label: t('order.method'), type: 'select', required: true, options: METHODS.map((m) => [m, label('method', m)]) }),
    field({ name: 'site', label: t('order.site'), required: true }),
    field({ name: 'plannedDate', label: t('order.planned'), type: 'date', required: true }))],
  async (v) => {
    const firearmIds = Object.keys(v).filter((k) => /^f\d+$/.test(k) && v[k]).map((k) => Number(k.slice(1)));
    const { reason, legalAuthority, legalReference, plannedMethod, site, plannedDate } = v;
    const o = await post('/api/destruction-orders', { firearmIds, reason, legalAuthority, legalReference, plannedMethod, site, plannedDate });
    notice(status, t('order.created', { number: o.number }));
    location.hash = `#/destruction/orders/${o.id}`;
  }, { submit: t('order.create'), id: 'new-order' }), status);
}

async function order(body, id) {
  const [o, scans, photos] = await Promise.all([get(`/api/destruction-orders/${id}`), get(`/api/destruction-orders/${id}/scans`), get(`/api/destruction-orders/${id}/photos`)]);
  const status = h('div', { id: 'order-status' });
  const act = (text, path, bodyOf, idAttr) => h('button', { type: 'button', id: idAttr, onclick: async () => {
    try { await post(`/api/destruction-orders/${id}/${path}`, bodyOf ? bodyOf() : {}); reload(); } catch (e) { showProblem(status, e); }
  } }, text);
  const facts = h('dl', { class: 'facts' },
    ...[['order.status', badge('orderStatus', o.status)], ['order.reason', o.reason], ['order.legalAuthority', `${o.legalAuthority} · ${o.legalReference}`],
      ['order.method', label('method', o.method || o.plannedMethod)], ['order.site', o.site], ['order.planned', formatDate(o.plannedDate)],
      ['order.createdBy', `${o.createdBy} · ${when(o.createdAt)}`], ['order.approvedBy', o.approvedBy ? `${o.approvedBy} · ${when(o.approvedAt)}` : ''],
      ['order.executed', o.executedAt ? `${when(o.executedAt)} · ${o.operator}` : ''], ['order.scanned', `${o.scanned} / ${o.firearms}`]]
      .filter(([, v]) => v).flatMap(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)]));
  const parts = [h('p', {}, link('#/destruction/orders', t('order.back'))),
    section(`${t('order.title')} ${o.number}`, facts, status,
      o.certificate ? h('p', {}, link(`#/destruction/certificates/${encodeURIComponent(o.certificate)}`, t('order.certificate', { number: o.certificate }))) : null,
      h('div', { class: 'actions' },
        o.status === 'PENDING_APPROVAL' && hasRole('SUPERVISOR', 'ADMIN') && o.createdBy !== session().username ? act(t('order.approve'), 'approve', null, 'approve') : null,
        o.status === 'PENDING_APPROVAL' && o.createdBy === session().username ? h('p', { class: 'muted' }, t('order.fourEyes')) : null,
        ['PENDING_APPROVAL', 'APPROVED'].includes(o.status) && hasRole('SUPERVISOR', 'ADMIN')
          ? act(t('order.cancel'), 'cancel', () => ({ reason: prompt(t('order.cancelReason')) || '' }), 'cancel') : null)),
    section(t('order.items'), table([
      { title: t('case.firearm'), render: (i) => link(`#/firearms/${i.firearmId}`, `#${i.firearmId}`) },
      { title: t('order.scannedAt'), render: (i) => (i.scannedAt ? `${when(i.scannedAt)} · ${i.scannedBy}` : '—') },
    ], o.items, { id: 'order-items' }))];
  if (o.status === 'APPROVED' && hasRole('ARMOURER', 'SUPERVISOR', 'ADMIN')) {
    const result = h('div', { role: 'status', 'aria-live': 'polite' });
    parts.push(section(t('order.atSite'),
      form([field({ name: 'scannedText', label: t('order.scan'), required: true })], async (v, f) => {
        const s = await post(`/api/destruction-orders/${id}/scans`, { scannedText: v.scannedText, idempotencyKey: key('web') });
        notice(result, `${v.scannedText}: ${label('scanOutcome', s.outcome)}`);
        f.reset();
        if (s.outcome === 'ON_ORDER') setTimeout(reload, 800);
      }, { submit: t('count.add'), id: 'order-scan' }), result,
      photoForm(id)));
  }
  if (o.status === 'APPROVED' && hasRole('SUPERVISOR', 'ADMIN')) parts.push(completeForm(id));
  parts.push(section(t('order.scans'), table([
    { title: t('order.scannedAt'), render: (s) => when(s.scannedAt) },
    { title: t('marking.text'), render: (s) => s.scannedText },
    { title: t('order.outcome'), render: (s) => label('scanOutcome', s.outcome) },
    { title: t('custody.by'), render: (s) => s.by },
  ], scans), h('h3', {}, t('order.photos')), table([
    { title: t('order.stage'), render: (p) => label('stage', p.stage) },
    { title: t('order.takenAt'), render: (p) => when(p.takenAt) },
    { title: 'SHA-256', render: (p) => h('code', {}, p.sha256.slice(0, 16) + '…') },
  ], photos)));
  fill(body, ...parts);
}

function photoForm(id) {
  const status = h('div');
  return form([h('div', { class: 'row' },
    field({ name: 'stage', label: t('order.stage'), type: 'select', options: [['BEFORE', label('stage', 'BEFORE')], ['AFTER', label('stage', 'AFTER')]] }),
    field({ name: 'photo', label: t('order.photo'), type: 'file', accept: 'image/jpeg,image/png,image/webp', required: true }))],
  async (v, f) => {
    const file = f.querySelector('[name=photo]').files[0];
    await request(`/api/destruction-orders/${id}/photos?stage=${v.stage}`, { method: 'POST', body: file });
    notice(status, t('order.photoSaved'));
    reload();
  }, { submit: t('order.addPhoto'), id: 'order-photo' });
}

function completeForm(id) {
  const witness = (n) => h('fieldset', { class: 'row' }, h('legend', {}, t('order.witness', { n })),
    field({ name: `w${n}name`, label: t('order.witnessName'), required: n <= 2 }),
    field({ name: `w${n}organisation`, label: t('order.witnessOrganisation'), required: n <= 2 }),
    field({ name: `w${n}role`, label: t('order.witnessRole') }),
    field({ name: `w${n}independent`, label: t('order.witnessIndependent'), type: 'checkbox' }));
  return section(t('order.complete'), form([
    h('div', { class: 'row' },
      field({ name: 'method', label: t('order.method'), type: 'select', required: true, options: METHODS.map((m) => [m, label('method', m)]) }),
      field({ name: 'executedAt', label: t('order.executed'), type: 'datetime-local', required: true }),
      field({ name: 'operator', label: t('order.operator'), required: true })),
    witness(1), witness(2), witness(3),
    field({ name: 'notes', label: t('firearm.notes'), type: 'textarea' }),
  ], async (v) => {
    const witnesses = [1, 2, 3].filter((n) => v[`w${n}name`]).map((n) => ({ name: v[`w${n}name`], organisation: v[`w${n}organisation`], role: v[`w${n}role`], independent: !!v[`w${n}independent`] }));
    await post(`/api/destruction-orders/${id}/complete`, { method: v.method, executedAt: new Date(v.executedAt).toISOString(), operator: v.operator, witnesses, notes: v.notes });
    reload();
  }, { submit: t('order.completeSubmit'), id: 'complete-order' }));
}

async function certificates(body, number) {
  const result = h('div', { id: 'verification' });
  const show = (r) => fill(result, h('p', { class: r.valid ? 'notice' : 'problem', role: 'status', id: 'verdict' },
    r.valid ? t('certificate.valid', { number: r.certificate, firearms: r.firearms }) : t('certificate.invalid', { number: r.certificate || '?', reason: r.reason || '' })),
  table([
    { title: t('certificate.check'), render: (c) => c.name },
    { title: t('certificate.result'), render: (c) => h('span', { class: `badge ${c.passed ? 'ok' : 'alert'}` }, c.passed ? t('certificate.passed') : t('certificate.failed')) },
    { title: t('certificate.detail'), render: (c) => c.detail || '' },
  ], r.checks, { caption: t('certificate.checks'), id: 'checks' }));
  const byNumber = form([field({ name: 'number', label: t('certificate.number'), required: true, value: number || '', id: 'certificate-number' })],
    async (v) => show(await get(`/api/destruction-certificates/${encodeURIComponent(v.number)}/verify`)), { submit: t('certificate.verify'), id: 'verify-number' });
  const byFile = form([field({ name: 'pdf', label: t('certificate.pdf'), type: 'file', accept: 'application/pdf', required: true, id: 'certificate-file' })],
    async (v, f) => {
      const file = f.querySelector('[name=pdf]').files[0];
      show(await request('/api/destruction-certificates/verify', { method: 'POST', body: new Blob([file], { type: 'application/pdf' }) }));
    }, { submit: t('certificate.verifyFile'), id: 'verify-file' });
  const parts = [section(t('certificate.verifyTitle'), h('p', { class: 'muted' }, t('certificate.intro')), h('div', { class: 'grid' }, byNumber, byFile), result)];
  if (number) {
    parts.push(h('p', {}, h('button', { type: 'button', class: 'secondary', id: 'certificate-pdf', onclick: async () =>
      download(await request(`/api/destruction-certificates/${encodeURIComponent(number)}/pdf`, { accept: 'application/pdf' }), `${number}.pdf`) }, t('certificate.download'))));
  }
  if (reads()) {
    const list = await get('/api/destruction-certificates');
    parts.push(section(t('destruction.certificates'), table([
      { title: t('certificate.number'), render: (c) => link(`#/destruction/certificates/${encodeURIComponent(c.number)}`, c.number) },
      { title: t('certificate.issued'), render: (c) => `${when(c.issuedAt)} · ${c.issuedBy}` },
      { title: t('order.title'), render: (c) => link(`#/destruction/orders/${c.orderId}`, `#${c.orderId}`) },
    ], list, { id: 'certificates' })));
  }
  fill(body, ...parts);
  if (number) byNumber.requestSubmit();
}

/** Anomalies for supervisors and auditors: alerts, and approved orders left pending too long. */
async function alerts(body) {
  const a = await get('/api/destruction-alerts');
  fill(body,
    section(t('destruction.alerts'), table([
      { title: t('audit.when'), render: (x) => when(x.at) },
      { title: t('alert.kind'), render: (x) => h('span', { class: 'badge alert' }, label('alertKind', x.kind)) },
      { title: t('case.firearm'), render: (x) => (x.firearmId ? link(`#/firearms/${x.firearmId}`, `#${x.firearmId}`) : '') },
      { title: t('order.title'), render: (x) => (x.orderId ? link(`#/destruction/orders/${x.orderId}`, `#${x.orderId}`) : '') },
      { title: t('audit.actor'), render: (x) => x.actor || '' },
      { title: t('audit.detail'), render: (x) => x.detail || '' },
    ], a.alerts, { id: 'alerts', empty: t('alert.none') })),
    section(t('alert.pendingTooLong'), table([
      { title: t('order.number'), render: (o) => link(`#/destruction/orders/${o.orderId}`, o.order) },
      { title: t('order.planned'), render: (o) => formatDate(o.plannedDate) },
      { title: t('order.firearms'), render: (o) => formatNumber(o.firearms) },
    ], a.pendingTooLong, { id: 'pending-too-long', empty: t('alert.nonePending') })));
}
