// Firearms: search, a record with its markings (rendered symbols), custody timeline and chain
// check, corrections; registration; label sheets (PDF) and engraving files (SVG).

import { get, post, request, query, hasRole } from '../api.js';
import { t, label, formatCalibre } from '../i18n.js';
import { h, fill, table, field, form, section, badge, when, link, download, notice, reload } from '../ui.js';
import * as refs from '../refs.js';

const STATUSES = ['REGISTERED', 'IN_STOCK', 'ISSUED', 'IN_TRANSIT', 'ON_LOAN', 'LOST', 'STOLEN', 'RECOVERED', 'EVIDENCE', 'SURPLUS', 'DESTRUCTION_PENDING', 'DESTROYED'];
const PROVENANCES = ['MANUFACTURED_HERE', 'IMPORTED', 'SEIZED', 'SURRENDERED', 'FOUND', 'TRANSFERRED_FROM_STATE'];
const MARK_KINDS = ['MANUFACTURE', 'IMPORT', 'STATE_OWNERSHIP', 'CONFISCATION', 'DEACTIVATION', 'CIVIL_TRANSFER', 'RE_MARKING'];
const MARK_PLACES = ['FRAME_RECEIVER', 'SLIDE', 'BARREL', 'BOLT', 'OTHER'];
const MARK_METHODS = ['LASER', 'DOT_PEEN', 'STAMP', 'ENGRAVING', 'CAST', 'LABEL', 'OTHER'];
const CONFIDENTIALITY = ['UNRESTRICTED', 'RESTRICTED', 'CONFIDENTIAL'];
const EDITABLE = ['model', 'serialNumber', 'manufactureCountry', 'manufactureYear', 'importerName', 'importCountry', 'importYear', 'owningAgency', 'confidentiality', 'useRestrictions', 'notes'];
const canWrite = () => hasRole('ARMOURER', 'SUPERVISOR', 'ADMIN');

const enumOptions = (group, values, empty = t('common.any')) => [['', empty], ...values.map((v) => [v, label(group, v)])];

export async function render(main, args, params) {
  if (args[0] === 'new') return registration(main);
  if (args[0]) return detail(main, Number(args[0]));
  return search(main, params);
}

async function search(main, params) {
  const [makes, calibres, types] = await Promise.all([refs.makes(), refs.calibres(), refs.types()]);
  const results = h('div', { id: 'firearm-results' });
  let criteria = {};
  const show = async (cursor, append) => {
    const page = await get(`/api/firearms${query({ ...criteria, cursor, limit: 50 })}`);
    const rows = table([
      { title: t('firearm.serial'), render: (f) => link(`#/firearms/${f.id}`, f.serialNumber) },
      { title: t('firearm.make'), render: (f) => f.make.name },
      { title: t('firearm.model'), render: (f) => f.model },
      { title: t('firearm.calibre'), render: (f) => formatCalibre(f.calibre.name) },
      { title: t('firearm.type'), render: (f) => label('type', f.type.code) },
      { title: t('firearm.status'), render: (f) => badge('status', f.status) },
    ], page.items, { caption: t('firearm.results'), empty: t('firearm.noResults') });
    if (!append) fill(results);
    results.append(rows);
    if (page.nextCursor) {
      const more = h('button', { type: 'button', class: 'secondary', onclick: () => { more.remove(); show(page.nextCursor, true); } }, t('common.more'));
      results.append(more);
    }
    return page;
  };
  const labelsButton = canWrite() ? h('button', { type: 'button', class: 'secondary', id: 'labels-pdf', onclick: async () => {
    const { calibre, ...filter } = criteria;
    const pdf = await request('/api/marking-labels', { method: 'POST', body: { filter }, accept: 'application/pdf' });
    download(pdf, 'traza-labels.pdf');
  } }, t('firearm.labelsForResults')) : null;
  const searchForm = form([
    h('div', { class: 'row' },
      field({ name: 'serial', label: t('firearm.serial'), hint: t('firearm.serialHint'), value: params.get('serial') || '' }),
      field({ name: 'make', label: t('firearm.make'), type: 'select', options: refs.options(makes, undefined, undefined, t('common.any')) }),
      field({ name: 'model', label: t('firearm.model') }),
      field({ name: 'calibre', label: t('firearm.calibre'), type: 'select', options: refs.options(calibres, refs.calibreText, undefined, t('common.any')) }),
      field({ name: 'type', label: t('firearm.type'), type: 'select', options: refs.options(types, (e) => label('type', e.code), undefined, t('common.any')) }),
      field({ name: 'status', label: t('firearm.status'), type: 'select', options: enumOptions('status', STATUSES) })),
  ], async (v) => { criteria = v; await show(); }, { submit: t('common.search'), id: 'firearm-search' });
  fill(main,
    h('h1', {}, t('nav.firearms')),
    h('div', { class: 'actions' }, canWrite() ? h('a', { href: '#/firearms/new', class: 'button', id: 'register-link' }, t('firearm.register')) : null, labelsButton),
    section(t('common.search'), searchForm, results));
  if (params.get('serial')) searchForm.requestSubmit(); else await show();
}

