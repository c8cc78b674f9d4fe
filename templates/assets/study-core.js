/*
 * starbook study mode: progress storage and FSRS-6 scheduling, shared by the study page and the
 * question pages. Plain classic script so the site also works from file://.
 */
(function () {
  'use strict';
  const FORMAT = 'starbook-progress';
  const VERSION = 2;
  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  const GRADES = { 1: { name: 'Again' }, 2: { name: 'Hard' }, 3: { name: 'Good' }, 4: { name: 'Easy' } };
  const STATES = ['new', 'learning', 'review', 'relearning'];
  const KNOWN_DAYS = 30;

  const pad = (n) => (n < 10 ? '0' : '') + n;

  /** Today's date in the reader's time zone, as YYYY-MM-DD. */
  function today() {
    const d = new Date();
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }

  function addDays(date, days) {
    const p = date.split('-');
    const d = new Date(Date.UTC(+p[0], +p[1] - 1, +p[2] + days));
    return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate());
  }

  function daysBetween(from, to) {
    const a = from.split('-'), b = to.split('-');
    return Math.round((Date.UTC(+b[0], +b[1] - 1, +b[2]) - Date.UTC(+a[0], +a[1] - 1, +a[2])) / 864e5);
  }

  /* ---------- FSRS-6 ---------- */

  /*
   * The published FSRS-6 default parameters w0..w20 (open-spaced-repetition: ts-fsrs default_w,
   * w20 = FSRS6_DEFAULT_DECAY; the same list in py-fsrs and fsrs-rs). The formulas below follow
   * ts-fsrs 5.x with fuzz off, including its rounding to 8 decimals, so that both give the same
   * intervals day for day (FsrsBrowserTest checks this against ts-fsrs's own numbers).
   */
  const W = Object.freeze([0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722,
    0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542]);
  const FSRS = Object.freeze({
    w: W, retention: 0.9, minRetention: 0.8, maxRetention: 0.97, maximumInterval: 36500,
    learningSteps: Object.freeze([1, 10]), relearningSteps: Object.freeze([10]) // minutes
  });
  const S_MIN = 0.001, S_MAX = 36500;
  const DECAY = -W[20];
  const round8 = (x) => Math.round(x * 1e8) / 1e8;
  const clamp = (x, lo, hi) => Math.min(Math.max(x, lo), hi);
  /* FACTOR makes R(S, S) = 90 %: stability is the interval after which recall drops to 90 %. */
  const FACTOR = round8(Math.exp(Math.log(0.9) / DECAY) - 1);

  /** Retrievability: the chance to recall a card of stability s after t days (forgetting curve). */
  function retrievability(t, s) {
    return round8(Math.pow(1 + FACTOR * t / s, DECAY));
  }

  /** Days until retrievability falls to the desired retention, at least 1, at most 100 years. */
  function interval(s, retention) {
    const modifier = round8((Math.pow(retention, 1 / DECAY) - 1) / FACTOR);
    return Math.min(Math.max(1, Math.round(s * modifier)), FSRS.maximumInterval);
  }

  const initStability = (g) => Math.max(W[g - 1], 0.1);
  const initDifficulty = (g) => round8(W[4] - Math.exp((g - 1) * W[5]) + 1);

  /** Difficulty after a grade: linear damping towards 10, then mean reversion towards D0(Easy). */
  function nextDifficulty(d, g) {
    const next = d + round8(-W[6] * (g - 3) * (10 - d) / 9);
    return clamp(round8(W[7] * initDifficulty(4) + (1 - W[7]) * next), 1, 10);
  }

  /** Stability after a successful recall (Hard, Good, Easy) at retrievability r. */
  function recallStability(d, s, r, g) {
    const hard = g === 2 ? W[15] : 1, easy = g === 4 ? W[16] : 1;
    return round8(clamp(s * (1 + Math.exp(W[8]) * (11 - d) * Math.pow(s, -W[9])
      * (Math.exp((1 - r) * W[10]) - 1) * hard * easy), S_MIN, S_MAX));
  }

  /** Stability after forgetting (Again), never above what a same-day lapse would leave. */
  function forgetStability(d, s, r) {
    const after = round8(clamp(W[11] * Math.pow(d, -W[12]) * (Math.pow(s + 1, W[13]) - 1)
      * Math.exp((1 - r) * W[14]), S_MIN, S_MAX));
    return Math.min(Math.max(round8(s / Math.exp(W[17] * W[18])), S_MIN), after);
  }

  /** Stability after a review on the same day as the last one (learning steps, cramming). */
  function shortTermStability(s, g) {
    const sinc = Math.pow(s, -W[19]) * Math.exp(W[17] * (g - 3 + W[18]));
    return round8(clamp(s * (g >= 2 ? Math.max(sinc, 1) : sinc), S_MIN, S_MAX));
  }

  /** The memory state (difficulty, stability) after grade g, t days after the last review. */
  function nextState(memory, t, g) {
    if (!memory) { return { difficulty: clamp(initDifficulty(g), 1, 10), stability: initStability(g) }; }
    const d = memory.difficulty, s = memory.stability;
    const r = retrievability(t, s);
    const stability = t === 0 ? shortTermStability(s, g)
      : g === 1 ? forgetStability(d, s, r) : recallStability(d, s, r, g);
    return { difficulty: nextDifficulty(d, g), stability: stability };
  }

  /**
   * The learning steps (ts-fsrs's defaults and rules): a new card goes 1 min (Again), 6 min (Hard),
   * 10 min (Good); a lapsed card relearns for 10 min. null: the card graduates to days.
   */
  function step(state, at, g) {
    const steps = state === 'review' || state === 'relearning' ? FSRS.relearningSteps : FSRS.learningSteps;
    if (at >= steps.length) { return null; }
    if (state === 'review') { return g === 1 ? { minutes: steps[at], next: 0 } : null; }
    if (g === 1) { return { minutes: steps[0], next: 0 }; }
    if (g === 2) {
      return { minutes: Math.round(steps.length === 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2), next: at };
    }
    return g === 3 && at + 1 < steps.length ? { minutes: steps[at + 1], next: at + 1 } : null;
  }

  const copy = (o) => Object.assign({}, o);

  /** A review card's Hard, Good and Easy intervals in days, always Hard < Good < Easy. */
  function reviewDays(states, retention) {
    const hard = Math.min(interval(states[2].stability, retention), interval(states[3].stability, retention));
    const good = Math.max(interval(states[3].stability, retention), hard + 1);
    return { 2: hard, 3: good, 4: Math.max(interval(states[4].stability, retention), good + 1) };
  }

  /**
   * What grading a card does: { card, minutes, days }. minutes > 0 is a learning step (the card is
   * due again today, after that many minutes); otherwise it is due in `days` days.
   */
  function plan(card, grade, hash, now, retention) {
    if (!GRADES[grade]) { throw new Error('grade must be 1-4'); }
    const c = card || {};
    const state = STATES.indexOf(c.state) > 0 && c.last ? c.state : 'new';
    const r = retention || FSRS.retention;
    const t = state === 'new' ? 0 : Math.max(0, daysBetween(c.last, now));
    const memory = state === 'new' ? null : { difficulty: c.difficulty, stability: c.stability };
    const next = Object.assign(copy(c), nextState(memory, t, grade), {
      reps: (c.reps || 0) + 1, lapses: c.lapses || 0, grade: grade, last: now, hash: hash
    });
    const s = step(state === 'new' ? 'learning' : state, c.step || 0, grade);
    let days;
    if (state === 'review' && grade > 1) {
      const states = [null, null, 2, 3, 4].map((g) => g && nextState(memory, t, g));
      days = reviewDays(states, r)[grade];
    } else if (!s) {
      days = interval(next.stability, r);
    }
    if (state === 'review' && grade === 1) { next.lapses += 1; }
    next.state = s ? (state === 'new' ? 'learning' : state === 'review' ? 'relearning' : state) : 'review';
    next.step = s ? s.next : 0;
    next.interval = s ? 0 : days;
    next.due = addDays(now, next.interval);
    delete next.known;
    return { card: next, minutes: s ? s.minutes : 0, days: next.interval };
  }

  /** The card after a grade, as stored. */
  function schedule(card, grade, hash, now, retention) {
    return plan(card, grade, hash, now, retention).card;
  }

  /** The desired retention in the reader's settings (0.80 to 0.97), 0.90 by default. */
  function retention(settings) {
    const r = settings && settings.retention;
    return typeof r === 'number' && isFinite(r) ? clamp(r, FSRS.minRetention, FSRS.maxRetention) : FSRS.retention;
  }

  /* ---------- stored progress ---------- */

  function empty() { return { format: FORMAT, version: VERSION, cards: {}, mocks: [], settings: {} }; }

  const isObject = (v) => !!v && typeof v === 'object' && !Array.isArray(v);
  const isDate = (v) => typeof v === 'string' && DATE.test(v);
  const isNumber = (v) => typeof v === 'number' && isFinite(v);

  function validFsrs(c) {
    return isDate(c.due) && STATES.indexOf(c.state) >= 0 && isNumber(c.stability)
      && isNumber(c.difficulty) && isNumber(c.reps) && c.reps >= 0
      && (c.step === undefined || (Number.isInteger(c.step) && c.step >= 0))
      && (c.last === null || c.last === undefined || isDate(c.last))
      && (c.state === 'new' || (isDate(c.last) && c.stability >= S_MIN && c.difficulty >= 1 && c.difficulty <= 10));
  }

  /** A version-1 (SM-2) card as starbook wrote it. */
  function validSm2(c) {
    return DATE.test(c.due) && isFinite(c.interval) && c.interval >= 0
      && isFinite(c.ease) && c.ease >= 1.3 && isFinite(c.reps) && c.reps >= 0
      && (c.last === null || c.last === undefined || DATE.test(c.last));
  }

  /**
   * An SM-2 card in FSRS terms, every field kept (due date exactly). The memory state is fsrs-rs's
   * memory_state_from_sm2 with SM-2 retention 90 %: stability = the SM-2 interval, and the
   * difficulty whose stability increase on a Good review at 90 % recall equals the ease.
   */
  function fromSm2(c) {
    const out = copy(c);
    out.reps = +c.reps;
    out.lapses = isNumber(c.lapses) ? c.lapses : 0;
    out.step = 0;
    if (!isDate(c.last)) { // added to the deck, never graded
      return Object.assign(out, { state: 'new', stability: 0, difficulty: 0 });
    }
    const s = Math.max(+c.interval, S_MIN);
    const grows = Math.exp(W[8]) * Math.pow(s, -W[9]) * (Math.exp(0.1 * W[10]) - 1);
    return Object.assign(out, { state: 'review', stability: s, difficulty: clamp(round8(11 - (c.ease - 1) / grows), 1, 10) });
  }

  /** A stored card in version-2 form, or null when it is neither a version-1 nor a version-2 card. */
  function readCard(c) {
    if (!isObject(c)) { return null; }
    if ('state' in c || 'stability' in c) { return validFsrs(c) ? c : null; }
    return validSm2(c) ? fromSm2(c) : null;
  }

  /**
   * Progress in version-2 form, from version 1 or 2 (idempotent); null when it is not starbook
   * progress. Nothing is dropped: unknown fields stay, cards that cannot be read move to
   * `unreadable` untouched.
   */
  function migrate(d) {
    if (!isObject(d) || d.format !== FORMAT || !isObject(d.cards)) { return null; }
    const out = copy(d);
    out.version = isNumber(d.version) && d.version > VERSION ? d.version : VERSION;
    out.cards = {};
    const unreadable = isObject(d.unreadable) ? copy(d.unreadable) : {};
    Object.keys(d.cards).forEach((id) => {
      const c = readCard(d.cards[id]);
      if (c) { out.cards[id] = c; } else { unreadable[id] = d.cards[id]; }
    });
    if (Object.keys(unreadable).length) { out.unreadable = unreadable; } else { delete out.unreadable; }
    out.mocks = Array.isArray(d.mocks) ? d.mocks.slice(-200) : [];
    out.settings = isObject(d.settings) ? d.settings : {};
    return out;
  }

  /** Parses stored or imported progress (version 1 or 2); null when it is not starbook progress. */
  function parse(text) {
    let d;
    try { d = JSON.parse(text); } catch (e) { return null; }
    return migrate(d);
  }

  /** The reader's progress in localStorage under the given key (see Starbook.keys.study). */
  class Store {
    constructor(key) { this.key = key; }

    /** Loads the progress; older progress is migrated to version 2 and saved back at once. */
    load() {
      let text = null;
      try { text = window.localStorage.getItem(this.key); } catch (e) { /* storage blocked */ }
      const data = text && parse(text);
      if (data && JSON.stringify(data) !== text) { this.save(data); } // migrated: written back once
      return data || empty();
    }

    /** Whether this browser lets the page store anything (tried on a key of its own). */
    writable() {
      try {
        window.localStorage.setItem(this.key + '#probe', '1');
        window.localStorage.removeItem(this.key + '#probe');
        return true;
      } catch (e) {
        return false;
      }
    }

    save(data) {
      try {
        window.localStorage.setItem(this.key, JSON.stringify(data));
        return true;
      } catch (e) {
        return false;
      }
    }

    /** Loads, changes and saves in one go; returns the changed data. */
    update(change) {
      const data = this.load();
      change(data);
      this.save(data);
      return data;
    }
  }

  /** "Add to review": due today, keeping what was learned before. */
  function added(card, hash, now) {
    const out = card ? copy(card) : {
      state: 'new', stability: 0, difficulty: 0, interval: 0, step: 0, reps: 0, lapses: 0, grade: 0,
      last: null, hash: hash
    };
    out.due = now;
    return out;
  }

  /** "Mark as known": a review card, next look in a month (stability at least 30 days). */
  function known(card, hash, now) {
    const c = card || {};
    const seen = c.state && c.state !== 'new' && c.last;
    return Object.assign(copy(c), {
      due: addDays(now, KNOWN_DAYS), interval: KNOWN_DAYS, state: 'review', step: 0,
      stability: Math.max(seen ? c.stability : 0, KNOWN_DAYS),
      difficulty: seen ? c.difficulty : clamp(initDifficulty(3), 1, 10),
      reps: c.reps || 0, lapses: c.lapses || 0, grade: 4, last: now, hash: hash, known: true
    });
  }

  /**
   * Where a card stands: 'new' (never seen), 'changed' (the answer changed since it was learned),
   * 'due' (due today or earlier), 'later' (scheduled).
   */
  function state(card, hash, now) {
    if (!card) { return 'new'; }
    if (card.last && card.hash && hash && card.hash !== hash) { return 'changed'; }
    return card.due <= now ? 'due' : 'later';
  }

  /** Learned: reviewed at least once and last graded Good or Easy (or marked as known). */
  function learned(card) {
    return !!(card && card.last && card.grade >= 3);
  }

  const plural = (n, word) => n + ' ' + word + (n === 1 ? '' : 's');

  /** A short label for an interval: "today", "1 day", "6 days", "3 months". */
  function span(days) {
    if (days <= 0) { return 'today'; }
    if (days < 60) { return plural(days, 'day'); }
    if (days < 730) { return plural(Math.round(days / 30), 'month'); }
    return plural(Math.round(days / 365), 'year');
  }

  /** When a planned card comes back: "1 min", "10 min", "1 day", "4 days". */
  function label(p) {
    if (p.minutes) { return p.minutes < 60 ? p.minutes + ' min' : plural(Math.round(p.minutes / 60), 'hour'); }
    return span(p.days);
  }

  /** One sentence about a card for people: what its state means and when it comes back. */
  function describe(card, hash, now) {
    const s = state(card, hash, now);
    if (s === 'new') { return 'Not in your review deck yet.'; }
    if (s === 'changed') { return 'The answer changed since you learned it: review it again.'; }
    let grade = card.grade && GRADES[card.grade] ? ' Last grade: ' + GRADES[card.grade].name + '.' : '';
    if (card.known) { grade = ' Marked as known.'; }
    if (s === 'due') {
      return (card.last ? 'Due for review today.' : 'In your review deck, due today.') + grade;
    }
    const days = daysBetween(now, card.due);
    return 'Next review in ' + span(days) + ' (' + card.due + ').' + grade;
  }

  /* ---------- my answers ---------- */

  const ANSWERS_FORMAT = 'starbook-answers';
  const ANSWERS_VERSION = 1;
  /** What a behavioural (format: star) answer starts with: the four STAR headings. */
  const STAR_TEMPLATE = '## Situation\n\n\n## Task\n\n\n## Action\n\n\n## Result\n\n';

  /**
   * The reader's own answers, kept apart from the progress under its own key (the progress key +
   * '#answers'): { format: 'starbook-answers', version: 1, answers: { id: { title, star,
   * markdown, updated } } }. Unknown fields are kept.
   */
  class AnswerStore {
    constructor(progressKey) { this.key = progressKey + '#answers'; }

    load() {
      let d = null;
      try { d = JSON.parse(window.localStorage.getItem(this.key) || 'null'); } catch (e) { d = null; }
      if (!isObject(d) || d.format !== ANSWERS_FORMAT || !isObject(d.answers)) {
        d = { format: ANSWERS_FORMAT, version: ANSWERS_VERSION, answers: {} };
      }
      return d;
    }

    get(id) { return this.load().answers[id] || null; }

    /** Saves one answer (an empty text removes it); returns whether it was stored. */
    put(id, answer) {
      const d = this.load();
      if (!answer.markdown || !answer.markdown.trim()) { delete d.answers[id]; }
      else { d.answers[id] = Object.assign({}, d.answers[id], answer); }
      return this.save(d);
    }

    remove(id) {
      const d = this.load();
      delete d.answers[id];
      return this.save(d);
    }

    save(d) {
      try {
        window.localStorage.setItem(this.key, JSON.stringify(d));
        return true;
      } catch (e) {
        return false;
      }
    }

    /** The export file's text: starbook-answers version 1, for `starbook import-answers`. */
    exportText(now) {
      const d = this.load();
      const out = { format: ANSWERS_FORMAT, version: ANSWERS_VERSION, exported: now, answers: {} };
      Object.keys(d.answers).sort().forEach((id) => {
        const a = d.answers[id];
        out.answers[id] = { title: a.title || id, star: !!a.star, markdown: a.markdown || '', updated: a.updated || '' };
      });
      return JSON.stringify(out, null, 2) + '\n';
    }
  }

  /** Offers text as a file download (export buttons). */
  function download(text, name) {
    const blob = new Blob([text], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  window.StarbookStudy = {
    FORMAT: FORMAT, VERSION: VERSION, GRADES: GRADES, FSRS: FSRS, today: today, addDays: addDays,
    daysBetween: daysBetween, parse: parse, migrate: migrate, empty: empty, Store: Store,
    plan: plan, schedule: schedule, retention: retention, retrievability: retrievability,
    nextState: nextState, interval: interval, added: added, known: known, state: state,
    learned: learned, describe: describe, span: span, label: label, plural: plural,
    AnswerStore: AnswerStore, STAR_TEMPLATE: STAR_TEMPLATE, ANSWERS_FORMAT: ANSWERS_FORMAT, download: download
  };
})();
