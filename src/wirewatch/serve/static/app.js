// wirewatch page: event table, timeline, map and the form to post a report.
// Every text that comes from the server is inserted with textContent, never as HTML.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE',
  'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
const COLORS = ['#4e79a7', '#59a14f', '#8cd17d', '#b6992d', '#499894', '#86bcb6', '#79706e', '#f1ce63', '#ff9d9a',
  '#e15759', '#d37295', '#fabfd2', '#b07aa1', '#f28e2b', '#9d7660', '#7b2d26'];
const PAGE = 200;
const FILTERS = ['type', 'actor', 'recipient', 'place', 'status', 'since', 'until', 'doc'];
let offset = 0;
let generation = 0;  // answers to an older request are dropped
let world = null;

function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

function svgEl(tag, attrs, title) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (title) { const t = document.createElementNS(SVG, 'title'); t.textContent = title; node.appendChild(t); }
  return node;
}

function typeColor(type) { const i = TYPES.indexOf(type); return i < 0 ? '#999' : COLORS[i]; }
function names(list) { return (list || []).map((p) => p.name).join(', ') || '–'; }

function filterParams() {
  const form = document.getElementById('filters');
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  return params;
}

function setStatus(id, text, isError) {
  const node = document.getElementById(id);
  node.textContent = text;
  node.classList.toggle('error', Boolean(isError));
}

async function loadEvents() {
  const params = filterParams();
  history.replaceState(null, '', params.toString() ? '?' + params.toString() : location.pathname);
  params.set('limit', PAGE);
  params.set('offset', offset);
  setStatus('status', 'Loading events…');
  const mine = ++generation;
  let body;
  try {
    const resp = await fetch('/api/events?' + params.toString(), {headers: {Accept: 'application/json'}});
    body = await resp.json();
    if (mine !== generation) return;
    if (!resp.ok) { setStatus('status', 'Error: ' + (body.error || resp.status), true); return; }
  } catch (err) {
    setStatus('status', 'Error: the server could not be reached (' + err + ')', true);
    return;
  }
  const events = body.events;
  const first = events.length ? offset + 1 : 0;
  setStatus('status', events.length ? `Events ${first}–${offset + events.length}` + (body.next_offset === null ? '' : ' (more on the next page)')
    : 'No event matches these filters.');
  document.getElementById('page').textContent = `page ${Math.floor(offset / PAGE) + 1}`;
  document.getElementById('prev').disabled = offset === 0;
  document.getElementById('next').disabled = body.next_offset === null;
  renderTable(events);
  renderTimeline(events);
  renderMap(events);
}

function renderTable(events) {
  const tbody = document.querySelector('#events tbody');
  tbody.replaceChildren();
  for (const ev of events) {
    const tr = el('tr', null, {'data-type': ev.type, 'data-status': ev.status});
    const type = el('td');
    const swatch = el('span', null, {class: 'swatch'});
    swatch.style.background = typeColor(ev.type);
    type.append(swatch, el('span', ev.type), ev.mode ? el('span', ' ' + ev.mode, {class: 'mode'}) : '');
    tr.append(type);
    tr.append(el('td', `${names(ev.actors)} → ${names(ev.recipients)}`));
    tr.append(el('td', ev.date ? ev.date.value || ev.date.start : '–'));
    tr.append(el('td', ev.place ? ev.place.name + (ev.place.country ? ` (${ev.place.country})` : '') : '–'));
    tr.append(el('td', ev.status, {class: 'st st-' + ev.status}));
    tr.append(el('td', ev.reports, {class: 'num'}));
    tr.append(el('td', (ev.sources || []).length, {class: 'num', title: (ev.sources || []).join(', ')}));
    const doc = el('td');
    const link = el('a', ev.title || ev.doc, {href: `/doc/${encodeURIComponent(ev.doc)}#${encodeURIComponent(ev.id)}`, class: 'doclink'});
    doc.append(link);
    tr.append(doc);
    tbody.append(tr);
  }
}

function dayOf(ev) {
  const d = (ev.date && (ev.date.start || ev.date.value)) || ev.published;
  return d && /^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : null;
}

