/*
 * starbook search engine: answers queries from the index the build wrote to assets/search/
 * (format in docs/search.md), loading only the files a query needs: the shards of its words'
 * first letters, then the documents of the results shown. Ready-to-show results come back: the
 * highlighted title and snippet and the answer section that matched.
 * Runs in a Web Worker (search-worker.js) or, where workers are unavailable (file://), in the page.
 * Needs theme.js (Starbook.escapeHtml) first, and search/stemmer.js when the index names one.
 */
(function (global) {
  'use strict';
  const escapeHtml = global.Starbook.escapeHtml;
  const SNIPPET = 180;
  const WORD = /[\p{L}\p{N}]+/gu; // SearchIndex.WORD: words are runs of letters and digits
  const EXACT = 10, PREFIX = 3, TYPO = 1; // how much a match counts, by kind
  const PREFIX_TERMS = 50; // a short prefix matches at most this many terms (the most frequent)

  /** The words of a text, lower-case, each with its place: [{word, at, length}]. */
  function tokens(text) {
    const out = [];
    const lower = text.toLowerCase();
    WORD.lastIndex = 0;
    let m;
    while ((m = WORD.exec(lower)) !== null) { out.push({ word: m[0], at: m.index, length: m[0].length }); }
    return out;
  }

  /**
   * A shard's file: the key itself when plain a–z and 0–9, else its UTF-16 units in hex; in the
   * live preview, one of a fixed number of buckets by the key's hash (Java's String.hashCode).
   */
  function fileOf(key, buckets) {
    if (buckets) {
      let h = 0;
      for (let i = 0; i < key.length; i++) { h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0; }
      return 't/h-' + (((h % buckets) + buckets) % buckets) + '.js';
    }
    if (/^[a-z0-9]+$/.test(key)) { return 't/t-' + key + '.js'; }
    let s = 't/x-';
    for (let i = 0; i < key.length; i++) { s += key.charCodeAt(i).toString(16).padStart(4, '0'); }
    return s + '.js';
  }

  /** Whether two words are at most one edit apart (a letter added, dropped, changed or swapped). */
  function oneEdit(a, b) {
    if (a === b) { return true; }
    const la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) { return false; }
    let i = 0;
    while (i < la && i < lb && a[i] === b[i]) { i++; }
    if (la === lb) {
      return a.slice(i + 1) === b.slice(i + 1)
        || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /**
   * meta: the index's head (assets/search/index.js); load(files): a promise that the given files
   * of assets/search/ have run; stem: the guide language's stemmer, or null.
   */
  function create(meta, load, stem) {
    const shards = {}, docs = {};
    let facets = null;
    global.StarbookSearchFiles = {
      shard: (key, data) => { shards[key] = data; },
      doc: (n, data) => { docs[n] = data; },
      facets: (data) => { facets = data; }
    };
    const exists = new Set(meta.shards), split = new Set(meta.split), common = new Set(meta.common);
    const LABELS = {};
    meta.sections.forEach((s) => { LABELS[s.key] = s.label; });
    const stemOf = stem || ((w) => w);

    function shardOf(term) {
      let k = 1;
      while (k < term.length && split.has(term.slice(0, k))) { k++; }
      return term.slice(0, k);
    }

    /** Loads the shards with these keys that exist and are not loaded yet. */
    function loadShards(keys) {
      const need = Array.from(new Set(keys)).filter((k) => exists.has(k) && !shards[k]);
      const files = new Set(need.map((k) => fileOf(k, meta.buckets)));
      return files.size ? load(Array.from(files)) : Promise.resolve();
    }

    function postingsOf(term) {
      const s = shards[shardOf(term)];
      return s && s.t[term];
    }

    /**
     * The shards where a term one edit from w can be, besides w's own: w less a letter of its key,
     * and w with two letters of its key swapped (a term is filed as a variant under itself less
     * each letter of its key, which covers the rest).
     */
    function typoKeys(w) {
      const out = [];
      for (let p = 0; p < shardOf(w).length; p++) {
        out.push(shardOf(w.slice(0, p) + w.slice(p + 1)));
        out.push(shardOf(w.slice(0, p) + w.charAt(p + 1) + w.charAt(p) + w.slice(p + 2)));
      }
      return out;
    }

    /** Index terms one edit from w whose postings may be in other shards (via the variants). */
    function typoTerms(w) {
      const found = new Set();
      const probes = new Set([w]);
      for (let i = 0; i < w.length; i++) { probes.add(w.slice(0, i) + w.slice(i + 1)); }
      probes.forEach((p) => {
        const s = shards[shardOf(p)];
        if (!s) { return; }
        if (s.t[p]) { found.add(p); }
        (s.v[p] || []).forEach((t) => found.add(t));
      });
      const own = shards[shardOf(w)];
      if (own) { Object.keys(own.t).forEach((t) => found.add(t)); }
      return Array.from(found).filter((t) => t !== w && oneEdit(t, w));
    }

    /**
     * One word's matches: question → {score, section, terms, prefix}. Exact (the word or its
     * stem), as a prefix, and with one typo when it has typoFrom + 1 letters or more.
     */
    function match(w) {
      const s = stemOf(w);
      const typos = w.length > meta.typoFrom;
      const first = [shardOf(w), shardOf(s)].concat(typos ? typoKeys(w) : []);
      return loadShards(first).then(() => {
        const candidates = typos ? typoTerms(w) : [];
        return loadShards(candidates.map(shardOf)).then(() => candidates);
      }).then((candidates) => {
        const out = new Map();
        const add = (postings, factor, term, prefix) => {
          let doc = 0;
          for (let i = 0; i + 2 < postings.length; i += 3) {
            doc += postings[i];
            const score = postings[i + 1] * factor;
            const m = out.get(doc);
            if (!m) {
              out.set(doc, { score: score, section: postings[i + 2], terms: new Set([term]), prefix: prefix });
            } else {
              m.terms.add(term);
              m.prefix = m.prefix || prefix;
              if (score > m.score) { m.score = score; m.section = postings[i + 2] || m.section; }
            }
          }
        };
        const key = shardOf(w);
        const shard = shards[key];
        if (shard) {
          const longer = Object.keys(shard.t).filter((t) => t.length > w.length && t.startsWith(w))
            .sort((a, b) => shard.t[b].length - shard.t[a].length).slice(0, PREFIX_TERMS);
          longer.forEach((t) => add(shard.t[t], PREFIX, t, false));
          if (key === w && split.has(key)) { add(shard.p, PREFIX, w, true); }
        }
        candidates.forEach((t) => add(postingsOf(t) || [], TYPO, t, false));
        [w, s].forEach((t) => { const p = postingsOf(t); if (p) { add(p, EXACT, t, false); } });
        return out;
      });
    }

    function loadFacets() {
      return facets ? Promise.resolve(facets) : load(['facets.js']).then(() => facets);
    }

    /** Whether question n passes the filters ({category, tag, difficulty, format}). */
    function passes(n, f) {
      const v = facets.docs[n].split(',').map(Number);
      return (!f.category || facets.category[v[0]] === f.category)
        && (!f.difficulty || facets.difficulty[v[1]] === f.difficulty)
        && (!f.format || (v[2] === 1 ? 'star' : 'answer') === f.format)
        && (!f.tag || v.slice(3).some((t) => facets.tag[t] === f.tag));
    }

    /** Every question matching every word (or, if none does, any word), best first. */
    function hits(words) {
      return Promise.all(words.map(match)).then((perWord) => {
        const all = new Map();
        perWord.forEach((m) => {
          m.forEach((x, doc) => {
            const h = all.get(doc) || { doc: doc, score: 0, count: 0, votes: {}, terms: new Set(), prefixes: [] };
            all.set(doc, h);
            h.score += x.score;
            h.count++;
            if (x.section) { h.votes[x.section] = (h.votes[x.section] || 0) + x.score; }
            x.terms.forEach((t) => h.terms.add(t));
          });
        });
        words.forEach((w, i) => {
          perWord[i].forEach((x, doc) => { if (x.prefix) { all.get(doc).prefixes.push(w); } });
        });
        const list = Array.from(all.values());
        const full = list.filter((h) => h.count === words.length);
        return (full.length ? full : list)
          .sort((a, b) => b.count - a.count || b.score - a.score || a.doc - b.doc);
      });
    }

    /** Text with the words that matched wrapped in <mark>, cut to [from, to). */
    function highlight(text, h, from, to) {
      let out = '', at = from;
      tokens(text).forEach((t) => {
        if (t.at < from || t.at + t.length > to || !marks(t.word, h)) { return; }
        out += escapeHtml(text.slice(at, t.at)) + '<mark>' + escapeHtml(text.slice(t.at, t.at + t.length)) + '</mark>';
        at = t.at + t.length;
      });
      return out + escapeHtml(text.slice(at, to));
    }

    function marks(word, h) {
      return h.terms.has(word) || h.terms.has(stemOf(word)) || h.prefixes.some((p) => word.startsWith(p));
    }

    function snippet(text, h) {
      const first = tokens(text).find((t) => marks(t.word, h));
      if (!first) {
        const cut = text.length > SNIPPET ? text.lastIndexOf(' ', SNIPPET) : text.length;
        return escapeHtml(text.slice(0, cut > 0 ? cut : SNIPPET)) + (text.length > SNIPPET ? '…' : '');
      }
      let from = Math.max(0, first.at - 50);
      if (from > 0) {
        const sp = text.indexOf(' ', from);
        from = sp >= 0 && sp < first.at ? sp + 1 : from;
      }
      let to = Math.min(text.length, from + SNIPPET);
      if (to < text.length) {
        const sp = text.lastIndexOf(' ', to);
        to = sp > first.at ? sp : to;
      }
      return (from > 0 ? '…' : '') + highlight(text, h, from, to) + (to < text.length ? '…' : '');
    }

    function present(h) {
      const d = docs[h.doc];
      let best = 0;
      Object.keys(h.votes).forEach((k) => { if (!best || h.votes[k] > h.votes[best]) { best = +k; } });
      const key = best ? meta.sections[best - 1].key : null;
      const text = key && d.sections[key] ? d.sections[key] : d.summary;
      return {
        id: d.id, url: d.url, title: d.title, titleHtml: highlight(d.title, h, 0, d.title.length),
        category: d.category, categoryTitle: d.categoryTitle, tags: d.tags, difficulty: d.difficulty,
        format: d.format, section: key && d.sections[key] && LABELS[key] ? LABELS[key] : '',
        snippetHtml: snippet(text || '', h)
      };
    }

    /** The words worth searching for: common words (in most questions) only when all are. */
    function words(q) {
      const ws = Array.from(new Set(tokens(q || '').map((t) => t.word)));
      const rare = ws.filter((w) => !common.has(w) && !common.has(stemOf(w)));
      return rare.length ? rare : ws;
    }

    /**
     * The query's results after the filters: {total, results}, results from offset (default 0),
     * at most limit of them (0: all).
     */
    function search(q, filters, limit, offset) {
      const f = filters || {};
      const filtered = !!(f.category || f.tag || f.difficulty || f.format);
      const ws = words(q);
      if (!ws.length && !filtered) { return Promise.resolve({ total: 0, results: [] }); }
      const found = ws.length ? hits(ws) : Promise.resolve(Array.from({ length: meta.docs },
        (x, n) => ({ doc: n, votes: {}, terms: new Set(), prefixes: [] })));
      return Promise.all([found, filtered ? loadFacets() : null]).then((r) => {
        const list = filtered ? r[0].filter((h) => passes(h.doc, f)) : r[0];
        const from = offset || 0;
        const shown = list.slice(from, limit ? from + limit : undefined);
        const need = shown.filter((h) => !docs[h.doc]).map((h) => 'd/' + h.doc + '.js');
        return (need.length ? load(need) : Promise.resolve())
          .then(() => ({ total: list.length, results: shown.map(present) }));
      });
    }

    return { search: search, size: meta.docs };
  }

  global.StarbookSearch = { create: create, tokens: tokens, oneEdit: oneEdit };
})(self);