async function detail(main, id) {
  const [f, events, verification, history, places, holders] = await Promise.all([
    get(`/api/firearms/${id}`), get(`/api/firearms/${id}/custody-events`),
    get(`/api/firearms/${id}/custody-events/verify`), get(`/api/firearms/${id}/history`),
    refs.locations(), refs.holders()]);
  const place = (lid) => (lid ? places.find((l) => l.id === lid)?.code || `#${lid}` : '');
  const holder = (hid) => (hid ? holders.find((x) => x.id === hid)?.name || `#${hid}` : '');
  const fact = (k, v) => (v === null || v === undefined || v === '' ? null : [h('dt', {}, t(k)), h('dd', {}, v)]);
  const facts = h('dl', { class: 'facts', id: 'firearm-facts' },
    fact('firearm.serial', f.serialNumber), fact('firearm.make', f.make.name), fact('firearm.model', f.model),
    fact('firearm.calibre', formatCalibre(f.calibre.name)), fact('firearm.type', label('type', f.type.code)),
    fact('firearm.status', badge('status', f.status)), fact('firearm.provenance', label('provenance', f.provenance)),
    fact('firearm.manufactureCountry', f.manufactureCountry), fact('firearm.manufactureYear', f.manufactureYear),
    fact('firearm.importer', f.imported ? `${f.imported.importerName || ''} ${f.imported.country || ''} ${f.imported.year || ''}`.trim() : null),
    fact('firearm.owningAgency', f.owningAgency), fact('firearm.originator', f.originator),
    fact('firearm.confidentiality', label('confidentiality', f.confidentiality)),
    fact('firearm.location', f.custody.locationId ? link(`#/armoury/holdings/${f.custody.locationId}`, place(f.custody.locationId)) : null),
    fact('custody.holder', holder(f.custody.holderId)),
    fact('firearm.expectedReturn', when(f.custody.expectedReturnAt)),
    fact('firearm.missingMarking', f.custody.missingMarking ? label('markKind', f.custody.missingMarking) : null),
    fact('firearm.registered', `${when(f.createdAt)} · ${f.createdBy}`),
    f.voided ? fact('firearm.voided', `${when(f.voiding.at)} · ${f.voiding.by} · ${f.voiding.reason}`) : null);

  const symbols = h('div', { class: 'symbols', id: 'symbols' });
  for (const symbology of ['DATAMATRIX', 'QR', 'CODE128']) {
    const img = h('img', { class: symbology.toLowerCase(), alt: t('firearm.symbolAlt', { symbology: label('symbology', symbology), serial: f.serialNumber }) });
    symbols.append(h('figure', {}, img, h('figcaption', {}, label('symbology', symbology))));
    request(`/api/firearms/${id}/marking${query({ symbology, format: 'png', moduleSize: symbology === 'CODE128' ? 2 : 6 })}`, { accept: 'image/png' })
      .then((blob) => { img.src = URL.createObjectURL(blob); img.dataset.loaded = 'true'; })
      .catch(() => { img.alt = t('firearm.symbolMissing'); });
  }
  const files = h('div', { class: 'actions' },
    h('button', { type: 'button', class: 'secondary', id: 'engraving-svg', onclick: async () => {
      const svg = await request(`/api/firearms/${id}/marking${query({ format: 'svg', sizeMm: 10 })}`, { accept: 'image/svg+xml' });
      download(new Blob([svg], { type: 'image/svg+xml' }), `traza-${id}-engraving.svg`);
    } }, t('firearm.engravingSvg')),
    canWrite() ? h('button', { type: 'button', class: 'secondary', id: 'label-pdf', onclick: async () => {
      download(await request('/api/marking-labels', { method: 'POST', body: { firearmIds: [id] }, accept: 'application/pdf' }), `traza-${id}-label.pdf`);
    } }, t('firearm.labelPdf')) : null);

  const markings = table([
    { title: t('marking.kind'), render: (m) => label('markKind', m.kind) },
    { title: t('marking.text'), render: (m) => h('code', {}, m.text) },
    { title: t('marking.location'), render: (m) => label('markPlace', m.location) },
    { title: t('marking.method'), render: (m) => label('markMethod', m.method) },
    { title: t('marking.applied'), render: (m) => [m.appliedOn, m.appliedBy].filter(Boolean).join(' · ') },
  ], f.markings, { caption: t('firearm.markings'), id: 'markings' });

  const chain = verification.intact
    ? h('p', { id: 'chain', class: 'notice' }, t('custody.chainIntact', { events: verification.events }))
    : h('p', { id: 'chain', class: 'problem', role: 'alert' }, t('custody.chainBroken', { seq: verification.brokenSeq ?? '?', problem: verification.problem || '' }));
  const timeline = table([
    { title: '#', render: (e) => e.seq },
    { title: t('custody.when'), render: (e) => when(e.serverTime) },
    { title: t('custody.action'), render: (e) => label('action', e.action) },
    { title: t('custody.change'), render: (e) => `${label('status', e.fromStatus)} → ${label('status', e.toStatus)}` },
    { title: t('custody.place'), render: (e) => [e.fromLocationId, e.toLocationId].filter(Boolean).map(place).join(' → ') },
    { title: t('custody.holder'), render: (e) => holder(e.holderId) },
    { title: t('custody.by'), render: (e) => [e.actor, e.station].filter(Boolean).join(' · ') },
    { title: t('custody.reason'), render: (e) => e.reason || '' },
  ], events, { caption: t('custody.timeline'), id: 'timeline', empty: t('custody.noEvents') });

  const revisions = table([
    { title: t('correction.when'), render: (r) => when(r.at) },
    { title: t('correction.by'), render: (r) => r.by },
    { title: t('correction.changes'), render: (r) => r.changes.map((c) => `${t(`firearm.${c.field}`)}: ${c.from ?? '∅'} → ${c.to ?? '∅'}`).join('; ') },
    { title: t('correction.reason'), render: (r) => r.reason },
  ], history.revisions, { caption: t('firearm.corrections'), id: 'corrections', empty: t('correction.none') });

  const correction = canWrite() && !f.voided ? correctionForm(f) : null;
  const voiding = hasRole('SUPERVISOR') && !f.voided ? voidForm(f) : null;
  fill(main,
    h('h1', {}, `${f.make.name} ${f.model} · ${f.serialNumber}`),
    h('div', { class: 'actions' }, link('#/firearms', t('firearm.backToSearch')),
      hasRole('ARMOURER', 'SUPERVISOR', 'ADMIN') ? link(`#/armoury/custody?firearm=${id}`, t('custody.recordAction')) : null),
    h('div', { class: 'grid' }, section(t('firearm.record'), facts), section(t('firearm.symbols'), symbols, files)),
    section(t('firearm.markings'), markings),
    section(t('custody.timeline'), chain, timeline),
    section(t('firearm.corrections'), revisions, correction, voiding));
}

