// Tracing: trace requests (the form with live data-quality hints), candidates with scores and
// reasons, the answer and its response document (JSON, PDF), exchange documents, overdue list.

import { get, post, request, query, hasRole } from '../api.js';
import { t, label, formatDate, formatCalibre } from '../i18n.js';
import { h, fill, table, field, form, values, section, badge, when, link, notice, showProblem, download, reload } from '../ui.js';
import * as refs from '../refs.js';

const STATUSES = ['RECEIVED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'ANSWERED', 'CLOSED'];
const OUTCOMES = ['IDENTIFIED', 'PARTIALLY_IDENTIFIED', 'NOT_TRACEABLE'];
const works = () => hasRole('INVESTIGATOR', 'SUPERVISOR', 'ADMIN');

export async function render(main, args, params) {
  if (args[0] === 'new' && works()) return newRequest(main);
  if (args[0] === 'query' && works()) return traceQuery(main);
  if (args[0]) return requestPage(main, Number(args[0]));
  return list(main, params);
}

async function list(main, params) {
  const status = params.get('status') || '';
  const overdue = params.get('overdue') === 'true';
  const rows = await get(`/api/trace-requests${query({ status, overdue: overdue || '' })}`);
  const filters = h('p', { class: 'actions' },
    [['', t('common.all')], ...STATUSES.map((s) => [s, label('traceStatus', s)])].map(([s, text]) => link(`#/tracing?status=${s}`, text)),
    link('#/tracing?overdue=true', t('trace.overdue')));
  const parts = [h('h1', {}, t('nav.tracing')),
    works() ? h('div', { class: 'actions' }, h('a', { href: '#/tracing/new', class: 'button', id: 'new-trace' }, t('trace.new')), h('a', { href: '#/tracing/query', class: 'button' }, t('trace.query'))) : null,
    section(overdue ? t('trace.overdue') : t('trace.requests'), filters, table([
      { title: t('trace.reference'), render: (r) => link(`#/tracing/${r.id}`, r.reference) },
      { title: t('trace.case'), render: (r) => r.request.caseReference },
      { title: t('trace.requester'), render: (r) => `${r.request.requestingAuthority} (${r.request.requestingCountry})` },
      { title: t('trace.serialAsRead'), render: (r) => h('code', {}, r.request.serialAsRead || '') },
      { title: t('trace.status'), render: (r) => [badge('traceStatus', r.status), r.overdue ? h('span', { class: 'badge alert' }, t('trace.late')) : ''] },
      { title: t('trace.due'), render: (r) => when(r.dueAt) },
      { title: t('trace.outcome'), render: (r) => badge('outcome', r.outcome) },
    ], rows, { id: 'trace-requests' }))];
  if (works()) parts.push(importForm());
  fill(main, ...parts);
}

function importForm() {
  const status = h('div');
  return section(t('trace.import'), h('p', { class: 'muted' }, t('trace.importIntro')),
    form([field({ name: 'document', label: t('trace.importFile'), type: 'file', accept: 'application/json,.json', required: true })], async (v, f) => {
      const text = await f.querySelector('[name=document]').files[0].text();
      const r = await request('/api/trace-requests/import', { method: 'POST', body: text });
      notice(status, t('trace.imported', { reference: r.reference }));
      location.hash = `#/tracing/${r.id}`;
    }, { submit: t('trace.importSubmit'), id: 'trace-import' }), status);
}

const REQUEST_FIELDS = () => [
  [t('trace.requester'), [
    { name: 'requestingAuthority', label: t('trace.requestingAuthority'), required: true },
    { name: 'requestingCountry', label: t('trace.requestingCountry'), required: true, hint: t('common.countryHint') },
    { name: 'contact', label: t('trace.contact'), required: true },
    { name: 'caseReference', label: t('trace.case'), required: true },
    { name: 'urgency', label: t('trace.urgency'), type: 'select', options: [['ROUTINE', label('urgency', 'ROUTINE')], ['URGENT', label('urgency', 'URGENT')]] },
    { name: 'urgencyJustification', label: t('trace.urgencyJustification') }]],
  [t('trace.grounds'), [
    { name: 'legalBasis', label: t('trace.legalBasis'), required: true },
    { name: 'illicitReason', label: t('trace.illicitReason'), required: true },
    { name: 'intendedUse', label: t('trace.intendedUse'), required: true }]],
  [t('trace.recovery'), [
    { name: 'recoveredOn', label: t('trace.recoveredOn'), type: 'date', required: true },
    { name: 'recoveryPlace', label: t('trace.recoveryPlace'), required: true },
    { name: 'circumstances', label: t('trace.circumstances') },
    { name: 'possessor', label: t('trace.possessor') }]],
  [t('trace.weapon'), [
    { name: 'weaponType', label: t('firearm.type'), list: 'dl-types', required: true },
    { name: 'weaponMake', label: t('firearm.make'), list: 'dl-makes', required: true },
    { name: 'weaponModel', label: t('firearm.model') },
    { name: 'weaponCalibre', label: t('firearm.calibre'), list: 'dl-calibres' },
    { name: 'serialAsRead', label: t('trace.serialAsRead'), hint: t('trace.serialHint'), required: true },
    { name: 'obliterated', label: t('trace.obliterated'), type: 'checkbox' },
    { name: 'importer', label: t('trace.importer') },
    { name: 'originCountry', label: t('trace.originCountry'), hint: t('common.countryHint') },
    { name: 'otherMarkings', label: t('trace.otherMarkings'), type: 'textarea' }]],
];

async function newRequest(main) {
  const [makes, calibres, types] = await Promise.all([refs.makes(), refs.calibres(), refs.types()]);
  const lists = [['dl-makes', makes, (e) => e.name], ['dl-calibres', calibres, (e) => formatCalibre(e.name)], ['dl-types', types, (e) => label('type', e.code)]]
    .map(([id, entries, text]) => h('datalist', { id }, entries.map((e) => h('option', { value: e.code }, text(e)))));
  const hints = h('div', { id: 'check', 'aria-live': 'polite' });
  const status = h('div');
  const f = form(REQUEST_FIELDS().map(([legend, specs]) => h('fieldset', { class: 'row' }, h('legend', {}, legend), specs.map(field))),
    async (v) => {
      const r = await post('/api/trace-requests', v);
      location.hash = `#/tracing/${r.id}`;
    }, { submit: t('trace.file'), id: 'trace-request' });
  let timer = null;
  const check = async () => {
    const v = values(f);
    try {
      showCheck(f, hints, await post('/api/trace-requests/check', v));
    } catch (e) { showProblem(hints, e); }
  };
  f.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(check, 400); });
  f.addEventListener('change', () => { clearTimeout(timer); timer = setTimeout(check, 100); });
  fill(main, h('h1', {}, t('trace.new')), lists, h('div', { class: 'grid' }, section(t('trace.form'), f, status), section(t('trace.checkTitle'), h('p', { class: 'muted' }, t('trace.checkIntro')), hints)));
}

