// The browser station: scans are kept in IndexedDB before anything else and sent in order to the
// server's batch endpoint with their idempotency keys, so a scan made offline is sent when the
// network returns and is recorded once. Every rule about the weapon is the server's.

import { t, translate, loadLanguage, chooseLanguage, currentLanguage } from '../app/i18n.js';
import { uuid } from '../app/ids.js';

const DB = 'traza-station';
const STORE = 'scans';
const BATCH = 200;
const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;
const $ = (id) => document.getElementById(id);

let token = sessionStorage.getItem('traza.token');
let syncing = false;

function db() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB, 1);
    open.onupgradeneeded = () =>
      open.result.createObjectStore(STORE, { keyPath: 'seq', autoIncrement: true });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

async function tx(mode, work) {
  const d = await db();
  return new Promise((resolve, reject) => {
    const t = d.transaction(STORE, mode);
    const result = work(t.objectStore(STORE));
    t.oncomplete = () => resolve(result.value);
    t.onerror = () => reject(t.error);
  });
}

function all() {
  return tx('readonly', (s) => {
    const out = { value: [] };
    s.openCursor().onsuccess = (e) => {
      const c = e.target.result;
      if (c) { out.value.push(c.value); c.continue(); }
    };
    return out;
  });
}

const put = (scan) => tx('readwrite', (s) => { const out = {}; s.put(scan).onsuccess = (e) => { out.value = e.target.result; }; return out; });

function headers(json = true) {
  const h = { Authorization: `Bearer ${token}` };
  if (json) h['Content-Type'] = 'application/json';
  const station = localStorage.getItem('traza.station');
  if (station) h['X-Traza-Station'] = station;
  return h;
}

function stationCode() {
  const station = localStorage.getItem('traza.station');
  return station && station.includes(':') ? station.slice(0, station.indexOf(':')) : 'web';
}

// Scans are handled one after the other: a scanner that reads a label twice sends the second read
// before the first is stored, and the duplicate check must see the first.
let scanning = Promise.resolve();
function scan(raw) {
  scanning = scanning.then(() => handleScan(raw)).catch((e) => console.error(e));
  return scanning;
}

async function handleScan(raw) {
  const text = raw.trim();
  if (!text) return;
  const mode = $('mode').value;
  const targetId = Number($('target').value);
  if (!Number.isInteger(targetId) || targetId <= 0) {
    say({ kind: 'REFUSED', text, detail: t('stationPage.enterTarget', { target: targetName().toLowerCase() }) });
    return;
  }
  const now = Date.now();
  const same = (await all()).find((s) => s.mode === mode && s.targetId === targetId
      && s.text.toUpperCase() === text.toUpperCase() && now - s.scannedAt < DUPLICATE_WINDOW_MS);
  if (same) {
    say({ kind: 'DUPLICATE', text, detail: t('stationPage.scannedAt', { time: new Date(same.scannedAt).toLocaleTimeString(currentLanguage()) }) });
    return;
  }
  await put({ key: `${stationCode()}-${uuid()}`, mode, targetId, text, scannedAt: now,
    deviceTime: new Date(now).toISOString(), state: 'PENDING' });
  await render();
  sync();
}

function kindOf(result) {
  const type = (result.problem && result.problem.type) || '';
  if (result.status === 201 || result.status === 200) return 'ACCEPTED';
  if (result.status >= 500 || type.endsWith('/concurrent-modification')) return null;
  if (type.endsWith('/illegal-state-transition') || type.endsWith('/marking-required')) return 'REFUSED';
  const violation = result.problem && result.problem.violations && result.problem.violations[0];
  if (result.status === 400 && violation && violation.field === 'scannedText') return 'UNKNOWN';
  return 'REFUSED';
}

function detailOf(result) {
  if (!result.problem) return result.status === 200 ? t('stationPage.alreadyRecorded') : '';
  const p = result.problem;
  const v = p.violations && p.violations[0];
  return (p.currentStatus ? `${t('stationPage.weaponIs', { status: t(`status.${p.currentStatus}`) })}: ` : '') + (v ? v.message : p.detail);
}

