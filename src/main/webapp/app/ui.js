// Small DOM helpers shared by the pages: elements, tables, forms, messages for problems.

import { t, label, formatDateTime } from './i18n.js';

/** An element: h('a', { href: '#/x', class: 'btn' }, 'text', child). on* attributes are listeners. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces the content of an element. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * A table: columns [{ key, title, render(row) }]; an empty list says so. caption labels it for
 * screen readers.
 */
export function table(columns, rows, { caption, empty = t('common.none'), id } = {}) {
  if (!rows || rows.length === 0) return h('p', { class: 'muted', id }, empty);
  // a wide table scrolls inside its own region, which the keyboard can reach
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption || t('common.table') },
    h('table', { id },
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c.title)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, columns.map((c) => h('td', { dataset: { label: c.title } }, c.render ? c.render(r) : r[c.key]))))),
    ));
}

let fieldSeq = 0;

/**
 * A labelled input. spec: { name, label, type (text, number, date, datetime-local, select,
 * textarea, file, checkbox, password), options [[value, text]], required, value, hint, list }.
 */
export function field(spec) {
  const id = spec.id || `f-${spec.name}-${++fieldSeq}`;
  const common = { id, name: spec.name, required: !!spec.required, 'aria-describedby': spec.hint ? `${id}-hint` : null };
  let input;
  if (spec.type === 'select') {
    input = h('select', common, (spec.options || []).map(([v, text]) => h('option', { value: v, selected: String(v) === String(spec.value ?? '') }, text)));
  } else if (spec.type === 'textarea') {
    input = h('textarea', { ...common, rows: spec.rows || 3 }, spec.value ?? '');
  } else if (spec.type === 'checkbox') {
    input = h('input', { ...common, type: 'checkbox', checked: !!spec.value });
    return h('div', { class: 'field check' }, input, h('label', { for: id }, spec.label));
  } else {
    input = h('input', { ...common, type: spec.type || 'text', value: spec.value ?? '', list: spec.list, min: spec.min, max: spec.max,
      accept: spec.accept, autocomplete: spec.autocomplete || 'off', pattern: spec.pattern, inputmode: spec.inputmode, multiple: !!spec.multiple });
  }
  return h('div', { class: 'field' },
    h('label', { for: id }, spec.label, spec.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    input,
    spec.hint ? h('small', { id: `${id}-hint`, class: 'hint' }, spec.hint) : null);
}

/** The values of a form's named inputs: numbers for number inputs, booleans for checkboxes, no empty strings. */
export function values(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name || el.type === 'file') continue;
    if (el.type === 'checkbox') out[el.name] = el.checked;
    else if (el.value === '') continue;
    else if (el.type === 'number') out[el.name] = Number(el.value);
    else out[el.name] = el.value.trim();
  }
  return out;
}

/**
 * A form whose submit runs action(values, form); while it runs the button is disabled; a problem
 * is shown inside the form, beside the fields it names.
 */
export function form(fields, action, { submit = t('common.save'), id, cls } = {}) {
  const status = h('div', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit' }, submit);
  const f = h('form', { id, class: cls || 'stack' }, fields, h('div', { class: 'actions' }, button), status);
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearProblem(f);
    button.disabled = true;
    try {
      await action(values(f), f);
    } catch (err) {
      showProblem(status, err, f);
    } finally {
      button.disabled = false;
    }
  });
  return f;
}

function clearProblem(f) {
  f.querySelectorAll('.field-error').forEach((e) => e.remove());
  f.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  const s = f.querySelector('.form-status');
  if (s) s.replaceChildren();
}

/**
 * Shows an error: a problem+json's title and detail in the user's language where the bundle
 * knows its type (problem.<type>), its violations beside the fields they name, and the request id
 * to quote to the operators for a server fault.
 */
export function showProblem(where, err, formEl) {
  const p = err && err.problem ? err.problem : { detail: String(err && err.message ? err.message : err) };
  const type = (p.type || '').split('/').pop();
  const known = type ? t(`problem.${type}`) : null;
  const title = known && known !== `problem.${type}` ? known : (p.title || t('common.error'));
  const list = (p.violations || []).map((v) => {
    const input = formEl && v.field ? formEl.querySelector(`[name="${CSS.escape(v.field.split('.').pop().replace(/\[\d+\]$/, ''))}"]`) : null;
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.closest('.field')?.append(h('small', { class: 'field-error' }, v.message));
    }
    return h('li', {}, v.field ? `${v.field}: ${v.message}` : v.message);
  });
  fill(where, h('div', { class: 'problem', role: 'alert' },
    h('strong', {}, title),
    p.detail && p.detail !== title ? h('p', {}, p.detail) : null,
    list.length ? h('ul', {}, list) : null,
    p.status >= 500 && p.instance ? h('p', { class: 'muted' }, t('problem.quote', { instance: p.instance })) : null));
}

/** A short message that something worked. */
export function notice(where, text) {
  fill(where, h('div', { class: 'notice', role: 'status' }, text));
}

export const badge = (group, value) => (value ? h('span', { class: `badge ${group}-${value}` }, label(group, value)) : '');
export const when = (v) => formatDateTime(v);
export const link = (href, text) => h('a', { href }, text);

/** Saves a Blob as a file. */
export function download(blob, name) {
  const a = h('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

/** A section with a heading, for a page part. */
export const section = (title, ...children) => h('section', { class: 'card' }, h('h2', {}, title), ...children);

/** Renders the current page again (after a change it shows). */
export const reload = () => window.dispatchEvent(new HashChangeEvent('hashchange'));