/** The check's errors and warnings, in the side panel and beside each field; suggestions fill the field. */
function showCheck(f, hints, result) {
  f.querySelectorAll('.check-hint').forEach((x) => x.remove());
  const item = (finding, kind) => {
    const input = f.querySelector(`[name="${finding.field}"]`);
    const suggestions = (finding.suggestions || []).map((s) => h('button', { type: 'button', class: 'secondary', onclick: () => {
      if (input) { input.value = s.split(' ')[0]; input.dispatchEvent(new Event('change', { bubbles: true })); }
    } }, s));
    if (input) input.closest('.field')?.append(h('small', { class: `check-hint ${kind === 'error' ? 'field-error' : 'hint'}` }, finding.message));
    return h('li', { class: kind }, h('strong', {}, `${t(`trace.${finding.field}`) !== `trace.${finding.field}` ? t(`trace.${finding.field}`) : finding.field}: `), finding.message,
      suggestions.length ? h('div', { class: 'actions' }, t('trace.didYouMean'), ' ', suggestions) : null);
  };
  fill(hints,
    result.errors.length === 0 && result.warnings.length === 0 ? h('p', { class: 'notice', id: 'check-ok' }, t('trace.checkOk')) : null,
    result.errors.length ? h('div', { class: 'problem', id: 'check-errors' }, h('strong', {}, t('trace.errors', { n: result.errors.length })), h('ul', {}, result.errors.map((x) => item(x, 'error')))) : null,
    result.warnings.length ? h('div', { class: 'warning', id: 'check-warnings' }, h('strong', {}, t('trace.warnings', { n: result.warnings.length })), h('ul', {}, result.warnings.map((x) => item(x, 'warning')))) : null);
}