const CUSTODY = ['RECEIVE', 'ISSUE', 'RETURN', 'MOVE'];

// A count or destruction-site scan goes on its own, with its idempotency key.
async function sendOne(s) {
  const path = s.mode === 'COUNT' ? `/api/stock-counts/${s.targetId}/scans` : `/api/destruction-orders/${s.targetId}/scans`;
  const r = await fetch(path, { method: 'POST', headers: headers(), body: JSON.stringify({ scannedText: s.text, idempotencyKey: s.key }) });
  if (r.status === 401) { logout(t('stationPage.sessionEnded')); return false; }
  if (r.status >= 500) throw new Error(`HTTP ${r.status}`);
  const body = await r.json();
  let state; let detail;
  if (r.ok) {
    const outcome = body.outcome || (body.recognised ? 'COUNTED' : 'COUNTED_UNRECOGNISED');
    state = ['COUNTED', 'COUNTED_UNRECOGNISED', 'ON_ORDER'].includes(outcome) ? 'ACCEPTED'
      : outcome === 'DUPLICATE' ? 'DUPLICATE' : 'REFUSED';
    detail = { COUNTED: t('stationPage.counted'), COUNTED_UNRECOGNISED: t('stationPage.countedUnknown'),
      ON_ORDER: t('stationPage.onOrder'), DUPLICATE: t('stationPage.scannedBefore') }[outcome]
      || t('stationPage.alertRaised', { outcome: t(`scanOutcome.${outcome}`) });
  } else {
    state = kindOf({ status: r.status, problem: body });
    if (state === null) throw new Error(`HTTP ${r.status}`);
    detail = detailOf({ status: r.status, problem: body });
  }
  await put({ ...s, state, detail });
  return true;
}

async function sync() {
  if (syncing || !token) return;
  syncing = true;
  try {
    const waiting = (await all()).filter((s) => s.state === 'PENDING');
    if (waiting.length === 0) { network(true); return; }
    if (!CUSTODY.includes(waiting[0].mode)) {
      if (await sendOne(waiting[0])) { network(true); setTimeout(sync, 0); }
      return;
    }
    const end = waiting.findIndex((s) => !CUSTODY.includes(s.mode));
    const batch = waiting.slice(0, end < 0 ? BATCH : Math.min(end, BATCH));
    const items = batch.map((s) => ({
      scannedText: s.text, action: s.mode, [s.mode === 'ISSUE' ? 'holderId' : 'locationId']: s.targetId,
      deviceTime: s.deviceTime, idempotencyKey: s.key }));
    const r = await fetch('/api/custody-events/batch', { method: 'POST', headers: headers(), body: JSON.stringify(items) });
    if (r.status === 401) { logout(t('stationPage.sessionEnded')); return; }
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    network(true);
    let complete = true;
    for (const result of (await r.json()).results) {
      const kind = kindOf(result);
      if (kind === null) { complete = false; break; }
      const s = batch[result.index];
      await put({ ...s, state: kind, detail: detailOf(result) });
    }
    if (complete && waiting.length > batch.length) setTimeout(sync, 0);
  } catch (e) {
    network(false);
  } finally {
    syncing = false;
    await render();
  }
}

function network(up) {
  $('net').textContent = up ? t('stationPage.online') : t('stationPage.offline');
  $('net').className = up ? 'online' : 'offline';
}

function say(entry) {
  const li = document.createElement('li');
  li.className = entry.kind;
  li.innerHTML = `<span class="kind"></span><span class="text"></span> <small class="detail"></small>`;
  li.querySelector('.kind').textContent = t(`stationPage.${entry.kind}`);
  li.querySelector('.text').textContent = entry.text;
  li.querySelector('.detail').textContent = entry.detail || '';
  $('log').prepend(li);
}