/** Voiding a record entered by mistake (a supervisor; the record stays, marked void, with why). */
function voidForm(f) {
  return h('details', {}, h('summary', {}, t('firearm.void')),
    h('p', { class: 'muted' }, t('firearm.voidIntro')),
    form([field({ name: 'reason', label: t('correction.reason'), required: true })], async (v) => {
      await post(`/api/firearms/${f.id}/void`, v);
      reload();
    }, { submit: t('firearm.voidSubmit'), id: 'void' }));
}

function correctionForm(f) {
  const status = h('div');
  return h('details', {}, h('summary', {}, t('correction.make')),
    form([
      field({ name: 'field', label: t('correction.field'), type: 'select', required: true, options: EDITABLE.map((k) => [k, t(`firearm.${k}`)]) }),
      field({ name: 'value', label: t('correction.newValue') }),
      field({ name: 'reason', label: t('correction.reason'), required: true }),
    ], async (v) => {
      const numeric = ['manufactureYear', 'importYear'].includes(v.field);
      const body = { [v.field]: v.value === undefined ? null : (numeric ? Number(v.value) : v.value), reason: v.reason };
      await request(`/api/firearms/${f.id}`, { method: 'PATCH', body: JSON.stringify(body), headers: { 'Content-Type': 'application/merge-patch+json', 'If-Match': `"${f.version}"` } });
      notice(status, t('correction.saved'));
      setTimeout(reload, 300);
    }, { submit: t('correction.submit'), id: 'correction' }), status);
}

