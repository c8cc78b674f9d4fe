/*
 * starbook study mode: progress storage and SM-2 scheduling, shared by the study page and the
 * question pages. Plain classic script so the site also works from file://.
 */
(function () {
  'use strict';
  const FORMAT = 'starbook-progress';
  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  /* The four buttons as SM-2 response qualities (0-5): Again fails the card, Hard/Good/Easy pass. */
  const GRADES = {
    1: { name: 'Again', quality: 1 },
    2: { name: 'Hard', quality: 3 },
    3: { name: 'Good', quality: 4 },
    4: { name: 'Easy', quality: 5 }
  };
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

  function empty() { return { format: FORMAT, version: 1, cards: {}, mocks: [], settings: {} }; }

  function validCard(c) {
    return c && typeof c === 'object' && DATE.test(c.due) && isFinite(c.interval) && c.interval >= 0
      && isFinite(c.ease) && c.ease >= 1.3 && isFinite(c.reps) && c.reps >= 0
      && (c.last === null || c.last === undefined || DATE.test(c.last));
  }

  /** Parses stored or imported progress; null when it is not starbook progress. */
  function parse(text) {
    let d;
    try { d = JSON.parse(text); } catch (e) { return null; }
    if (!d || d.format !== FORMAT || !d.cards || typeof d.cards !== 'object') { return null; }
    const out = empty();
    Object.keys(d.cards).forEach((id) => {
      if (validCard(d.cards[id])) { out.cards[id] = d.cards[id]; }
    });
    out.mocks = Array.isArray(d.mocks) ? d.mocks.slice(-200) : [];
    out.settings = d.settings && typeof d.settings === 'object' ? d.settings : {};
    return out;
  }

  /** The reader's progress in localStorage under the given key (see Starbook.keys.study). */
  class Store {
    constructor(key) { this.key = key; }

    load() {
      let text = null;
      try { text = window.localStorage.getItem(this.key); } catch (e) { /* storage blocked */ }
      return (text && parse(text)) || empty();
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

  /**
   * SM-2 (Wozniak, 1990): a failed card (quality < 3) starts over with a one-day interval and
   * keeps its ease; a passed card goes 1 day, then 6 days, then the previous interval times its
   * ease. Afterwards the ease moves by 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02), never below 1.3.
   */
  function schedule(card, grade, hash, now) {
    const g = GRADES[grade];
    if (!g) { throw new Error('grade must be 1-4'); }
    const c = card || {};
    let ease = isFinite(c.ease) ? c.ease : 2.5;
    let reps = isFinite(c.reps) ? c.reps : 0;
    let interval = isFinite(c.interval) ? c.interval : 0;
    const q = g.quality;
    let lapses = c.lapses || 0;
    if (q < 3) {
      reps = 0;
      interval = 1;
      lapses += 1;
    } else {
      interval = reps === 0 ? 1 : reps === 1 ? 6 : Math.round(interval * ease);
      reps += 1;
      ease = Math.max(1.3, ease + 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02));
    }
    return {
      due: addDays(now, interval), interval: interval, ease: Math.round(ease * 100) / 100,
      reps: reps, lapses: lapses, grade: grade, last: now, hash: hash
    };
  }

  /** "Add to review": due today, keeping what was learned before. */
  function added(card, hash, now) {
    const c = card || { interval: 0, ease: 2.5, reps: 0, lapses: 0, grade: 0, last: null, hash: hash };
    const out = {};
    Object.keys(c).forEach((k) => { out[k] = c[k]; });
    out.due = now;
    return out;
  }

  /** "Mark as known": passed, next look in a month. */
  function known(card, hash, now) {
    const c = card || {};
    return {
      due: addDays(now, KNOWN_DAYS), interval: KNOWN_DAYS,
      ease: Math.max(isFinite(c.ease) ? c.ease : 2.5, 2.5), reps: Math.max(c.reps || 0, 3),
      lapses: c.lapses || 0, grade: 4, last: now, hash: hash, known: true
    };
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

  window.StarbookStudy = {
    FORMAT: FORMAT, GRADES: GRADES, today: today, addDays: addDays, daysBetween: daysBetween,
    parse: parse, empty: empty, Store: Store, schedule: schedule, added: added, known: known,
    state: state, learned: learned, describe: describe, span: span, plural: plural
  };
})();
