// Administration: users and their roles and armoury, stations and their credentials, reference
// data (makes, calibres, firearm types).

import { get, post, put } from '../api.js';
import { t, label, formatCalibre } from '../i18n.js';
import { h, fill, table, field, form, section, when, notice, showProblem, reload } from '../ui.js';
import * as refs from '../refs.js';

const ROLES = ['ARMOURER', 'INVESTIGATOR', 'AUDITOR', 'SUPERVISOR', 'ADMIN'];
const TABS = ['users', 'stations', 'reference'];

export async function render(main, args) {
  const tab = TABS.includes(args[0]) ? args[0] : 'users';
  const body = h('div');
  fill(main, h('h1', {}, t('nav.admin')),
    h('nav', { class: 'tabs', 'aria-label': t('nav.admin') }, TABS.map((x) => h('a', { href: `#/admin/${x}`, 'aria-current': x === tab ? 'page' : null }, t(`admin.${x}`)))),
    body);
  await PAGES[tab](body);
}

const armouries = async () => (await refs.locations()).filter((l) => ['ARMOURY', 'AGENCY'].includes(l.kind));
const roleBoxes = (selected = []) => h('fieldset', { class: 'row' }, h('legend', {}, t('user.roles')),
  ROLES.map((r) => field({ name: `role-${r}`, label: t(`role.${r}`), type: 'checkbox', value: selected.includes(r) })));
const pickedRoles = (v) => ROLES.filter((r) => v[`role-${r}`]);