async function registration(main) {
  if (!canWrite()) { fill(main, h('p', { class: 'problem' }, t('problem.forbidden'))); return; }
  const [makes, calibres, types] = await Promise.all([refs.makes(), refs.calibres(), refs.types()]);
  const status = h('div');
  const registerForm = form([
    h('fieldset', { class: 'row' }, h('legend', {}, t('firearm.identity')),
      field({ name: 'type', label: t('firearm.type'), type: 'select', required: true, options: refs.options(types, (e) => label('type', e.code)) }),
      field({ name: 'make', label: t('firearm.make'), type: 'select', required: true, options: refs.options(makes) }),
      field({ name: 'model', label: t('firearm.model'), required: true }),
      field({ name: 'calibre', label: t('firearm.calibre'), type: 'select', required: true, options: refs.options(calibres, refs.calibreText) }),
      field({ name: 'serialNumber', label: t('firearm.serialNumber'), required: true }),
      field({ name: 'manufactureCountry', label: t('firearm.manufactureCountry'), hint: t('common.countryHint') }),
      field({ name: 'manufactureYear', label: t('firearm.manufactureYear'), type: 'number', min: 1800, max: 2100 })),
    h('fieldset', { class: 'row' }, h('legend', {}, t('firearm.provenance')),
      field({ name: 'provenance', label: t('firearm.provenance'), type: 'select', required: true, options: enumOptions('provenance', PROVENANCES, '') }),
      field({ name: 'importerName', label: t('firearm.importerName') }),
      field({ name: 'importCountry', label: t('firearm.importCountry'), hint: t('common.countryHint') }),
      field({ name: 'importYear', label: t('firearm.importYear'), type: 'number', min: 1800, max: 2100 }),
      field({ name: 'owningAgency', label: t('firearm.owningAgency') }),
      field({ name: 'confidentiality', label: t('firearm.confidentiality'), type: 'select', options: enumOptions('confidentiality', CONFIDENTIALITY, '') })),
    h('fieldset', { class: 'row' }, h('legend', {}, t('firearm.firstMarking')),
      field({ name: 'markKind', label: t('marking.kind'), type: 'select', options: enumOptions('markKind', MARK_KINDS, '') }),
      field({ name: 'markText', label: t('marking.text') }),
      field({ name: 'markLocation', label: t('marking.location'), type: 'select', options: enumOptions('markPlace', MARK_PLACES, '') }),
      field({ name: 'markMethod', label: t('marking.method'), type: 'select', options: enumOptions('markMethod', MARK_METHODS, '') })),
    field({ name: 'notes', label: t('firearm.notes'), type: 'textarea' }),
  ], async (v) => {
    const { markKind, markText, markLocation, markMethod, ...body } = v;
    if (markKind || markText) body.markings = [{ kind: markKind, text: markText, location: markLocation, method: markMethod }];
    const created = await post('/api/firearms', body);
    notice(status, t('firearm.registeredAs', { id: created.id }));
    location.hash = `#/firearms/${created.id}`;
  }, { submit: t('firearm.register'), id: 'registration' });
  fill(main, h('h1', {}, t('firearm.register')), section(t('firearm.register'), registerForm, status));
}