async function traceQuery(main) {
  const results = h('div', { id: 'query-results' });
  fill(main, h('h1', {}, t('trace.query')), section(t('trace.query'), h('p', { class: 'muted' }, t('trace.queryIntro')), form([h('div', { class: 'row' },
    field({ name: 'caseReference', label: t('trace.case'), required: true }),
    field({ name: 'serial', label: t('trace.serialAsRead'), hint: t('trace.serialHint') }),
    field({ name: 'make', label: t('firearm.make') }),
    field({ name: 'model', label: t('firearm.model') }),
    field({ name: 'calibre', label: t('firearm.calibre') }),
    field({ name: 'country', label: t('trace.originCountry') }))],
  async (v) => fill(results, candidates(await post('/api/trace-queries', v))), { submit: t('common.search'), id: 'trace-query' }), results));
}

function candidates(answer, answerWith) {
  if (!answer.candidates.length) return h('p', { class: 'muted', id: 'candidates' }, t('trace.noCandidates'));
  return h('ol', { class: 'candidates', id: 'candidates' }, answer.candidates.map((c) => h('li', {},
    h('strong', {}, link(`#/firearms/${c.firearm.id}`, `${c.firearm.make} ${c.firearm.model} · ${c.firearm.serial}`)),
    ' ', formatCalibre(c.firearm.calibre),
    ' ', h('span', { class: 'badge' }, t('trace.score', { score: c.score })), ' ', badge('status', c.firearm.status),
    c.alerts.map((a) => [' ', h('span', { class: 'badge alert' }, a)]),
    h('ul', {}, c.reasons.map((r) => h('li', {}, r))),
    answerWith ? h('button', { type: 'button', class: 'secondary', onclick: () => answerWith(c.firearm.id) }, t('trace.answerWith')) : null)));
}