const PAGES = {
  async users(body) {
    const [users, places] = await Promise.all([get('/api/users'), armouries()]);
    const placeOptions = [['', t('user.national')], ...places.map((l) => [l.id, refs.locationText(l)])];
    const status = h('div');
    const create = form([
      h('div', { class: 'row' },
        field({ name: 'username', label: t('user.username'), required: true, hint: t('user.usernameHint'), id: 'new-username' }),
        field({ name: 'fullName', label: t('user.fullName'), id: 'new-fullname' }),
        field({ name: 'password', label: t('user.password'), type: 'password', required: true, hint: t('user.passwordHint'), autocomplete: 'new-password', id: 'new-password' }),
        field({ name: 'armouryId', label: t('user.armoury'), type: 'select', options: placeOptions, id: 'new-armoury' })),
      roleBoxes()],
    async (v) => {
      const u = await post('/api/users', { username: v.username, fullName: v.fullName, password: v.password, roles: pickedRoles(v), armouryId: v.armouryId ? Number(v.armouryId) : undefined });
      notice(status, t('user.created', { username: u.username }));
      setTimeout(reload, 800);
    }, { submit: t('user.create'), id: 'new-user' });
    const edit = (u) => h('details', {}, h('summary', {}, t('common.edit')),
      form([roleBoxes(u.roles)], async (v) => { await put(`/api/users/${encodeURIComponent(u.username)}/roles`, { roles: pickedRoles(v) }); reload(); }, { submit: t('user.saveRoles'), id: `roles-${u.username}` }),
      form([field({ name: 'armouryId', label: t('user.armoury'), type: 'select', options: placeOptions, value: u.armouryId ?? '' })],
        async (v) => { await put(`/api/users/${encodeURIComponent(u.username)}/armoury`, { armouryId: v.armouryId ? Number(v.armouryId) : null }); reload(); }, { submit: t('user.saveArmoury') }),
      h('button', { type: 'button', class: 'secondary', onclick: async (e) => {
        try { await post(`/api/users/${encodeURIComponent(u.username)}/${u.enabled ? 'disable' : 'enable'}`); reload(); } catch (err) { showProblem(e.target.nextElementSibling, err); }
      } }, u.enabled ? t('user.disable') : t('user.enable')), h('div'),
      h('button', { type: 'button', class: 'secondary', id: `reset-${u.username}`, onclick: async (e) => {
        const where = e.target.nextElementSibling;
        if (!confirm(t('user.resetConfirm', { username: u.username }))) return;
        try {
          const r = await post(`/api/users/${encodeURIComponent(u.username)}/password-reset`);
          fill(where, h('div', { class: 'notice', role: 'status' },
            h('p', {}, t('user.temporaryPassword', { username: r.username })), h('code', { class: 'temporary-password' }, r.temporaryPassword)));
        } catch (err) { showProblem(where, err); }
      } }, t('user.resetPassword')), h('div'));
    fill(body,
      section(t('user.new'), create, status),
      section(t('admin.users'), table([
        { title: t('user.username'), render: (u) => u.username },
        { title: t('user.fullName'), render: (u) => u.fullName || '' },
        { title: t('user.roles'), render: (u) => u.roles.map((r) => t(`role.${r}`)).join(', ') },
        { title: t('user.armoury'), render: (u) => u.armouryCode || t('user.national') },
        { title: t('user.state'), render: (u) => [u.enabled ? t('user.enabled') : t('user.disabled'), u.passwordChangeRequired ? ` · ${t('user.mustChange')}` : ''] },
        { title: t('user.lastLogin'), render: (u) => when(u.lastLoginAt) },
        { title: '', render: edit },
      ], users, { id: 'users' })));
  },

  async stations(body) {
    const [stations, places] = await Promise.all([get('/api/stations'), armouries()]);
    const status = h('div', { id: 'station-credential' });
    const showCredential = (s) => fill(status, h('div', { class: 'notice', role: 'status' },
      h('p', {}, t('station.credentialOnce')), h('code', {}, s.credential)));
    fill(body,
      section(t('station.new'), form([h('div', { class: 'row' },
        field({ name: 'code', label: t('station.code'), required: true }),
        field({ name: 'name', label: t('station.name'), required: true }),
        field({ name: 'armouryId', label: t('user.armoury'), type: 'select', required: true, options: places.map((l) => [l.id, refs.locationText(l)]) }))],
      async (v) => { showCredential(await post('/api/stations', { ...v, armouryId: Number(v.armouryId) })); }, { submit: t('station.create'), id: 'new-station' }), status),
      section(t('admin.stations'), table([
        { title: t('station.code'), render: (s) => s.code },
        { title: t('station.name'), render: (s) => s.name },
        { title: t('user.armoury'), render: (s) => s.armouryCode },
        { title: t('user.state'), render: (s) => (s.enabled ? t('user.enabled') : t('user.disabled')) },
        { title: t('station.created'), render: (s) => `${when(s.createdAt)} · ${s.createdBy}` },
        { title: '', render: (s) => h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'secondary', onclick: async () => showCredential(await post(`/api/stations/${encodeURIComponent(s.code)}/rotate-credential`)) }, t('station.rotate')),
          h('button', { type: 'button', class: 'secondary', onclick: async () => { await post(`/api/stations/${encodeURIComponent(s.code)}/${s.enabled ? 'disable' : 'enable'}`); reload(); } }, s.enabled ? t('user.disable') : t('user.enable'))) },
      ], stations, { id: 'stations' })));
  },

  async reference(body) {
    const kinds = [['makes', '/api/makes', (e) => e.name], ['calibres', '/api/calibres', (e) => formatCalibre(e.name)], ['firearm-types', '/api/firearm-types', (e) => `${label('type', e.code)} (${e.name})`]];
    const parts = [];
    for (const [kind, path, text] of kinds) {
      const entries = await get(path);
      const status = h('div');
      parts.push(section(t(`reference.${kind}`),
        form([h('div', { class: 'row' },
          field({ name: 'code', label: t('reference.code'), required: true }),
          field({ name: 'name', label: t('reference.name'), required: true }),
          kind === 'makes' ? field({ name: 'country', label: t('reference.country'), required: true, hint: t('common.countryHint') }) : null)],
        async (v) => { await post(path, v); refs.forget(path); notice(status, t('reference.added', { code: v.code })); setTimeout(reload, 600); },
        { submit: t('reference.add'), id: `new-${kind}` }), status,
        h('details', {}, h('summary', {}, t('reference.entries', { n: entries.length })), table([
          { title: t('reference.code'), render: (e) => h('code', {}, e.code) },
          { title: t('reference.name'), render: text },
          kind === 'makes' ? { title: t('reference.country'), render: (e) => e.country } : null,
        ].filter(Boolean), entries))));
    }
    fill(body, ...parts);
  },
};