function renderTimeline(events) {
  const svg = document.getElementById('timeline');
  svg.replaceChildren();
  const legend = document.getElementById('legend');
  legend.replaceChildren();
  const byDay = new Map();
  for (const ev of events) {
    const day = dayOf(ev);
    if (!day) continue;
    if (!byDay.has(day)) byDay.set(day, new Map());
    const counts = byDay.get(day);
    counts.set(ev.type, (counts.get(ev.type) || 0) + 1);
  }
  if (!byDay.size) { svg.append(svgEl('text', {x: 360, y: 110, 'text-anchor': 'middle', class: 'empty'}, null)); svg.lastChild.textContent = 'No dated event'; return; }
  // One bar per day that has events, in date order (days without events are left out, so
  // reports years apart stay readable); the first, last and a few days between are labelled.
  const days = [...byDay.keys()].sort();
  const left = 30, width = 680, base = 190, height = 170;
  const max = Math.max(...[...byDay.values()].map((m) => [...m.values()].reduce((a, b) => a + b, 0)));
  const slot = width / days.length;
  const bar = Math.max(1, Math.min(40, slot * 0.8));
  svg.append(svgEl('line', {x1: left, y1: base, x2: left + width, y2: base, class: 'axis'}));
  const every = Math.max(1, Math.ceil(days.length / 6));
  days.forEach((day, i) => {
    const x = left + i * slot + (slot - bar) / 2;
    let y = base;
    for (const type of TYPES) {
      const n = byDay.get(day).get(type);
      if (!n) continue;
      const h = (n / max) * height;
      y -= h;
      svg.append(svgEl('rect', {x: x.toFixed(1), y: y.toFixed(1), width: bar.toFixed(1), height: h.toFixed(1), fill: typeColor(type), class: 'bar'}, `${day}: ${n} ${type}`));
    }
    if (i % every === 0 || i === days.length - 1) {
      const t = svgEl('text', {x: (x + bar / 2).toFixed(1), y: base + 16, 'text-anchor': 'middle', class: 'tick'});
      t.textContent = day;
      svg.append(t);
    }
  });
  const top = svgEl('text', {x: left - 4, y: base - height + 4, 'text-anchor': 'end', class: 'tick'});
  top.textContent = String(max);
  svg.append(top);
  for (const type of TYPES) {
    if (![...byDay.values()].some((m) => m.has(type))) continue;
    const item = el('span', type, {class: 'key'});
    const sw = el('span', null, {class: 'swatch'});
    sw.style.background = typeColor(type);
    item.prepend(sw);
    legend.append(item);
  }
}

const W = 720, H = 330, TOP_LAT = 84, BOTTOM_LAT = -58;
function project(lon, lat) {
  return [((lon + 180) / 360) * W, ((TOP_LAT - lat) / (TOP_LAT - BOTTOM_LAT)) * H];
}

function ringPath(ring) {
  return ring.map(([lon, lat], i) => { const [x, y] = project(lon, lat); return (i ? 'L' : 'M') + x.toFixed(1) + ',' + y.toFixed(1); }).join('') + 'Z';
}

async function loadWorld() {
  if (world) return world;
  const resp = await fetch('/static/world-110m.json');
  world = await resp.json();
  return world;
}

async function renderMap(events) {
  const svg = document.getElementById('map');
  let data;
  try { data = await loadWorld(); } catch (err) { svg.replaceChildren(); return; }
  svg.replaceChildren();
  const active = new Set(events.map((ev) => ev.place && ev.place.country).filter(Boolean));
  svg.append(svgEl('rect', {x: 0, y: 0, width: W, height: H, class: 'sea'}));
  for (const c of data.countries) {
    const d = c.rings.map(ringPath).join('');
    svg.append(svgEl('path', {d, class: active.has(c.iso3) ? 'land active' : 'land', 'data-iso3': c.iso3}, c.name));
  }
  const places = new Map();
  for (const ev of events) {
    const p = ev.place;
    if (!p || typeof p.lat !== 'number' || typeof p.lon !== 'number') continue;
    const key = `${p.lat},${p.lon}`;
    if (!places.has(key)) places.set(key, {p, n: 0});
    places.get(key).n += 1;
  }
  for (const {p, n} of places.values()) {
    const [x, y] = project(p.lon, p.lat);
    svg.append(svgEl('circle', {cx: x.toFixed(1), cy: y.toFixed(1), r: (3 + 2 * Math.sqrt(n)).toFixed(1), class: 'place'},
      `${p.name || 'place'}: ${n} event${n > 1 ? 's' : ''}`));
  }
}

async function postReport(evt) {
  evt.preventDefault();
  const doc = {text: document.getElementById('post-text').value};
  for (const name of ['id', 'title', 'date']) {
    const value = document.getElementById('post-' + name).value.trim();
    if (value) doc[name] = value;
  }
  const token = document.getElementById('post-token').value.trim();
  setStatus('post-result', 'Extracting…');
  try {
    const resp = await fetch('/api/documents', {method: 'POST', body: JSON.stringify(doc),
      headers: {'Content-Type': 'application/json', Authorization: 'Bearer ' + token}});
    const body = await resp.json();
    if (!resp.ok) { setStatus('post-result', `Refused (${resp.status}): ${body.error}`, true); return; }
    const result = document.getElementById('post-result');
    result.classList.remove('error');
    result.replaceChildren(el('span', 'Stored: '));
    for (const id of body.stored) result.append(el('a', id, {href: '/doc/' + encodeURIComponent(id)}), ' ');
    for (const e of body.errors) result.append(el('span', ` Not stored: ${e.error}`, {class: 'error'}));
    offset = 0;
    loadEvents();
  } catch (err) {
    setStatus('post-result', 'Error: the server could not be reached (' + err + ')', true);
  }
}

function init() {
  const form = document.getElementById('filters');
  const params = new URLSearchParams(location.search);
  for (const name of FILTERS) if (params.has(name)) form.elements[name].value = params.get(name);
  form.addEventListener('submit', (evt) => { evt.preventDefault(); offset = 0; loadEvents(); });
  document.getElementById('clear').addEventListener('click', () => { form.reset(); offset = 0; loadEvents(); });
  document.getElementById('prev').addEventListener('click', () => { offset = Math.max(0, offset - PAGE); loadEvents(); });
  document.getElementById('next').addEventListener('click', () => { offset += PAGE; loadEvents(); });
  document.getElementById('post').addEventListener('submit', postReport);
  loadEvents();
}

document.addEventListener('DOMContentLoaded', init);