async function requestPage(main, id) {
  const r = await get(`/api/trace-requests/${id}`);
  const status = h('div', { id: 'trace-status' });
  const act = (text, path, idAttr) => h('button', { type: 'button', id: idAttr, onclick: async () => {
    try { await post(`/api/trace-requests/${id}/${path}`, {}); reload(); } catch (e) { showProblem(status, e); }
  } }, text);
  const c = r.request;
  const facts = h('dl', { class: 'facts', id: 'trace-facts' }, ...[
    ['trace.status', [badge('traceStatus', r.status), r.overdue ? [' ', h('span', { class: 'badge alert' }, t('trace.late'))] : '']],
    ['trace.due', when(r.dueAt)], ['trace.case', c.caseReference], ['trace.requester', `${c.requestingAuthority} (${c.requestingCountry}) · ${c.contact}`],
    ['trace.urgency', label('urgency', c.urgency)], ['trace.legalBasis', c.legalBasis], ['trace.illicitReason', c.illicitReason],
    ['trace.recovery', `${formatDate(c.recoveredOn)} · ${c.recoveryPlace}`], ['trace.weapon', [c.weaponType, c.weaponMake, c.weaponModel, formatCalibre(c.weaponCalibre)].filter(Boolean).join(' · ')],
    ['trace.serialAsRead', h('code', {}, c.serialAsRead || '')], ['trace.assignedTo', r.assignedTo], ['trace.sender', r.senderCountry ? `${r.senderCountry} · ${r.senderReference}` : ''],
    ['trace.outcome', r.outcome ? [badge('outcome', r.outcome), r.outcomeReason ? ` · ${r.outcomeReason}` : ''] : ''],
  ].filter(([, v]) => v).flatMap(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)]));
  const canAct = works();
  const parts = [h('h1', {}, `${t('trace.request')} ${r.reference}`), h('p', {}, link('#/tracing', t('trace.back'))),
    section(t('trace.request'), facts, status, canAct ? h('div', { class: 'actions' },
      r.status === 'RECEIVED' ? act(t('trace.acknowledge'), 'acknowledge', 'acknowledge') : null,
      ['RECEIVED', 'ACKNOWLEDGED'].includes(r.status) ? act(t('trace.start'), 'start', 'start') : null,
      r.status === 'ANSWERED' ? act(t('trace.close'), 'close', 'close-trace') : null) : null,
    hasRole('SUPERVISOR', 'ADMIN') && !['ANSWERED', 'CLOSED'].includes(r.status)
      ? form([field({ name: 'investigator', label: t('trace.assignTo'), required: true, value: r.assignedTo || '' })],
        async (v) => { await post(`/api/trace-requests/${id}/assign`, v); reload(); }, { submit: t('trace.assign'), id: 'assign' })
      : null)];
  if (canAct && ['ACKNOWLEDGED', 'IN_PROGRESS', 'RECEIVED'].includes(r.status)) {
    // candidates from the start; the answer once work has started (the lifecycle is the server's)
    const answerForm = r.status === 'IN_PROGRESS' ? answerSection(id) : null;
    const box = h('div', {}, h('p', { class: 'muted' }, t('common.loading')));
    parts.push(section(t('trace.candidates'), answerForm ? null : h('p', { class: 'muted' }, t('trace.startToAnswer')), box));
    if (answerForm) parts.push(answerForm.section);
    get(`/api/trace-requests/${id}/candidates`).then((a) => fill(box, candidates(a, answerForm?.fillWith))).catch((e) => showProblem(box, e));
  }
  if (['ANSWERED', 'CLOSED'].includes(r.status)) parts.push(await responseSection(id, r));
  parts.push(await photosSection(id, r), await consentsSection(id));
  if (r.responseReceivedAt) {
    parts.push(section(t('trace.receivedResponse'), h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: async () =>
      download(new Blob([JSON.stringify(await get(`/api/trace-requests/${id}/received-response`), null, 2)], { type: 'application/json' }), `${r.reference}-received.json`) }, t('trace.downloadJson')))));
  }
  fill(main, ...parts);
}

function answerSection(id) {
  const f = form([h('div', { class: 'row' },
    field({ name: 'outcome', label: t('trace.outcome'), type: 'select', required: true, options: OUTCOMES.map((o) => [o, label('outcome', o)]) }),
    field({ name: 'firearmId', label: t('trace.firearmId'), type: 'number', min: 1 }),
    field({ name: 'reason', label: t('trace.reason') }))],
  async (v) => { await post(`/api/trace-requests/${id}/answer`, v); reload(); }, { submit: t('trace.answer'), id: 'answer' });
  return {
    section: section(t('trace.answer'), f),
    fillWith: (firearmId) => {
      f.querySelector('[name=outcome]').value = 'IDENTIFIED';
      f.querySelector('[name=firearmId]').value = firearmId;
      f.querySelector('[name=firearmId]').focus();
    },
  };
}