async function render() {
  const scans = await all();
  const pending = scans.filter((s) => s.state === 'PENDING').length;
  $('pending').textContent = pending === 0 ? t('stationPage.allSent') : t('stationPage.pending', { n: pending });
  $('pending').dataset.count = pending;
  $('log').replaceChildren();
  for (const s of scans.slice(-50)) {
    say({ kind: s.state === 'PENDING' ? 'QUEUED' : s.state, text: s.text, detail: s.detail });
  }
}

function targetName() {
  return t({ ISSUE: 'stationPage.holderId', COUNT: 'stationPage.countId', DESTRUCTION_CHECK: 'stationPage.orderId' }[$('mode').value]
    || 'stationPage.locationId');
}

function logout(message) {
  // the button's logout also ends the token on the server; an ended session has nothing to end
  if (!message && token) {
    fetch('/api/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${token}` } }).catch(() => {});
  }
  token = null;
  sessionStorage.removeItem('traza.token');
  $('work').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = message || '';
}

function start() {
  $('login').hidden = true;
  $('work').hidden = false;
  $('scan').focus();
  render();
  sync();
}

$('login').addEventListener('submit', async (e) => {
  e.preventDefault();
  $('login-error').textContent = '';
  if ($('credential').value.trim()) localStorage.setItem('traza.station', $('credential').value.trim());
  try {
    const r = await fetch('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: $('user').value, password: $('password').value }) });
    const body = await r.json();
    if (!r.ok) {
      const key = `problem.${(body.type || '').split('/').pop()}`;
      $('login-error').textContent = t(key) !== key ? t(key) : (body.detail || `HTTP ${r.status}`);
      return;
    }
    token = body.token;
    sessionStorage.setItem('traza.token', token);
    $('password').value = '';
    start();
  } catch (err) {
    $('login-error').textContent = t('problem.offline');
  }
});

$('scan-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const text = $('scan').value;
  $('scan').value = '';
  $('scan').focus();
  scan(text);
});

$('mode').addEventListener('change', () => { $('target-label').textContent = targetName(); $('scan').focus(); });
$('sync').addEventListener('click', () => sync());
$('logout').addEventListener('click', () => logout());
// A keyboard-wedge scanner types wherever the focus is: keep it on the scan field.
document.addEventListener('click', (e) => {
  if (!['INPUT', 'SELECT', 'BUTTON'].includes(e.target.tagName) && !$('work').hidden) $('scan').focus();
});

$('camera').addEventListener('click', async () => {
  const video = $('video');
  if (!video.hidden) { video.srcObject.getTracks().forEach((t) => t.stop()); video.hidden = true; return; }
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    say({ kind: 'REFUSED', text: t('stationPage.camera'), detail: t('stationPage.cameraUnavailable') });
    return;
  }
  video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
  video.hidden = false;
  await video.play();
  const canvas = document.createElement('canvas');
  const seen = new Map();
  const frame = async () => {
    if (video.hidden) return;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d').drawImage(video, 0, 0);
    const blob = await new Promise((r) => canvas.toBlob(r, 'image/jpeg', 0.85));
    try {
      const r = await fetch('/api/scans/decode', { method: 'POST', headers: { ...headers(false), 'Content-Type': 'image/jpeg' }, body: blob });
      if (r.ok) {
        for (const s of (await r.json()).symbols) {
          if (Date.now() - (seen.get(s.text) || 0) > 5000) { seen.set(s.text, Date.now()); scan(s.text); }
        }
      }
    } catch (e) {
      network(false);
    }
    setTimeout(frame, 700);
  };
  frame();
});

window.addEventListener('online', () => sync());
$('language').addEventListener('change', async (e) => {
  await chooseLanguage(e.target.value);
  translatePage();
  if (token) render();
});

const translatePage = () => {
  translate();
  document.title = t('stationPage.title');
  $('target-label').textContent = targetName();
};

await loadLanguage();
$('language').value = currentLanguage();
translatePage();
setInterval(sync, 2000);
if (token) start();
