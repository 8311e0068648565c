// The logpipe search page: plain JavaScript, no build step. The API key stays in this
// tab (sessionStorage) and goes only in the Authorization header, never in a URL.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { next: null, tail: null };

function key() {
  return sessionStorage.getItem('logpipe.key') || '';
}

function params(extra) {
  const p = new URLSearchParams();
  const add = (name, value) => { if (value) p.set(name, value); };
  add('q', $('q').value.trim());
  add('service', $('service').value.trim());
  add('level', $('level').value);
  add('host', $('host').value.trim());
  add('trace_id', $('trace').value.trim());
  Object.entries(extra || {}).forEach(([name, value]) => add(name, value));
  return p;
}

function showError(problem) {
  const box = $('error');
  box.textContent = problem ? (problem.title || 'Error') + ': ' + (problem.detail || '') : '';
  box.hidden = !problem;
}

async function search(cursor) {
  showError(null);
  const p = params({ from: $('range').value, size: '100', cursor: cursor });
  const response = await fetch('/api/v1/search?' + p, { headers: { Authorization: 'Bearer ' + key() } });
  const body = await response.json();
  if (!response.ok) {
    showError(body);
    return;
  }
  if (!cursor) {
    $('results').replaceChildren();
    summary(body);
    histogram(body.histogram);
  }
  body.documents.forEach((doc) => $('results').append(row(doc, false)));
  state.next = body.next;
  $('more').hidden = !body.next;
}

function summary(body) {
  const parts = [el('span', 'count', body.total + (body.totalIsLowerBound ? '+' : '') + ' documents')];
  Object.entries(body.levels).forEach(([level, count]) => parts.push(el('span', 'count level-' + level, level + ' ' + count)));
  $('summary').replaceChildren(...parts);
}

function histogram(h) {
  const max = Math.max(1, ...h.buckets.map((b) => b.count));
  $('histogram').replaceChildren(...h.buckets.map((b) => {
    const bar = el('div', '', '');
    bar.style.height = (100 * b.count / max) + '%';
    bar.title = b.start + ': ' + b.count;
    return bar;
  }));
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.textContent = text; // never innerHTML: documents are the tenants' data
  return node;
}

function row(doc, arrived) {
  const level = (doc.log && doc.log.level) || '';
  const li = document.createElement('li');
  li.className = arrived ? 'new' : '';
  li.dataset.id = (doc.event && doc.event.id) || '';
  li.append(el('span', 'time', doc['@timestamp'] || ''), el('span', 'level level-' + level, level || '-'),
    el('span', 'service', (doc.service && doc.service.name) || ''), el('span', 'message', doc.message || ''));
  li.addEventListener('click', () => {
    const open = li.querySelector('pre');
    if (open) open.remove(); else li.append(el('pre', '', JSON.stringify(doc, null, 2)));
  });
  return li;
}

// EventSource cannot send an Authorization header, so the tail is read with fetch and
// its Server-Sent Events are split here.
async function startTail() {
  stopTail();
  showError(null);
  const controller = new AbortController();
  state.tail = controller;
  const response = await fetch('/api/v1/tail?' + params(), {
    headers: { Authorization: 'Bearer ' + key(), Accept: 'text/event-stream' }, signal: controller.signal });
  if (!response.ok) {
    showError(await response.json());
    $('live').checked = false;
    return;
  }
  $('results').dataset.live = 'connecting';
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        event(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  } catch (e) {
    // aborted by the switch
  }
  if (state.tail === controller) {
    $('live').checked = false;
    delete $('results').dataset.live;
  }
}

function event(block) {
  let name = 'message';
  const data = [];
  block.split('\n').forEach((line) => {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5));
  });
  if (name === 'ready') {
    $('results').dataset.live = 'on';
  } else if (name === 'log') {
    $('results').prepend(row(JSON.parse(data.join('\n')), true));
  } else if (name === 'dropped') {
    const dropped = JSON.parse(data.join('\n')).dropped;
    $('results').prepend(el('li', 'dropped', dropped + ' documents not shown: the page fell behind'));
  }
}

function stopTail() {
  if (state.tail) state.tail.abort();
  state.tail = null;
  delete $('results').dataset.live;
}

$('key-form').addEventListener('submit', (e) => {
  e.preventDefault();
  sessionStorage.setItem('logpipe.key', $('key').value.trim());
  $('key').value = '';
  $('key-state').textContent = 'key set';
  search();
});
$('search-form').addEventListener('submit', (e) => { e.preventDefault(); search(); if ($('live').checked) startTail(); });
$('more').addEventListener('click', () => search(state.next));
$('live').addEventListener('change', () => { if ($('live').checked) startTail(); else stopTail(); });
if (key()) $('key-state').textContent = 'key set';
