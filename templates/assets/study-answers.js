/* starbook study mode: "My answer", the reader's own answer to a question, written in Markdown and
   kept only in this browser (StarbookStudy.AnswerStore). Used on question pages and in the mock
   interview's review; the Progress tab lists and exports them. Needs study-core.js first. */
(function () {
  'use strict';
  const S = window.StarbookStudy;
  if (!S) { return; }
  const SAVE_AFTER_MS = 400;
  let made = 0;

  function when(iso) {
    const d = new Date(iso);
    if (!iso || isNaN(d.getTime())) { return ''; }
    return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  }

  /**
   * Builds the editor for one question inside `host` (replacing what was there):
   * a <details> "My answer" with a labelled textarea, saved as you type (debounced).
   * question: { id, title, star }. Returns { flush() } to save at once.
   */
  function editor(host, answers, question) {
    const n = ++made;
    const saved = answers.get(question.id);
    const box = document.createElement('details');
    box.className = 'my-answer';
    box.setAttribute('data-id', question.id);
    box.open = !!saved;
    const summary = document.createElement('summary');
    summary.textContent = saved ? 'My answer (saved)' : 'My answer';
    const label = document.createElement('label');
    label.htmlFor = 'my-answer-' + n;
    label.textContent = 'Write your own answer (Markdown). It stays private, in this browser.';
    const text = document.createElement('textarea');
    text.id = 'my-answer-' + n;
    text.className = 'my-answer-text';
    text.rows = question.star ? 12 : 8;
    text.spellcheck = true;
    text.value = saved ? saved.markdown : question.star ? S.STAR_TEMPLATE : '';
    const status = document.createElement('p');
    status.className = 'my-answer-status';
    status.setAttribute('role', 'status');
    status.textContent = saved ? 'Last edited ' + when(saved.updated) + '.' : '';
    box.append(summary, label, text, status);
    host.replaceChildren(box);

    let timer = 0;
    let last = text.value;
    function save() {
      window.clearTimeout(timer);
      timer = 0;
      if (text.value === last) { return; }
      last = text.value;
      const untouched = question.star && text.value === S.STAR_TEMPLATE;
      const updated = new Date().toISOString();
      const ok = answers.put(question.id, {
        title: question.title, star: !!question.star, markdown: untouched ? '' : text.value, updated: updated
      });
      const kept = !untouched && text.value.trim();
      status.textContent = !ok ? 'This browser does not let the page store anything: your answer is not saved.'
        : kept ? 'Saved ' + when(updated) + '.' : 'Nothing saved: the answer is empty.';
      summary.textContent = kept && ok ? 'My answer (saved)' : 'My answer';
      box.setAttribute('data-saved', updated);
    }
    text.addEventListener('input', () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, SAVE_AFTER_MS);
    });
    text.addEventListener('blur', save);
    window.addEventListener('pagehide', save);
    return { flush: save, element: box };
  }

  /** The Progress tab's list: title (linked when the question is in this guide), last edited, delete. */
  function list(host, answers, hrefOf, onChange) {
    const d = answers.load();
    const ids = Object.keys(d.answers).sort((a, b) =>
      String(d.answers[b].updated || '').localeCompare(String(d.answers[a].updated || '')));
    if (!ids.length) {
      const p = document.createElement('p');
      p.className = 'my-answers-empty';
      p.textContent = 'No answers yet. Write one under “My answer” on a question page or after a mock answer.';
      host.replaceChildren(p);
      return 0;
    }
    const ul = document.createElement('ul');
    ul.className = 'my-answers-list';
    ids.forEach((id) => {
      const a = d.answers[id];
      const li = document.createElement('li');
      li.setAttribute('data-id', id);
      const href = hrefOf(id);
      const title = document.createElement(href ? 'a' : 'span');
      if (href) { title.href = href; }
      title.className = 'my-answer-title';
      title.textContent = a.title || id;
      const time = document.createElement('span');
      time.className = 'my-answer-when';
      time.textContent = 'last edited ' + when(a.updated);
      const del = document.createElement('button');
      del.type = 'button';
      del.className = 'button my-answer-delete';
      del.textContent = 'Delete';
      del.setAttribute('aria-label', 'Delete my answer to “' + (a.title || id) + '”');
      del.addEventListener('click', () => {
        answers.remove(id);
        onChange('Deleted your answer to “' + (a.title || id) + '”.');
      });
      li.append(title, time, del);
      ul.appendChild(li);
    });
    host.replaceChildren(ul);
    return ids.length;
  }

  S.answerEditor = editor;
  S.answerList = list;
})();
