// The ops console: uploads with progress, their reports, recent uploads, card lookups (with each history entry's
// reason, action and source), the partners' unmapped reasons, the quarantine (accept, discard) and the projection's
// rebuilds, on the JSON endpoints
// under /console/api (common.js). Text from the server is only ever set as textContent.
(function () {
  'use strict';
  // every call the console makes: the ops API's routes as the server serves them again for the console
  // (ConsoleRoutes), and the console's own; ConsoleSecurityTests checks that each is mapped
  var ROUTES = {
    uploads: '/console/api/uploads',
    upload: '/console/api/uploads/{id}',
    rejections: '/console/api/uploads/{id}/rejections.csv',
    cards: '/console/api/cards',
    unmapped: '/console/api/unmapped-reasons',
    rebuilds: '/console/api/projection-rebuilds',
    audit: '/console/api/lookup-audit',
    quarantine: '/console/api/quarantine',
    accept: '/console/api/api/v1/quarantine/{id}/{id}/accept',
    discard: '/console/api/api/v1/quarantine/{id}/{id}/discard'
  };
  var PAGE_SIZE = 50;
  var report = {id: null, page: 0};
  var refreshTimer = null;
  var rebuildsTimer = null;

  var $ = cardConsole.$, el = cardConsole.el, utc = cardConsole.utc, api = cardConsole.api;

  function route(name, id) { return ROUTES[name].replace('{id}', encodeURIComponent(id)); }

  function count(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  function uploadOne(file, kind) {
    var item = el('li');
    var name = el('span', file.name);
    var bar = el('progress');
    bar.max = 100; bar.value = 0;
    bar.setAttribute('aria-label', 'Upload of ' + file.name);
    var state = el('span', 'sending…');
    item.append(name, bar, state);
    $('upload-list').append(item);
    var data = new FormData();
    data.append('file', file);
    if (kind) { data.append('kind', kind); }
    var xhr = new XMLHttpRequest();
    xhr.open('POST', route('uploads'));
    xhr.setRequestHeader(cardConsole.csrf().header, cardConsole.csrf().token);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); }
    };
    xhr.upload.onload = function () { bar.value = 100; state.textContent = 'reading rows…'; refreshRecent(); };
    xhr.onload = function () {
      if (xhr.status === 401) { cardConsole.signInAgain(); return; }
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (ignored) { body = {message: xhr.statusText}; }
      state.textContent = '';
      if (xhr.status === 201) {
        state.append(el('span', count(body.rows_total, 'row') + ': ' + body.rows_accepted + ' accepted, '
          + body.rows_rejected + ' rejected, ' + count(body.warnings_total, 'warning') + ' ', 'ok'));
      } else {
        state.append(el('span', 'refused: ' + (body.message || xhr.status) + ' ', 'error'));
      }
      if (body.upload_id) { state.append(reportButton(body.upload_id, file.name)); }
      refreshRecent();
    };
    xhr.onerror = function () { state.textContent = 'the upload did not reach the server'; state.className = 'error'; };
    xhr.send(data);
  }

  function reportButton(id, fileName) {
    var button = el('button', 'Report', 'link');
    button.type = 'button';
    button.setAttribute('aria-label', 'Report of ' + fileName);
    button.addEventListener('click', function () { showReport(id, 0, true); });
    return button;
  }

  // line: the file's line a card's history entry came from, named above the report
  function showReport(id, page, focus, line) {
    report = {id: id, page: page};
    $('report-line').hidden = !line;
    $('report-line').textContent = line ? 'The history entry you followed came from line ' + line + ' of this file.' : '';
    api(route('upload', id) + '?page=' + page + '&size=' + PAGE_SIZE).then(function (r) {
      var u = r.body;
      $('report').hidden = false;
      $('report-heading').textContent = 'Report: ' + u.file;
      var counts = $('report-counts');
      counts.textContent = '';
      [['State', u.state], ['Kind', u.kind || '–'], ['Rows total', u.rows_total], ['Accepted', u.rows_accepted],
        ['Rejected', u.rows_rejected], ['Warnings', u.warnings_total], ['Uploaded by', u.uploaded_by],
        ['Upload ID', u.upload_id]].forEach(function (pair) {
        counts.append(el('dt', pair[0]), el('dd', pair[1]));
      });
      $('report-error').hidden = !u.error;
      $('report-error').textContent = u.error || '';
      var warnings = $('report-warnings');
      warnings.textContent = '';
      if (u.warnings.length) {
        warnings.append(el('h3', 'Warnings'));
        var list = el('ul');
        u.warnings.forEach(function (w) { list.append(el('li', w)); });
        warnings.append(list);
      }
      $('rejections-csv').href = route('rejections', id);
      var rows = $('rejections').tBodies[0];
      rows.textContent = '';
      u.rejections.forEach(function (rejection) {
        var tr = el('tr');
        tr.append(el('td', rejection.line), el('td', rejection.reason));
        rows.append(tr);
      });
      if (!u.rejections.length) {
        var none = el('tr');
        var cell = el('td', page === 0 ? 'No rejected rows.' : 'No more rejected rows.');
        cell.colSpan = 2;
        none.append(cell);
        rows.append(none);
      }
      var pages = Math.max(1, Math.ceil(u.rows_rejected / PAGE_SIZE));
      $('page-info').textContent = 'Page ' + (page + 1) + ' of ' + pages;
      $('page-prev').disabled = page === 0;
      $('page-next').disabled = page + 1 >= pages;
      if (focus) { $('report-heading').focus(); }
    });
  }

  function refreshRecent() {
    clearTimeout(refreshTimer);
    api(route('uploads') + '?limit=20').then(function (r) {
      var rows = $('recent').tBodies[0];
      rows.textContent = '';
      var reading = 0;
      r.body.forEach(function (u) {
        if (u.state === 'PROCESSING') { reading++; }
        var tr = el('tr');
        var received = utc(u.received_at).replace(' UTC', '');
        var rowsCell = u.state === 'PROCESSING' ? u.rows_read + ' read' : u.rows_total;
        tr.append(el('td', received), el('td', u.file), el('td', u.kind || '–'),
          el('td', u.state, 'state-' + u.state), el('td', rowsCell), el('td', u.rows_accepted),
          el('td', u.rows_rejected), el('td', u.uploaded_by));
        var action = el('td');
        action.append(reportButton(u.upload_id, u.file));
        tr.append(action);
        rows.append(tr);
      });
      $('recent-note').textContent = reading ? reading + ' file(s) still being read; refreshing every 2 s.'
        : (r.body.length ? '' : 'No uploads yet.');
      if (reading) { refreshTimer = setTimeout(refreshRecent, 2000); }
    });
  }

  // RECIPIENT_UNAVAILABLE -> recipient unavailable; an unmapped one shows what the partner sent
  function reasonText(reason, raw) {
    var text = reason.toLowerCase().replace(/_/g, ' ');
    return reason === 'OTHER' && raw ? text + ' (unmapped: ' + raw + ')' : text;
  }

  function actionText(action) {
    return !action || action === 'NONE' ? 'no action needed' : action.toLowerCase().replace(/_/g, ' ');
  }

  // where a history entry came from: a link to its upload's report, the API call, or the partner topic's record
  function sourceOf(h) {
    var s = h.source;
    var line = el('div', null, 'hint');
    if (s.upload_id) {
      var link = el('button', s.file + ', line ' + s.line, 'link');
      link.type = 'button';
      link.setAttribute('aria-label', 'Report of ' + s.file + ', line ' + s.line);
      link.addEventListener('click', function () { showReport(s.upload_id, 0, true, s.line); });
      line.append('From ', link);
    } else if (s.topic) {
      line.textContent = 'From Kafka ' + s.topic + ' partition ' + s.partition + ' offset ' + s.offset;
    } else {
      line.textContent = 'From the API, sent by ' + (s.caller || 'unknown')
        + (h.partner_event_id ? ' (event ' + h.partner_event_id + ')' : '');
    }
    return line;
  }

  // what to add to the partner's section of the reason mapping file; REASON is for ops to choose
  function mappingLine(raw) {
    return /^[A-Za-z0-9_.:-]{1,32}$/.test(raw) ? 'codes:  ' + raw + ': REASON'
      : "comments:  - {pattern: '" + raw.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "''")
        + "', reason: REASON}";
  }

  function refreshUnmapped() {
    api(route('unmapped')).then(function (r) {
      var rows = $('unmapped').tBodies[0];
      rows.textContent = '';
      $('unmapped-note').textContent = r.status !== 200 ? (r.body.message || 'the list could not be read')
        : (r.body.length ? '' : 'Every current reason is mapped.');
      (r.status === 200 ? r.body : []).forEach(function (u) {
        var tr = el('tr');
        var example = el('button', u.example_card, 'link');
        example.type = 'button';
        example.addEventListener('click', function () {
          $('card-id').value = u.example_card;
          $('phone').value = '';
          api(route('cards') + '?card_id=' + encodeURIComponent(u.example_card)).then(renderCard);
        });
        var exampleCell = el('td');
        exampleCell.append(example);
        tr.append(el('td', u.partner || '–'), el('td', u.raw_reason), el('td', u.cards), exampleCell,
          el('td', utc(u.last_seen)), el('td', 'partners.' + (u.partner || '?') + '.' + mappingLine(u.raw_reason), 'code'));
        rows.append(tr);
      });
    });
  }

  function showAudit() {
    var query = new URLSearchParams();
    [['caller', 'audit-caller'], ['card_id', 'audit-card'], ['phone', 'audit-phone']].forEach(function (f) {
      if ($(f[1]).value.trim()) { query.set(f[0], $(f[1]).value.trim()); }
    });
    api(route('audit') + '?' + query.toString()).then(function (r) {
      var rows = $('audit').tBodies[0];
      rows.textContent = '';
      var entries = r.status === 200 ? r.body.entries : [];
      $('audit-note').textContent = r.status !== 200 ? (r.body.message || 'the audit could not be read')
        : (entries.length ? '' : 'No lookups recorded for these filters.');
      entries.forEach(function (e) {
        var tr = el('tr');
        tr.append(el('td', utc(e.at)), el('td', e.caller), el('td', e.lookup), el('td', e.card_id || '–'),
          el('td', e.phone_hash ? e.phone_hash.substring(0, 12) + '…' : '–', 'code'));
        rows.append(tr);
      });
    });
  }

  // accept or discard one quarantined event: the card's ID, then the event's, in place of the two {id}
  function decide(action, q, button) {
    var url = ROUTES[action].replace('{id}', encodeURIComponent(q.card_id)).replace('{id}', encodeURIComponent(q.event_id));
    button.disabled = true;
    api(url, {method: 'POST'}).then(function (r) {
      $('quarantine-note').textContent = r.status === 202
        ? action + ' sent for card ' + q.card_id + '; the list follows within seconds'
        : (r.body.message || (action + ' failed (' + r.status + ')'));
      setTimeout(refreshQuarantine, 1500);
    });
  }

  function refreshQuarantine() {
    api(route('quarantine')).then(function (r) {
      var rows = $('quarantine').tBodies[0];
      rows.textContent = '';
      if (r.status !== 200) {
        $('quarantine-note').textContent = r.body.message || 'the quarantine could not be read';
      } else if (!r.body.length) {
        $('quarantine-note').textContent = 'No event is waiting.';
      }
      (r.status === 200 ? r.body : []).forEach(function (q) {
        var tr = el('tr');
        var cell = el('td');
        ['accept', 'discard'].forEach(function (action) {
          var button = el('button', action === 'accept' ? 'Accept' : 'Discard');
          button.type = 'button';
          button.setAttribute('aria-label', action + ' the event of ' + (q.partner || '?') + ' for card ' + q.card_id);
          button.addEventListener('click', function () { decide(action, q, button); });
          cell.append(button, ' ');
        });
        tr.append(el('td', q.card_id), el('td', q.owner || '–'), el('td', q.partner || '–'), el('td', q.status),
          el('td', utc(q.at)), el('td', q.partner_event_id || '–'), el('td', q.caller || '–'), cell);
        rows.append(tr);
      });
    });
  }

  // 503120 of 1004612 records read, 500113 cards written (50%)
  function progress(g) {
    if (g.state !== 'building' && g.state !== 'requested') { return g.message || (g.cards_written ? count(g.cards_written, 'card') + ' written' : '–'); }
    if (g.records_total === null) { return 'waiting for a processor'; }
    var share = g.records_total ? Math.floor(100 * g.records_read / g.records_total) : 100;
    return g.records_read + ' of ' + g.records_total + ' records read, ' + count(g.cards_written, 'card') + ' written (' + share + '%)';
  }

  function refreshRebuilds() {
    api(route('rebuilds')).then(function (r) {
      var rows = $('rebuilds').tBodies[0];
      rows.textContent = '';
      $('rebuilds-note').textContent = r.status !== 200 ? (r.body.message || 'the rebuilds could not be read') : '';
      var running = false;
      (r.status === 200 ? r.body : []).forEach(function (g) {
        running = running || g.state === 'building' || g.state === 'requested';
        var tr = el('tr', undefined, 'rebuild-' + g.state);
        tr.append(el('td', g.id), el('td', g.state + (g.cancel_requested && g.state === 'building' ? ' (cancelling)' : '')),
          el('td', g.mode), el('td', g.requested_by), el('td', progress(g)), el('td', g.reasons_remapped),
          el('td', utc(g.started_at)), el('td', utc(g.switched_at || g.finished_at)));
        rows.append(tr);
      });
      clearTimeout(rebuildsTimer);
      rebuildsTimer = running ? setTimeout(refreshRebuilds, 2000) : null;
    });
  }

  function renderCard(r) {
    var box = $('card');
    box.textContent = '';
    if (r.status !== 200) {
      box.append(el('p', r.body.message || ('lookup failed (' + r.status + ')'), 'error'));
      return;
    }
    var c = r.body;
    var heading = el('h3', 'Card ' + c.card_id);
    heading.tabIndex = -1;
    box.append(heading);
    var facts = el('dl');
    [['Status', c.status], ['Since', utc(c.status_at)], ['Reason', c.reason ? reasonText(c.reason, c.raw_reason) : '–'],
      ['Action required', actionText(c.action_required)], ['Responsible', c.responsible || '–'],
      ['Phone', c.user_phone || '–'], ['Attempts', c.attempts === null || c.attempts === undefined ? '–' : c.attempts],
      ['Delivery exceptions', c.delivery_exceptions], ['Partner', c.partner || '–'], ['Comment', c.comment || '–'],
      ['Changed (as of)', utc(c.as_of)], ['Stalled since', utc(c.stalled_since)]].forEach(function (pair) {
      facts.append(el('dt', pair[0]), el('dd', pair[1]));
    });
    box.append(facts);
    if (c.other_cards && c.other_cards.length) {
      box.append(el('p', 'Other cards of this phone: ' + c.other_cards.join(', '), 'hint'));
    }
    box.append(el('h3', 'History'));
    var timeline = el('ol', null, 'timeline');
    (c.history || []).forEach(function (h) {
      var li = el('li');
      li.append(el('strong', h.status));
      var time = el('time', utc(h.at));
      time.dateTime = h.at;
      li.append(time);
      if (h.reason) {
        li.append(el('div', reasonText(h.reason, h.raw_reason) + ' · ' + actionText(h.action_required), 'reason'));
      }
      if (h.comment) { li.append(el('div', h.comment, 'hint')); }
      if (h.source) { li.append(sourceOf(h)); }
      timeline.append(li);
    });
    box.append(timeline);
    heading.focus();
  }

  function wire() {
    $('upload-form').addEventListener('submit', function (e) {
      e.preventDefault();
      Array.prototype.forEach.call($('files').files, function (f) { uploadOne(f, $('kind').value); });
      $('files').value = '';
    });
    var zone = $('drop-zone');
    zone.addEventListener('dragover', function (e) { e.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', function () { zone.classList.remove('over'); });
    zone.addEventListener('drop', function (e) {
      e.preventDefault();
      zone.classList.remove('over');
      Array.prototype.forEach.call(e.dataTransfer.files, function (f) { uploadOne(f, $('kind').value); });
    });
    $('page-prev').addEventListener('click', function () { showReport(report.id, report.page - 1); });
    $('page-next').addEventListener('click', function () { showReport(report.id, report.page + 1); });
    $('unmapped-refresh').addEventListener('click', refreshUnmapped);
    $('rebuilds-refresh').addEventListener('click', refreshRebuilds);
    $('audit-form').addEventListener('submit', function (e) { e.preventDefault(); showAudit(); });
    $('quarantine-refresh').addEventListener('click', refreshQuarantine);
    $('lookup-form').addEventListener('submit', function (e) {
      e.preventDefault();
      var query = new URLSearchParams();
      if ($('card-id').value.trim()) { query.set('card_id', $('card-id').value.trim()); }
      if ($('phone').value.trim()) { query.set('phone', $('phone').value.trim()); }
      api(route('cards') + '?' + query.toString()).then(renderCard);
    });
  }

  cardConsole.start(function () {
    wire();
    refreshRecent();
    refreshUnmapped();
    refreshQuarantine();
    refreshRebuilds();
    // a link from the work queue names the card to show: /console/?card_id=…
    var asked = new URLSearchParams(window.location.search).get('card_id');
    if (asked) {
      $('card-id').value = asked;
      api(route('cards') + '?card_id=' + encodeURIComponent(asked)).then(renderCard);
      $('lookup-heading').scrollIntoView();
    }
  });
}());
