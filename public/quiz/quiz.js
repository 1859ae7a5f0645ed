'use strict';
(function () {
  var app = document.getElementById('app');
  var token = location.pathname.split('/').pop();
  var LETTERS = 'ABCDEFGH';

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    for (var key in attrs || {}) {
      if (key === 'text') node.textContent = attrs[key];
      else if (key === 'on') for (var ev in attrs.on) node.addEventListener(ev, attrs.on[ev]);
      else if (attrs[key] !== false && attrs[key] != null) node.setAttribute(key, attrs[key] === true ? '' : attrs[key]);
    }
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }
  function show(nodes) { app.textContent = ''; nodes.forEach(function (n) { if (n) app.appendChild(n); }); window.scrollTo(0, 0); }
  function api(method, path, body, keepalive) {
    return fetch(path, {
      method: method,
      headers: body ? { 'Content-Type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
      cache: 'no-store',
      keepalive: !!keepalive,
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (!res.ok) { var e = new Error(typeof data.message === 'string' ? data.message : '网络繁忙，请稍后重试。'); e.status = res.status; e.data = data; throw e; }
        return data;
      });
    }, function () { throw new Error('网络连接失败，请检查网络后重试。'); });
  }
  function sameNote() {
    return location.hash === '#same' ? el('p', { class: 'note', 'data-same': true, text: '同一单位中姓名相同视为同一人：已接着您之前的答题记录。' }) : null;
  }
  function problem(err) {
    var text = err.message || '出了点问题，请稍后重试。';
    var parts = text.split('：');
    show([el('section', { class: 'problem', 'data-problem': (err.data && err.data.reason) || 'error' }, [
      el('h1', { text: parts.length > 1 ? parts[0] : '无法继续' }), el('p', { text: parts.length > 1 ? parts.slice(1).join('：') : text })])]);
  }

  // ---------- the quiz behind a personal link ----------
  var paper, answers, current, deadlineAt, timer, saveTimer, submitting = false;
  // Changes made, and the last change the service has stored: a save that fails is sent again.
  var edits = 0, savedEdits = 0, saveFailures = 0;
  var SAVE_DELAY_MS = 400, RETRY_MAX_MS = 15000;

  function startQuiz() {
    api('GET', '/api/web/paper/' + token).then(onPaper, problem);
  }
  function onPaper(data) {
    if (data.state === 'finished') return showResult(data.summary.attemptId, data.summary);
    paper = data;
    answers = paper.questions.map(function (_, i) { return paper.saved[i] || ''; });
    deadlineAt = Date.now() + paper.secondsLeft * 1000;
    var first = answers.indexOf('');
    current = first < 0 ? paper.questions.length : first;
    clearInterval(timer);
    timer = setInterval(tick, 1000);
    render();
  }
  function secondsLeft() { return Math.max(0, Math.round((deadlineAt - Date.now()) / 1000)); }
  function clock(s) { var m = Math.floor(s / 60), r = s % 60; return (m >= 60 ? Math.floor(m / 60) + '小时' + (m % 60) + '分' : m + '分') + (r < 10 ? '0' : '') + r + '秒'; }
  function tick() {
    var s = secondsLeft(), t = document.querySelector('.timer');
    if (t) { t.textContent = '剩余 ' + clock(s); t.className = s <= 30 ? 'timer low' : 'timer'; }
    if (s <= 0 && !submitting) submit(true);
  }
  function header() {
    var done = answers.filter(function (a) { return a; }).length;
    return el('div', { class: 'bar' }, [
      el('h1', { text: paper.title }),
      sameNote(),
      el('div', { class: 'meta' }, [el('span', { 'data-progress': true, text: '已答 ' + done + '/' + paper.questions.length }), el('span', { class: 'timer', text: '剩余 ' + clock(secondsLeft()) })]),
      el('div', { class: 'progress' }, [el('i', { style: 'width:' + Math.round((done / paper.questions.length) * 100) + '%' })]),
      el('p', { class: 'note', 'data-save-state': true, role: 'status', text: saveStateText() }),
    ]);
  }
  function save() {
    edits++;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(flush, SAVE_DELAY_MS);
  }
  function flush(keepalive) {
    clearTimeout(saveTimer);
    if (submitting || !paper || savedEdits === edits) return;
    var sending = edits;
    api('POST', '/api/web/progress/' + token, { attemptId: paper.attemptId, answers: answers.slice() }, keepalive).then(function () {
      savedEdits = Math.max(savedEdits, sending);
      saveFailures = 0;
      showSaveState();
    }, function (err) {
      // A 4xx says the attempt is over or the link is not valid: submitting tells the member which.
      if (err.status && err.status < 500 && err.status !== 429) return;
      saveFailures++;
      showSaveState();
      // A later change has its own save under way; otherwise try again, waiting longer each time.
      if (edits === sending) saveTimer = setTimeout(flush, Math.min(RETRY_MAX_MS, 1000 * Math.pow(2, saveFailures - 1)));
    });
  }
  function saveStateText() { return saveFailures && savedEdits < edits ? '网络不稳，答案暂存在本页，正在重试保存…' : ''; }
  function showSaveState() {
    var note = document.querySelector('[data-save-state]');
    if (note) note.textContent = saveStateText();
  }
  // A member who switches away from the page (another app, a locked phone) may not come back to it.
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') flush(true); });
  window.addEventListener('pagehide', function () { flush(true); });
  function choose(i, letter) {
    var q = paper.questions[i];
    if (q.type === 'multiple') {
      var set = answers[i].split('').filter(function (l) { return l !== letter; });
      if (answers[i].indexOf(letter) < 0) set.push(letter);
      answers[i] = set.sort().join('');
    } else answers[i] = letter;
    save();
    render();
  }
  function questionCard(i) {
    var q = paper.questions[i];
    var body = q.type === 'fill'
      ? [el('input', { 'data-fill': true, value: answers[i], maxlength: 50, placeholder: '请输入答案', on: { input: function (e) { answers[i] = e.target.value; save(); } } })]
      : q.options.map(function (text, k) {
          var letter = LETTERS[k];
          return el('button', { type: 'button', class: 'opt' + (answers[i].indexOf(letter) >= 0 ? ' on' : ''), 'data-option': letter, on: { click: function () { choose(i, letter); } } }, [letter + '. ' + text]);
        });
    return el('section', { class: 'card', 'data-question': i + 1 }, [
      el('div', { class: 'muted' }, [el('span', { class: 'tag', text: q.label }), '第 ' + (i + 1) + ' 题，共 ' + paper.questions.length + ' 题' + (q.type === 'multiple' ? '（可多选）' : '')]),
      el('div', { class: 'stem', text: q.stem }),
    ].concat(body));
  }
  function render() {
    if (current >= paper.questions.length) return review();
    var last = current === paper.questions.length - 1;
    show([header(), questionCard(current), el('div', { class: 'row' }, [
      el('button', { type: 'button', class: 'btn alt', disabled: current === 0, 'data-prev': true, text: '上一题', on: { click: function () { current--; render(); } } }),
      el('button', { type: 'button', class: 'btn', 'data-next': true, text: last ? '检查答卷' : '下一题', on: { click: function () { save(); current++; render(); } } }),
    ])]);
  }
  function review() {
    var missing = 0;
    var items = paper.questions.map(function (q, i) {
      if (!answers[i]) missing++;
      return el('li', { class: answers[i] ? '' : 'todo', on: { click: function () { current = i; render(); } } }, ['第 ' + (i + 1) + ' 题：' + (answers[i] || '未作答（点此返回作答）')]);
    });
    show([header(), el('section', { class: 'card' }, [
      el('h2', { text: '提交前检查' }),
      el('ol', { class: 'review' }, items),
      missing ? el('p', { class: 'note', text: '还有 ' + missing + ' 题未作答，提交后不能修改。' }) : el('p', { class: 'muted', text: '全部已作答，提交后不能修改。' }),
      el('p', { class: 'err', id: 'err' }),
      el('div', { class: 'row' }, [
        el('button', { type: 'button', class: 'btn alt', text: '返回修改', on: { click: function () { current = 0; render(); } } }),
        el('button', { type: 'button', class: 'btn', 'data-submit': true, text: '提交答卷', on: { click: function () { submit(false); } } }),
      ]),
    ])]);
  }
  function submit(timeUp) {
    if (submitting) return;
    submitting = true;
    clearTimeout(saveTimer);
    var button = document.querySelector('[data-submit]');
    if (button) button.disabled = true;
    api('POST', '/api/web/submit/' + token, { attemptId: paper.attemptId, answers: answers }).then(function (summary) {
      clearInterval(timer);
      showResult(summary.attemptId, summary, timeUp);
    }, function (err) {
      submitting = false;
      if (button) button.disabled = false;
      if (err.status && err.status !== 400) return problem(err);
      var box = document.getElementById('err');
      if (box) box.textContent = err.message; else problem(err);
    });
  }
  function showResult(attemptId, summary, timeUp) {
    api('GET', '/api/web/result/' + token + '?attempt=' + attemptId).then(function (r) {
      var s = r.summary;
      var nodes = [
        el('h1', { text: r.title }),
        sameNote(),
        el('section', { class: 'card' }, [
          timeUp || s.late ? el('p', { class: 'note', text: '答题时间已到，超时提交的答案不计分。' }) : null,
          el('div', { class: 'score', 'data-score': s.score, text: s.score + ' / ' + s.maxScore + ' 分' }),
          el('p', { text: '答对 ' + s.correctCount + '/' + s.total + ' 题，目前在本轮排第 ' + s.rank + '/' + s.of + ' 名。' }),
          r.unit ? el('p', { 'data-unit-rank': r.unit.rank, text: '「' + r.unit.name + '」在 ' + r.unit.of + ' 个单位中排第 ' + r.unit.rank + ' 名。' }) : null,
          s.attemptsLeft > 0 ? el('button', { type: 'button', class: 'btn', text: '再答一次（还可答 ' + s.attemptsLeft + ' 次）', on: { click: again } }) : el('p', { class: 'muted', text: '本轮每人可答 ' + r.attemptsAllowed + ' 次，您已答完。' }),
        ]),
        el('h2', { text: '答题详情' }),
      ];
      r.questions.forEach(function (q, i) {
        nodes.push(el('section', { class: 'card' }, [
          el('div', { class: 'muted' }, [el('span', { class: 'tag', text: q.label }), '第 ' + (i + 1) + ' 题']),
          el('div', { class: 'stem', text: q.stem }),
          q.options.length ? el('div', { class: 'muted', text: q.options.map(function (o, k) { return LETTERS[k] + '. ' + o; }).join('　') }) : null,
          el('p', { class: q.correct ? 'ok' : 'bad', text: (q.correct ? '✔ 正确' : '✘ 错误') + '，您的答案：' + (q.response || '未作答') }),
          q.correct ? null : el('p', { text: '正确答案：' + q.answer }),
          q.explanation ? el('p', { class: 'muted', text: '解析：' + q.explanation }) : null,
        ]));
      });
      show(nodes);
    }, problem);
  }
  function again() { submitting = false; api('POST', '/api/web/again/' + token).then(onPaper, problem); }

  // ---------- the group link: unit and name first ----------
  function startGroup() {
    api('GET', '/api/web/group/' + token).then(function (entry) {
      var list = el('ul', { class: 'units' });
      var unit = el('input', { 'data-unit': true, placeholder: '输入单位名称或简称搜索', autocomplete: 'off', maxlength: 100, on: { input: filter } });
      var name = el('input', { 'data-name': true, placeholder: '请输入您的姓名', maxlength: 20, autocomplete: 'name' });
      var error = el('p', { class: 'err' });
      function filter() {
        var text = unit.value.trim().toLowerCase();
        list.textContent = '';
        entry.units.filter(function (u) {
          return !text || [u.name].concat(u.aliases).some(function (n) { return n.toLowerCase().indexOf(text) >= 0; });
        }).slice(0, 50).forEach(function (u) {
          list.appendChild(el('li', { 'data-unit-option': u.name, text: u.name, on: { click: function () { unit.value = u.name; filter(); } } }));
        });
      }
      var start = el('button', { type: 'button', class: 'btn', 'data-start': true, text: '开始答题', on: { click: function () {
        start.disabled = true;
        error.textContent = '';
        api('POST', '/api/web/group/' + token + '/start', { unit: unit.value, name: name.value }).then(function (r) {
          location.href = r.link + (r.existed ? '#same' : '');
        }, function (err) {
          start.disabled = false;
          if (err.status && err.status !== 400) return problem(err);
          error.textContent = err.message;
        });
      } } });
      filter();
      show([
        el('h1', { text: entry.title }),
        el('section', { class: 'card' }, [
          el('p', { class: 'muted', text: '共 ' + entry.questionCount + ' 题' + (entry.secondsPerQuestion > 0 ? '，每题限时 ' + entry.secondsPerQuestion + ' 秒' : '') + '。每人可答 ' + entry.attemptsAllowed + ' 次。' }),
          el('p', { class: 'note', text: '同一单位中姓名相同视为同一人，答题次数合并计算，请填写真实姓名。' }),
          el('label', { text: '所在单位' }), unit, list,
          el('label', { text: '姓名' }), name,
          error,
          el('div', { class: 'row' }, [start]),
        ]),
      ]);
    }, problem);
  }

  if (document.body.getAttribute('data-page') === 'group') startGroup();
  else startQuiz();
})();
