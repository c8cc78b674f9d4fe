/*
 * starbook search engine: builds a lunr index from the document list and answers queries with
 * ready-to-show results (highlighted title and snippet, the answer section that matched).
 * Runs in a Web Worker (search-worker.js) or, where workers are unavailable (file://), in the page.
 * Needs theme.js (Starbook.escapeHtml) and lunr.js first.
 */
(function (global) {
  'use strict';
  const escapeHtml = global.Starbook.escapeHtml;
  const SNIPPET = 180;
  const WORD = /[\p{L}\p{N}]/u;

  /** Text with the given [start, length] ranges wrapped in <mark>, cut to [from, to). */
  function highlight(text, ranges, from, to) {
    let out = '', at = from;
    ranges.slice().sort((a, b) => a[0] - b[0]).forEach((r) => {
      let s = r[0], e = r[0] + r[1];
      // lunr's positions cover the raw token; keep punctuation around it out of the mark.
      while (s < e && !WORD.test(text.charAt(s))) { s++; }
      while (e > s && !WORD.test(text.charAt(e - 1))) { e--; }
      s = Math.max(s, at);
      e = Math.min(e, to);
      if (e <= s) { return; }
      out += escapeHtml(text.slice(at, s)) + '<mark>' + escapeHtml(text.slice(s, e)) + '</mark>';
      at = e;
    });
    return out + escapeHtml(text.slice(at, to));
  }

  function snippet(text, ranges) {
    if (!ranges.length) {
      const cut = text.length > SNIPPET ? text.lastIndexOf(' ', SNIPPET) : text.length;
      return escapeHtml(text.slice(0, cut > 0 ? cut : SNIPPET)) + (text.length > SNIPPET ? '…' : '');
    }
    const first = ranges.reduce((m, r) => (r[0] < m ? r[0] : m), Infinity);
    let from = Math.max(0, first - 50);
    if (from > 0) {
      const sp = text.indexOf(' ', from);
      from = sp >= 0 && sp < first ? sp + 1 : from;
    }
    let to = Math.min(text.length, from + SNIPPET);
    if (to < text.length) {
      const sp = text.lastIndexOf(' ', to);
      to = sp > first ? sp : to;
    }
    return (from > 0 ? '…' : '') + highlight(text, ranges, from, to) + (to < text.length ? '…' : '');
  }

  /**
   * Index both the word and its stem: the stem finds other forms of a word ("scaling" → "scale"),
   * the word itself lets prefixes and one-letter typos match long derived words, whose stems are
   * short ("observabilty" is one edit from "observability", not from its stem "observ").
   */
  function keepAndStem(lunr) {
    const fn = (token) => {
      const stem = lunr.stemmer(token.clone());
      return stem.toString() === token.toString() ? token : [token, stem];
    };
    if (!lunr.Pipeline.registeredFunctions.starbookKeepAndStem) {
      lunr.Pipeline.registerFunction(fn, 'starbookKeepAndStem');
    }
    return lunr.Pipeline.registeredFunctions.starbookKeepAndStem;
  }

  /** data: the search data script's object, {sections: [{key, label}], docs: [...]}. */
  function create(data, lunr) {
    const docs = data.docs;
    const SECTIONS = data.sections.map((s) => s.key);
    const LABELS = {};
    data.sections.forEach((s) => { LABELS[s.key] = s.label; });
    const byId = {}, order = {};
    const stemKeep = keepAndStem(lunr);
    const index = lunr(function () {
      const b = this;
      b.pipeline.after(lunr.stemmer, stemKeep);
      b.pipeline.remove(lunr.stemmer);
      b.ref('id');
      b.field('title', { boost: 10 });
      b.field('tags', { boost: 6, extractor: (d) => d.tags.join(' ') });
      b.field('summary', { boost: 3 });
      b.field('categoryTitle', { boost: 2 });
      SECTIONS.forEach((s) => {
        b.field(s, { extractor: (d) => d.sections[s] || '' });
      });
      b.metadataWhitelist = ['position'];
      docs.forEach((d, i) => { byId[d.id] = d; order[d.id] = i; b.add(d); });
    });

    /** Words of the query worth searching for: lunr's tokens, stop words dropped. */
    function words(q) {
      return lunr.tokenizer(q).map(String)
        .filter((t) => t.length > 0 && lunr.stopWordFilter(t) !== undefined);
    }

    /** One word: exact (stemmed), as a prefix, and with one typo when it has 5+ letters. */
    function find(word) {
      return index.query((q) => {
        q.term(word, { boost: 10 });
        q.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 3 });
        if (word.length >= 5) {
          q.term(word, { editDistance: 1, boost: 1 });
          q.term(word, { usePipeline: false, editDistance: 1, boost: 1 });
        }
      });
    }

    function matches(d, filters) {
      return (!filters.category || d.category === filters.category)
        && (!filters.tag || d.tags.indexOf(filters.tag) >= 0)
        && (!filters.difficulty || d.difficulty === filters.difficulty)
        && (!filters.format || d.format === filters.format);
    }

    /** Every document matching every word (or, if none does, any word), best first. */
    function hits(q) {
      const ws = words(q);
      if (!ws.length) { return []; }
      const perWord = ws.map((w) => {
        const m = {};
        find(w).forEach((r) => { m[r.ref] = r; });
        return m;
      });
      const all = {}, some = {};
      perWord.forEach((m) => {
        Object.keys(m).forEach((ref) => {
          const h = some[ref] || (some[ref] = { ref: ref, score: 0, count: 0, metadata: [] });
          h.score += m[ref].score;
          h.count++;
          h.metadata.push(m[ref].matchData.metadata);
        });
      });
      Object.keys(some).forEach((ref) => { if (some[ref].count === ws.length) { all[ref] = some[ref]; } });
      const chosen = Object.keys(all).length ? all : some;
      return Object.keys(chosen).map((k) => chosen[k])
        .sort((a, b) => b.count - a.count || b.score - a.score || order[a.ref] - order[b.ref]);
    }

    /** Ranges per field: field name → [[start, length], …]. */
    function ranges(metadata) {
      const out = {};
      metadata.forEach((md) => {
        Object.keys(md).forEach((term) => {
          Object.keys(md[term]).forEach((field) => {
            const pos = md[term][field].position || [];
            out[field] = (out[field] || []).concat(pos);
          });
        });
      });
      return out;
    }

    function present(d, metadata) {
      const r = ranges(metadata);
      let best = null;
      SECTIONS.forEach((s) => {
        if (r[s] && (!best || r[s].length > r[best].length)) { best = s; }
      });
      const field = best || 'summary';
      const text = best ? d.sections[best] : d.summary;
      return {
        id: d.id, url: d.url, title: d.title, titleHtml: highlight(d.title, r.title || [], 0, d.title.length),
        category: d.category, categoryTitle: d.categoryTitle, tags: d.tags, difficulty: d.difficulty,
        format: d.format, section: best && LABELS[best] ? LABELS[best] : '',
        snippetHtml: snippet(text || '', r[field] || [])
      };
    }

    /** The query's results after the filters: {total, results} with at most limit results. */
    function search(q, filters, limit) {
      filters = filters || {};
      let list;
      if (words(q || '').length) {
        list = hits(q).filter((h) => matches(byId[h.ref], filters))
          .map((h) => ({ doc: byId[h.ref], metadata: h.metadata }));
      } else if (filters.category || filters.tag || filters.difficulty || filters.format) {
        list = docs.filter((d) => matches(d, filters)).map((d) => ({ doc: d, metadata: [] }));
      } else {
        list = [];
      }
      const shown = limit ? list.slice(0, limit) : list;
      return { total: list.length, results: shown.map((x) => present(x.doc, x.metadata)) };
    }

    return { search: search, size: docs.length };
  }

  global.StarbookSearch = { create: create };
})(self);
