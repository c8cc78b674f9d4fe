/* starbook study page: flashcards, mock interview (read aloud, recorded answers, my answer) and progress
   (with my answers). Needs theme.js, study-core.js, study-answers.js and study-voice.js first.
   The page holds the cards' index (#study-cards: ids, hashes, deck fields); their texts come in
   chunks, study/cards/<n>.js, loaded when a card of theirs is about to be shown (see output/Cards). */
(function () {
  'use strict';
  const S = window.StarbookStudy;
  const root = document.getElementById('study');
  if (!S || !root) { return; }
  const $ = (id) => document.getElementById(id);
  const data = JSON.parse($('study-cards').textContent);
  const store = new S.Store(Starbook.keys.study(root));
  const categoryTitle = {};
  data.categories.forEach((c) => { categoryTitle[c.slug] = c.title; });
  const cards = readIndex(data);
  const byId = {};
  cards.forEach((c) => { byId[c.id] = c; });

  /* ---------- the cards: an index in the page, their texts in chunks (study/cards/<n>.js) ---------- */
  /** One object per question from the index's arrays; title, star and points come with its chunk. */
  function readIndex(d) {
    const f = d.cards;
    return f.id.map((id, i) => ({
      i: i, id: id, hash: f.hash[i], category: (d.categories[f.category[i]] || {}).slug,
      difficulty: d.difficulties[f.difficulty[i]] || '', tags: f.tags[i].map((t) => d.tagNames[t]),
      href: d.pages + id + '/index.html', loaded: false
    }));
  }

  const chunks = {}; // chunk number -> promise of its texts
  const chunkOf = (c) => Math.floor(c.i / data.chunkSize);

  /** Takes a chunk's texts (pushed by its script) when it belongs to this build. */
  function receive(item) {
    if (!item || item.stamp !== data.stamp) { return; }
    item.cards.forEach((t, k) => {
      const c = cards[item.chunk * data.chunkSize + k];
      if (c && !c.loaded) { c.title = t[0]; c.star = !!t[1]; c.points = t[2]; c.loaded = true; }
    });
  }
  const pushed = Array.isArray(self.STARBOOK_CARDS) ? self.STARBOOK_CARDS : [];
  pushed.forEach(receive); // chunks the page loaded before this script
  self.STARBOOK_CARDS = { push: receive };

  /** Loads chunk n once (a script element: fetch fails from file://); again, past caches, if stale. */
  function loadChunk(n, fresh) {
    return new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = data.chunkDir + n + '.js' + (fresh ? '?v=' + Date.now() : '');
      s.onload = () => {
        s.remove();
        const c = cards[n * data.chunkSize];
        if (!c || c.loaded) { resolve(); } else if (!fresh) { loadChunk(n, true).then(resolve, reject); }
        else { reject(new Error('stale')); }
      };
      s.onerror = () => { s.remove(); reject(new Error('failed')); };
      document.head.appendChild(s);
    });
  }

  /** Resolves once the card's texts are there (at once when they are). */
  function need(c) {
    if (!c || c.loaded) { return Promise.resolve(); }
    const n = chunkOf(c);
    if (!chunks[n]) {
      chunks[n] = loadChunk(n, false);
      chunks[n].catch(() => { delete chunks[n]; }); // a later card may try again
    }
    return chunks[n];
  }

  function prefetch(c) { need(c).catch(() => {}); }

  const VIEWS = ['cards', 'mock', 'progress'];
  let view = 'cards';

  /* ---------- deck filter ---------- */
  const filter = $('deck-filter');

  function deckSettings() {
    return {
      category: filter.elements.category.value, tag: filter.elements.tag.value,
      difficulty: filter.elements.difficulty.value, cram: filter.elements.cram.checked
    };
  }

  function deck() {
    const f = deckSettings();
    return cards.filter((c) => (!f.category || c.category === f.category)
      && (!f.tag || c.tags.indexOf(f.tag) >= 0) && (!f.difficulty || c.difficulty === f.difficulty));
  }

  function restoreSettings() {
    const s = store.load().settings || {};
    const d = s.deck || {};
    ['category', 'tag', 'difficulty'].forEach((k) => {
      const select = filter.elements[k];
      if (d[k] && Array.prototype.some.call(select.options, (o) => o.value === d[k])) {
        select.value = d[k];
      }
    });
    filter.elements.cram.checked = !!d.cram;
    const form = $('mock-setup');
    if (s.mockCount >= 1 && s.mockCount <= 20) { form.elements.count.value = s.mockCount; }
    if (s.mockMinutes >= 0.25 && s.mockMinutes <= 30) { form.elements.minutes.value = s.mockMinutes; }
    $('retention-form').elements.retention.value = Math.round(S.retention(s) * 100);
  }

  /* ---------- desired retention (progress view) ---------- */
  const retentionForm = $('retention-form');

  function applyRetention() {
    const input = retentionForm.elements.retention;
    const stored = S.retention(store.load().settings);
    let percent = Math.round(+input.value);
    if (input.value === '' || !isFinite(percent)) { percent = Math.round(stored * 100); }
    percent = Math.min(Math.round(S.FSRS.maxRetention * 100), Math.max(Math.round(S.FSRS.minRetention * 100), percent));
    input.value = percent;
    store.update((d) => { d.settings.retention = percent / 100; });
    $('retention-status').textContent = 'Intervals now aim at ' + percent + ' % recall.';
  }

  retentionForm.addEventListener('change', applyRetention);
  retentionForm.addEventListener('submit', (e) => {
    e.preventDefault();
    applyRetention();
  });

  filter.addEventListener('change', () => {
    store.update((d) => { d.settings.deck = deckSettings(); });
    newSession();
    if (view === 'progress') { renderProgress(); }
  });
  filter.addEventListener('submit', (e) => e.preventDefault());

  /* ---------- shared bits ---------- */
  function metaLine(c) {
    return [categoryTitle[c.category] || c.category, c.difficulty, c.star ? 'STAR story' : '']
      .filter(Boolean).join(' · ');
  }

  function pointsOf(c) {
    const t = document.createElement('template');
    t.innerHTML = c.points;
    return t.content;
  }

  function clock(seconds) {
    const s = Math.max(0, Math.round(seconds));
    return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  }

  /* ---------- flashcards ---------- */
  let current = null; // the card on screen
  let queue = []; // due cards (oldest first), then new ones, then with "Every card" the others
  let learning = []; // cards in a learning step: { card, at }, back when their minutes are up
  let flipped = false;
  const card = $('card');

  /** The next card: a learning card whose time has come, else the queue, else the next learning card. */
  function advance() {
    learning.sort((a, b) => a.at - b.at);
    const ready = learning.length && (learning[0].at <= Date.now() || !queue.length);
    current = ready ? learning.shift().card : queue.shift() || null;
    showCard();
  }

  function newSession() {
    const now = S.today();
    const saved = store.load().cards;
    const cram = deckSettings().cram;
    const due = [], fresh = [], later = [];
    deck().forEach((c) => {
      const st = S.state(saved[c.id], c.hash, now);
      if (st === 'due' || st === 'changed') { due.push(c); }
      else if (st === 'new') { fresh.push(c); }
      else if (cram) { later.push(c); }
    });
    due.sort((a, b) => (saved[a.id].due < saved[b.id].due ? -1 : saved[a.id].due > saved[b.id].due ? 1 : 0));
    queue = due.concat(fresh, later);
    learning = [];
    advance();
  }

  function showCard() {
    const c = current;
    flipped = false;
    $('card-back').hidden = true;
    $('card-grades').hidden = true;
    $('deck-done').hidden = !!c;
    card.hidden = !c;
    $('flip').hidden = !c;
    count();
    if (!c) { card.removeAttribute('data-id'); return; }
    const stored = store.load().cards[c.id];
    const st = S.state(stored, c.hash, S.today());
    card.setAttribute('data-id', c.id);
    card.setAttribute('data-state', st);
    card.setAttribute('aria-busy', String(!c.loaded));
    $('flip').disabled = !c.loaded;
    $('card-meta').textContent = metaLine(c);
    $('card-question').textContent = c.loaded ? c.title : 'Loading the question…';
    $('card-state').textContent = st === 'new' ? 'New card'
      : st === 'changed' ? 'The answer changed since you learned it' : S.describe(stored, c.hash, S.today());
    $('card-points').replaceChildren(c.loaded ? pointsOf(c) : '');
    $('card-link').href = c.href;
    if (!c.loaded) {
      need(c).then(() => { if (current === c && !flipped) { showCard(); } }, () => {
        if (current === c) { $('card-question').textContent = 'This card could not be loaded. Reload the page to try again.'; }
      });
    }
    prefetch(queue[0]); // the next card
  }

  function count() {
    const now = S.today();
    const saved = store.load().cards;
    let due = 0, fresh = 0;
    const left = (current ? [current] : []).concat(queue, learning.map((l) => l.card));
    left.forEach((c) => {
      const st = S.state(saved[c.id], c.hash, now);
      if (st === 'new') { fresh++; } else if (st === 'due' || st === 'changed') { due++; }
    });
    $('deck-count').textContent = left.length === 0 ? 'No cards to review.'
      : S.plural(left.length, 'card') + ' to go: ' + due + ' due, ' + fresh + ' new.';
  }

  function flip() {
    if (!current || !current.loaded) { return; }
    flipped = !flipped;
    $('card-back').hidden = !flipped;
    $('card-grades').hidden = !flipped;
    $('flip').hidden = flipped;
    card.classList.toggle('flipped', flipped);
    if (flipped) { // each button says when the card would come back
      const d = store.load();
      const now = S.today();
      $('card-grades').querySelectorAll('button').forEach((b) => {
        const g = +b.getAttribute('data-grade');
        const p = S.plan(d.cards[current.id], g, current.hash, now, S.retention(d.settings));
        b.querySelector('small').textContent = S.label(p);
      });
    }
    card.focus({ preventScroll: true });
  }

  function gradeCard(g) {
    const c = current;
    if (!c) { return; }
    let p = null;
    store.update((d) => {
      p = S.plan(d.cards[c.id], g, c.hash, S.today(), S.retention(d.settings));
      d.cards[c.id] = p.card;
    });
    if (p.minutes) { learning.push({ card: c, at: Date.now() + p.minutes * 60000 }); }
    advance();
    card.focus({ preventScroll: true });
  }

  $('flip').addEventListener('click', flip);

  /* Tap the card's front, or swipe it sideways, to turn it (phones). */
  let swipe = null;
  card.addEventListener('click', (e) => {
    if (flipped || e.target.closest('a, button, input, select, textarea')) { return; }
    if (window.getSelection && String(window.getSelection())) { return; } // selecting text
    flip();
  });
  card.addEventListener('pointerdown', (e) => {
    swipe = e.pointerType === 'mouse' ? null : { x: e.clientX, y: e.clientY };
  });
  card.addEventListener('pointercancel', () => { swipe = null; });
  card.addEventListener('pointerup', (e) => {
    if (!swipe) { return; }
    const dx = e.clientX - swipe.x, dy = e.clientY - swipe.y;
    swipe = null;
    if (Math.abs(dx) >= 50 && Math.abs(dx) > 2 * Math.abs(dy)) { flip(); }
  });
  $('card-grades').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-grade]');
    if (b) { gradeCard(+b.getAttribute('data-grade')); }
  });

  document.addEventListener('keydown', (e) => {
    if (view !== 'cards' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || e.repeat) {
      return;
    }
    const t = e.target;
    if (t.closest && t.closest('input, select, textarea, [contenteditable="true"]')) { return; }
    if (e.key === ' ' || e.key === 'Spacebar') {
      if (t.closest && t.closest('button, a, summary')) { return; } // they act on Space themselves
      e.preventDefault();
      flip();
    } else if (flipped && /^[1-4]$/.test(e.key)) {
      e.preventDefault();
      gradeCard(+e.key);
    }
  });

  /* ---------- mock interview ---------- */
  let mock = null;

  function shuffled(list) {
    const a = list.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }

  $('mock-setup').addEventListener('submit', (e) => {
    e.preventDefault();
    const form = e.target;
    const n = Math.min(20, Math.max(1, Math.round(+form.elements.count.value || 1)));
    const minutes = Math.min(30, Math.max(0.25, +form.elements.minutes.value || 2));
    store.update((d) => { d.settings.mockCount = n; d.settings.mockMinutes = minutes; });
    const list = shuffled(deck()).slice(0, n);
    if (!list.length) {
      $('mock-status').textContent = 'No questions match the deck filter.';
      return;
    }
    $('mock-status').textContent = '';
    mock = { list: list, i: 0, limit: Math.round(minutes * 60), results: [] };
    $('mock-summary').hidden = true;
    form.hidden = true;
    ask();
  });

  /* ---------- spoken mock interview ---------- */
  const V = S.voice;
  const takes = V ? new V.Takes(store.key) : null;
  const recorder = takes ? new V.Recorder(takes) : null;
  const answers = new S.AnswerStore(store.key);
  let takeUrl = null;
  let answerEditor = null;

  function voiceControls() {
    const speakProblem = V ? V.speechProblem() : 'Reading aloud is not available.';
    $('mock-speak').disabled = !!speakProblem;
    $('mock-speak-status').textContent = speakProblem;
    const recordProblem = V ? V.recordProblem() : 'Recording is not available.';
    $('mock-record').disabled = !!recordProblem;
    $('mock-record-status').textContent = recordProblem;
    $('mock-record').textContent = 'Record my answer';
    $('mock-record').setAttribute('aria-pressed', 'false');
  }

  $('mock-speak').addEventListener('click', () => {
    if (!mock) { return; }
    V.speak(mock.list[mock.i].title, (problem) => {
      $('mock-speak-status').textContent = problem || 'Reading the question aloud…';
    });
  });

  $('mock-record').addEventListener('click', () => {
    if (!mock || !recorder) { return; }
    const button = $('mock-record');
    if (recorder.recording()) { finishRecording(); return; }
    button.disabled = true;
    recorder.start(mock.list[mock.i].id).then(() => {
      button.disabled = false;
      button.textContent = 'Stop recording';
      button.setAttribute('aria-pressed', 'true');
      $('mock-record-status').textContent = 'Recording… it stays on this device.';
    }, (err) => {
      button.disabled = false;
      $('mock-record-status').textContent = err.message;
    });
  });

  /** Stops a recording in progress; resolves once the take is stored (or at once). */
  function finishRecording() {
    if (!recorder || !recorder.recording()) { return Promise.resolve(null); }
    $('mock-record').textContent = 'Record my answer';
    $('mock-record').setAttribute('aria-pressed', 'false');
    $('mock-record-status').textContent = 'Saving the recording…';
    return recorder.stop().then((take) => {
      $('mock-record-status').textContent = take ? 'Recording saved on this device.' : 'Nothing was recorded.';
      return take;
    });
  }

  function clearTake() {
    if (takeUrl) { URL.revokeObjectURL(takeUrl); takeUrl = null; }
    const audio = $('mock-audio');
    audio.pause();
    audio.removeAttribute('src');
    $('mock-take').hidden = true;
  }

  /** Shows the question's stored take, if any, beside the checklist. */
  function showTake(id) {
    clearTake();
    $('mock-take-status').textContent = '';
    if (!takes) { return Promise.resolve(); }
    return takes.get(id).then((take) => {
      if (!take || !take.blob || !mock || $('mock-review').getAttribute('data-id') !== id) { return; }
      takeUrl = URL.createObjectURL(take.blob);
      const audio = $('mock-audio');
      audio.onerror = () => {
        $('mock-take-status').textContent = 'This page cannot play the recording back'
          + ' (its security policy must allow media from blob: URLs).';
      };
      audio.src = takeUrl;
      $('mock-take').setAttribute('data-seconds', take.seconds);
      $('mock-take').hidden = false;
    }, () => {
      $('mock-take-status').textContent = 'Could not read the recording from this browser’s storage.';
    });
  }

  $('mock-take-delete').addEventListener('click', () => {
    const id = $('mock-review').getAttribute('data-id');
    if (!takes || !id) { return; }
    takes.remove(id).then(() => {
      clearTake();
      $('mock-take-status').textContent = 'Recording deleted.';
    }, () => {
      $('mock-take-status').textContent = 'Could not delete the recording.';
    });
  });

  /** Asks the current question once its text is there (its chunk may still be loading). */
  function ask() {
    const c = mock.list[mock.i];
    if (!c.loaded) {
      $('mock-review').hidden = true;
      $('mock-run').hidden = true;
      $('mock-status').textContent = 'Loading the question…';
      need(c).then(() => { if (mock && mock.list[mock.i] === c) { $('mock-status').textContent = ''; ask(); } },
        () => { if (mock && mock.list[mock.i] === c) { $('mock-status').textContent = 'This question could not be loaded. Reload the page to try again.'; } });
      return;
    }
    prefetch(mock.list[mock.i + 1]);
    voiceControls();
    clearTake();
    mock.start = Date.now();
    mock.elapsed = 0;
    $('mock-run').setAttribute('data-id', c.id);
    $('mock-meta').textContent = 'Question ' + (mock.i + 1) + ' of ' + mock.list.length + ' · ' + metaLine(c);
    $('mock-question').textContent = c.title;
    $('mock-bar').max = mock.limit;
    $('mock-review').hidden = true;
    $('mock-run').hidden = false;
    tick();
    mock.timer = window.setInterval(tick, 250);
    $('mock-stop').focus({ preventScroll: true });
  }

  function tick() {
    const left = mock.limit - (Date.now() - mock.start) / 1000;
    $('mock-timer').textContent = clock(Math.ceil(Math.max(0, left)));
    $('mock-bar').value = Math.max(0, left);
    $('mock-run').classList.toggle('hurry', left <= Math.min(30, mock.limit / 4));
    if (left <= 0) { stop(true); }
  }

  function stop(timeUp) {
    window.clearInterval(mock.timer);
    if (V) { V.stopSpeaking(); }
    const c = mock.list[mock.i];
    mock.elapsed = Math.min(mock.limit, (Date.now() - mock.start) / 1000);
    $('mock-run').hidden = true;
    $('mock-review-question').textContent = c.title;
    $('mock-took').textContent = timeUp ? 'Time’s up (' + clock(mock.limit) + ').'
      : 'You answered in ' + clock(mock.elapsed) + ' of ' + clock(mock.limit) + '.';
    const box = $('mock-points');
    box.replaceChildren();
    const content = pointsOf(c);
    let items = Array.prototype.slice.call(content.querySelectorAll('li'))
      .filter((li) => !li.parentElement.closest('li'));
    if (!items.length) {
      const p = document.createElement('span');
      p.textContent = 'I covered the main points of the model answer';
      items = [p];
    }
    items.forEach((li, i) => {
      const label = document.createElement('label');
      const box1 = document.createElement('input');
      box1.type = 'checkbox';
      box1.name = 'point' + i;
      label.appendChild(box1);
      const span = document.createElement('span');
      span.innerHTML = li.innerHTML;
      label.appendChild(span);
      box.appendChild(label);
    });
    $('mock-link').href = c.href;
    $('mock-review').setAttribute('data-id', c.id);
    $('mock-review').hidden = false;
    answerEditor = S.answerEditor ? S.answerEditor($('mock-answer'), answers, c) : null;
    finishRecording().then(() => showTake(c.id));
    suggest();
    const first = box.querySelector('input');
    if (first) { first.focus({ preventScroll: true }); }
  }

  function covered() {
    const boxes = $('mock-points').querySelectorAll('input');
    return { n: Array.prototype.filter.call(boxes, (b) => b.checked).length, of: boxes.length };
  }

  /** Suggests a grade from the share of key points covered; the reader still chooses. */
  function suggest() {
    const k = covered();
    const share = k.of ? k.n / k.of : 0;
    const g = share >= 0.9 ? 4 : share >= 0.6 ? 3 : share >= 0.3 ? 2 : 1;
    $('mock-grades').querySelectorAll('button').forEach((b) => {
      const on = +b.getAttribute('data-grade') === g;
      b.classList.toggle('suggested', on);
      let tip = b.querySelector('small');
      if (on && !tip) {
        tip = document.createElement('small');
        tip.textContent = 'suggested';
        b.appendChild(tip);
      } else if (!on && tip) {
        tip.remove();
      }
    });
  }

  $('mock-points').addEventListener('change', suggest);
  $('mock-stop').addEventListener('click', () => stop(false));
  $('mock-grades').addEventListener('click', (e) => {
    const b = e.target.closest('button[data-grade]');
    if (!b || !mock) { return; }
    const g = +b.getAttribute('data-grade');
    const c = mock.list[mock.i];
    const k = covered();
    if (answerEditor) { answerEditor.flush(); }
    clearTake();
    const now = S.today();
    const result = { id: c.id, date: now, seconds: Math.round(mock.elapsed), limit: mock.limit,
      covered: k.n, points: k.of, grade: g };
    store.update((d) => {
      d.cards[c.id] = S.schedule(d.cards[c.id], g, c.hash, now, S.retention(d.settings));
      d.mocks.push(result);
      d.mocks = d.mocks.slice(-200);
    });
    mock.results.push({ card: c, result: result });
    mock.i++;
    if (mock.i < mock.list.length) { ask(); } else { summary(); }
  });

  function summary() {
    $('mock-review').hidden = true;
    const list = $('mock-results');
    list.replaceChildren();
    mock.results.forEach((r) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = r.card.href;
      a.textContent = r.card.title;
      li.appendChild(a);
      li.appendChild(document.createTextNode(' · ' + S.GRADES[r.result.grade].name + ', '
        + r.result.covered + ' of ' + r.result.points + ' key points, ' + clock(r.result.seconds)));
      list.appendChild(li);
    });
    $('mock-summary').hidden = false;
    $('mock-again').focus({ preventScroll: true });
  }

  $('mock-again').addEventListener('click', () => {
    $('mock-summary').hidden = true;
    $('mock-took').textContent = '';
    $('mock-setup').hidden = false;
    mock = null;
  });

  /* ---------- progress ---------- */
  /** How the reader stands over the whole guide (total) and per category (rows, in guide order). */
  function countProgress(d, now) {
    const total = { due: 0, learned: 0, fresh: 0, changed: 0 };
    const rows = data.categories.map((cat) => ({ cat: cat, due: 0, learned: 0, later: 0, fresh: 0, all: 0 }));
    const rowOf = {};
    rows.forEach((r) => { rowOf[r.cat.slug] = r; });
    cards.forEach((c) => {
      const stored = d.cards[c.id];
      const st = S.state(stored, c.hash, now);
      const r = rowOf[c.category];
      r.all++;
      if (S.learned(stored)) { total.learned++; }
      if (st === 'changed') { total.changed++; }
      if (st === 'due' || st === 'changed') { total.due++; r.due++; }
      else if (st === 'new') { total.fresh++; r.fresh++; }
      else if (S.learned(stored)) { r.learned++; }
      else { r.later++; }
    });
    return { total: total, rows: rows };
  }

  /** One figure of the summary: <div data-stat><dt>label</dt><dd>value</dd></div>. */
  function statItem(label, value, name) {
    const div = document.createElement('div');
    div.setAttribute('data-stat', name);
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value;
    div.append(dt, dd);
    return div;
  }

  function renderStats(total, mockCount) {
    $('progress-stats').replaceChildren(
      statItem('Due today', total.due, 'due'),
      statItem('Learned', total.learned + ' of ' + cards.length, 'learned'),
      statItem('New', total.fresh, 'new'),
      statItem('Answer changed', total.changed, 'changed'),
      statItem('Mock answers', mockCount, 'mocks'));
  }

  /** A category's bar: one segment per non-empty share, sized by its part of the category. */
  function categoryBar(r) {
    const bar = document.createElement('span');
    bar.className = 'bar';
    bar.setAttribute('role', 'img');
    const text = r.learned + ' learned, ' + r.due + ' due, ' + r.later + ' scheduled, ' + r.fresh + ' new';
    bar.setAttribute('aria-label', r.cat.title + ': ' + text);
    [['learned', r.learned], ['due', r.due], ['later', r.later], ['fresh', r.fresh]].forEach(([name, n]) => {
      if (!n) { return; }
      const seg = document.createElement('span');
      seg.className = 'seg ' + name;
      seg.style.width = (100 * n / r.all) + '%';
      bar.appendChild(seg);
    });
    return bar;
  }

  /** A category's line: its name, its bar and "learned/all · due". */
  function categoryRow(r) {
    const li = document.createElement('li');
    li.setAttribute('data-category', r.cat.slug);
    const name = document.createElement('span');
    name.className = 'bar-name';
    name.textContent = r.cat.title;
    const num = document.createElement('span');
    num.className = 'bar-count';
    num.textContent = r.learned + '/' + r.all + (r.due ? ' · ' + r.due + ' due' : '');
    li.append(name, categoryBar(r), num);
    return li;
  }

  function renderBars(rows) {
    $('progress-bars').replaceChildren(...rows.filter((r) => r.all).map(categoryRow));
  }

  function renderAnswers(message) {
    const n = S.answerList($('my-answers'), answers, (id) => (byId[id] ? byId[id].href : null), (msg) => renderAnswers(msg));
    $('export-answers').disabled = !n;
    $('answers-status').textContent = message || '';
  }

  $('export-answers').addEventListener('click', () => {
    const text = answers.exportText(S.today());
    S.download(text, 'starbook-answers.json');
    const n = Object.keys(JSON.parse(text).answers).length;
    $('answers-status').textContent = 'Exported ' + S.plural(n, 'answer') + ' as starbook-answers.json.';
  });

  /** The export reminder, shown when the browser declined to keep the site's storage for good. */
  function renderPersistence() {
    const note = $('persist-note');
    if (!note || !self.Starbook.persistence) { return; }
    self.Starbook.persistence().then((state) => { note.hidden = state !== 'refused'; });
  }

  function renderProgress() {
    renderPersistence();
    if (S.answerList) { renderAnswers(); }
    const d = store.load();
    const counts = countProgress(d, S.today());
    renderStats(counts.total, d.mocks.length);
    renderBars(counts.rows);
  }

  $('export').addEventListener('click', () => {
    const d = store.load();
    d.exported = S.today();
    const blob = new Blob([JSON.stringify(d, null, 2) + '\n'], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'starbook-progress-' + S.today() + '.json';
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    $('transfer-status').textContent = 'Exported progress for '
      + S.plural(Object.keys(d.cards).length, 'question') + '.';
  });

  $('import').addEventListener('change', (e) => {
    const input = e.target;
    const file = input.files && input.files[0];
    if (!file) { return; }
    file.text().then((text) => {
      const incoming = S.parse(text);
      input.value = '';
      if (!incoming) {
        $('transfer-status').textContent = 'That file is not a starbook progress export; nothing changed.';
        return;
      }
      let taken = 0, kept = 0;
      store.update((d) => {
        Object.keys(incoming.cards).forEach((id) => {
          const mine = d.cards[id], theirs = incoming.cards[id];
          if (!mine || !mine.last || (theirs.last && theirs.last >= mine.last)) {
            d.cards[id] = theirs;
            taken++;
          } else {
            kept++;
          }
        });
        const seen = new Set(d.mocks.map((m) => JSON.stringify(m)));
        incoming.mocks.forEach((m) => { if (!seen.has(JSON.stringify(m))) { d.mocks.push(m); } });
        d.mocks = d.mocks.slice(-200);
      });
      $('transfer-status').textContent = 'Imported progress for ' + S.plural(taken, 'question') + '.'
        + (kept ? ' Kept your newer progress for ' + kept + '.' : '');
      newSession();
      renderProgress();
    }, () => {
      $('transfer-status').textContent = 'Could not read that file; nothing changed.';
    });
  });

  /* ---------- views ---------- */
  const tabs = root.querySelector('.study-tabs');

  function route() {
    const wanted = window.location.hash.slice(1);
    view = VIEWS.indexOf(wanted) >= 0 ? wanted : 'cards';
    VIEWS.forEach((v) => { $(v).hidden = v !== view; });
    filter.hidden = view === 'progress'; // progress covers the whole guide
    tabs.querySelectorAll('a').forEach((a) => {
      if (a.getAttribute('data-view') === view) { a.setAttribute('aria-current', 'page'); }
      else { a.removeAttribute('aria-current'); }
    });
    if (view === 'progress') { renderProgress(); }
    if (view === 'cards') { showCard(); }
  }

  tabs.addEventListener('click', (e) => {
    const a = e.target.closest('a[data-view]');
    if (!a) { return; }
    e.preventDefault();
    try {
      window.history.replaceState(null, '', '#' + a.getAttribute('data-view'));
    } catch (err) {
      window.location.hash = a.getAttribute('data-view'); // route() runs on hashchange
      return;
    }
    route();
  });
  window.addEventListener('hashchange', route);
  window.addEventListener('storage', (e) => {
    if (e.key === store.key && !mock) { newSession(); if (view === 'progress') { renderProgress(); } }
    if (e.key === answers.key && view === 'progress') { renderProgress(); }
  });

  store.load(); // migrates older progress
  if (!store.writable()) {
    const note = document.createElement('p');
    note.className = 'study-note';
    note.textContent = 'This browser does not let the page store anything, so progress will not be kept.';
    tabs.before(note);
  }
  restoreSettings();
  tabs.hidden = false;
  newSession();
  route();
})();