async function responseSection(id, r) {
  const resp = await get(`/api/trace-requests/${id}/response`);
  const w = resp.weapon;
  const conf = resp.confidentiality;
  const buttons = h('div', { class: 'actions' },
    h('button', { type: 'button', class: 'secondary', id: 'response-pdf', onclick: async () => download(await request(`/api/trace-requests/${id}/response`, { accept: 'application/pdf' }), `${r.reference}.pdf`) }, t('trace.responsePdf')),
    h('button', { type: 'button', class: 'secondary', id: 'response-json', onclick: () => download(new Blob([JSON.stringify(resp, null, 2)], { type: 'application/json' }), `${r.reference}-response.json`) }, t('trace.responseJson')),
    works() ? h('button', { type: 'button', class: 'secondary', id: 'export', onclick: async (e) => {
      try {
        download(new Blob([JSON.stringify(await get(`/api/trace-requests/${id}/export`), null, 2)], { type: 'application/json' }), `${r.reference}-exchange.json`);
      } catch (err) { showProblem(e.target.parentElement.nextElementSibling, err); }
    } }, t('trace.export')) : null);
  return section(t('trace.response'), buttons, h('div'),
    resp.alerts?.length ? h('p', { class: 'problem', role: 'alert' }, resp.alerts.join(' · ')) : null,
    w ? h('dl', { class: 'facts', id: 'response-weapon' }, ...[
      ['firearm.registryId', link(`#/firearms/${w.registryId}`, `#${w.registryId}`)], ['firearm.make', w.make], ['firearm.model', w.model],
      ['firearm.calibre', formatCalibre(w.calibre)], ['firearm.serial', w.serial], ['firearm.status', badge('status', w.status)],
      ['custody.lastLocation', resp.custody?.lastKnownLocation], ['custody.lastHolder', resp.custody?.lastHolder],
      ['custody.chain', resp.custody ? (resp.custody.chainIntact ? t('custody.chainOk') : resp.custody.chainProblem) : ''],
    ].filter(([, v]) => v).flatMap(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)])) : null,
    w?.markings?.length ? table([
      { title: t('marking.kind'), render: (m) => label('markKind', m.kind) },
      { title: t('marking.text'), render: (m) => h('code', {}, m.text) },
    ], w.markings, { caption: t('firearm.markings') }) : null,
    resp.custody?.events?.length ? table([
      { title: t('custody.when'), render: (e) => when(e.serverTime) },
      { title: t('custody.action'), render: (e) => label('action', e.action) },
      { title: t('custody.change'), render: (e) => `${label('status', e.fromStatus)} → ${label('status', e.toStatus)}` },
    ], resp.custody.events, { caption: t('custody.timeline'), id: 'response-custody' }) : null,
    conf ? h('p', { class: conf.withheld?.length ? 'warning' : 'muted' }, conf.statement) : null);
}

/** Photos of the recovered weapon: thumbnails, and an upload for those who work the request. */
async function photosSection(id, r) {
  const photos = await get(`/api/trace-requests/${id}/photos`);
  const status = h('div');
  const gallery = h('div', { class: 'symbols', id: 'trace-photos' }, photos.map((p) => {
    const img = h('img', { alt: t('trace.photoAlt', { reference: r.reference, n: p.id }), class: 'photo-thumb' });
    request(`/api/trace-requests/${id}/photos/${p.id}`, { accept: p.mediaType }).then((b) => { img.src = URL.createObjectURL(b); }).catch(() => img.remove());
    return h('figure', {}, img, h('figcaption', {}, `${when(p.addedAt)} · ${p.addedBy}`));
  }));
  return section(t('trace.photos'), photos.length ? gallery : h('p', { class: 'muted' }, t('trace.noPhotos')),
    works() ? form([field({ name: 'photo', label: t('trace.photo'), type: 'file', accept: 'image/jpeg,image/png,image/webp', required: true })], async (v, f) => {
      await request(`/api/trace-requests/${id}/photos`, { method: 'POST', body: f.querySelector('[name=photo]').files[0] });
      notice(status, t('trace.photoSaved'));
      reload();
    }, { submit: t('trace.addPhoto'), id: 'trace-photo' }) : null, status);
}

/** The originators' consents to release restricted details to this request's requester (CIFTA Art. XII). */
async function consentsSection(id) {
  const consents = await get(`/api/trace-requests/${id}/consents`);
  return section(t('trace.consents'), h('p', { class: 'muted' }, t('trace.consentsIntro')),
    table([
      { title: t('firearm.originator'), render: (c) => c.originator },
      { title: t('trace.consentDocument'), render: (c) => c.documentReference },
      { title: t('trace.consentNote'), render: (c) => c.note || '' },
      { title: t('trace.consentRecorded'), render: (c) => `${when(c.recordedAt)} · ${c.recordedBy}` },
    ], consents, { id: 'consents', empty: t('trace.noConsents') }),
    hasRole('SUPERVISOR', 'ADMIN') ? form([h('div', { class: 'row' },
      field({ name: 'originator', label: t('firearm.originator'), required: true }),
      field({ name: 'documentReference', label: t('trace.consentDocument'), required: true }),
      field({ name: 'note', label: t('trace.consentNote') }))],
    async (v) => { await post(`/api/trace-requests/${id}/consents`, v); reload(); },
    { submit: t('trace.recordConsent'), id: 'consent' }) : null);
}
