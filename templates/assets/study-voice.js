/* starbook study mode: the spoken mock interview. "Read the question aloud" (speechSynthesis,
   a voice on this device preferred) and "Record my answer" (MediaRecorder; the latest take per
   question is kept on this device in IndexedDB, never sent anywhere). Every control says why it
   is unavailable when the browser lacks the API, the page is not secure or there is no
   microphone. Needs study-core.js first. */
(function () {
  'use strict';
  const S = window.StarbookStudy;
  if (!S) { return; }

  /* ---------- reading aloud ---------- */

  /** Why reading aloud cannot work here, or '' when it can. */
  function speechProblem() {
    if (!('speechSynthesis' in window) || typeof window.SpeechSynthesisUtterance !== 'function') {
      return 'This browser cannot read text aloud.';
    }
    return '';
  }

  /** The voice to use: one on this device (localService) in the page's language if there is one. */
  function pickVoice(voices, lang) {
    const base = (lang || 'en').toLowerCase().split('-')[0];
    const same = voices.filter((v) => String(v.lang || '').toLowerCase().split(/[-_]/)[0] === base);
    const pool = same.length ? same : voices;
    return pool.filter((v) => v.localService)[0] || pool[0] || null;
  }

  /**
   * Reads text aloud; calls done(message) with '' when speaking started, else why not.
   * Looks speechSynthesis up at each call (voices arrive late in some browsers).
   */
  function speak(text, done) {
    const problem = speechProblem();
    if (problem) { done(problem); return; }
    const synth = window.speechSynthesis;
    const voices = synth.getVoices() || [];
    if (!voices.length) {
      done('No voice for reading aloud is installed in this browser or system.');
      return;
    }
    const u = new window.SpeechSynthesisUtterance(text);
    const voice = pickVoice(voices, document.documentElement.lang);
    try { u.voice = voice; } catch (e) { /* not a SpeechSynthesisVoice: the default voice speaks */ }
    if (voice && voice.lang) { u.lang = voice.lang; }
    synth.cancel();
    synth.speak(u);
    done('');
  }

  function stopSpeaking() {
    try { if ('speechSynthesis' in window) { window.speechSynthesis.cancel(); } } catch (e) { /* none */ }
  }

  /* ---------- recordings in IndexedDB ---------- */

  const STORE = 'takes';

  /** The recordings of one guide: database (progress key + '#recordings'), one take per question. */
  class Takes {
    constructor(progressKey) { this.name = progressKey + '#recordings'; this.db = null; }

    open() {
      if (this.db) { return this.db; }
      this.db = new Promise((resolve, reject) => {
        if (!window.indexedDB) { reject(new Error('no IndexedDB')); return; }
        const req = window.indexedDB.open(this.name, 1);
        req.onupgradeneeded = () => { req.result.createObjectStore(STORE, { keyPath: 'id' }); };
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      this.db.catch(() => { this.db = null; });
      return this.db;
    }

    run(mode, act) {
      return this.open().then((db) => new Promise((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = act(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      }));
    }

    put(take) { return this.run('readwrite', (s) => s.put(take)); }
    get(id) { return this.run('readonly', (s) => s.get(id)); }
    remove(id) { return this.run('readwrite', (s) => s.delete(id)); }
  }

  /* ---------- recording ---------- */

  /** Why recording cannot work here, or '' when it may (the microphone is asked for on start). */
  function recordProblem() {
    if (!window.isSecureContext) {
      return 'Recording needs the guide on https or localhost; this page is not a secure context.';
    }
    if (!navigator.mediaDevices || typeof navigator.mediaDevices.getUserMedia !== 'function') {
      return 'This browser (or opening the guide from disk) does not give pages a microphone.';
    }
    if (typeof window.MediaRecorder !== 'function') { return 'This browser cannot record audio.'; }
    if (!window.indexedDB) { return 'This browser cannot keep recordings (no IndexedDB).'; }
    return '';
  }

  function microphoneProblem(err) {
    const name = err && err.name;
    if (name === 'NotAllowedError' || name === 'SecurityError') {
      return 'The microphone is blocked for this page; allow it in the browser to record.';
    }
    if (name === 'NotFoundError' || name === 'OverconstrainedError') { return 'No microphone was found.'; }
    if (name === 'NotReadableError') { return 'The microphone is in use by another program.'; }
    return 'Could not start recording' + (err && err.message ? ': ' + err.message : '.');
  }

  /**
   * One recording session: start() asks for the microphone and records; stop() resolves with the
   * take { id, blob, type, seconds, date } (saved in IndexedDB) or null when nothing was recorded.
   */
  function Recorder(takes) {
    let rec = null, stream = null, chunks = [], started = 0, id = null;

    function release() {
      if (stream) { stream.getTracks().forEach((t) => t.stop()); }
      stream = null;
    }

    this.recording = () => !!rec && rec.state === 'recording';
    this.seconds = () => (this.recording() ? (Date.now() - started) / 1000 : 0);

    this.start = (questionId) => navigator.mediaDevices.getUserMedia({ audio: true }).then((s) => {
      stream = s;
      chunks = [];
      id = questionId;
      rec = new window.MediaRecorder(s);
      rec.ondataavailable = (e) => { if (e.data && e.data.size) { chunks.push(e.data); } };
      started = Date.now();
      rec.start(250);
    }, (err) => { release(); throw new Error(microphoneProblem(err)); });

    this.stop = () => new Promise((resolve) => {
      if (!rec || rec.state === 'inactive') { release(); resolve(null); return; }
      const r = rec;
      r.onstop = () => {
        release();
        rec = null;
        if (!chunks.length) { resolve(null); return; }
        const type = r.mimeType || chunks[0].type || 'audio/webm';
        const take = { id: id, blob: new Blob(chunks, { type: type }), type: type,
          seconds: Math.round((Date.now() - started) / 1000), date: new Date().toISOString() };
        takes.put(take).then(() => resolve(take), () => resolve(take));
      };
      r.stop();
    });
  }

  S.voice = {
    speechProblem: speechProblem, speak: speak, stopSpeaking: stopSpeaking, pickVoice: pickVoice,
    recordProblem: recordProblem, Takes: Takes, Recorder: Recorder
  };
})();
