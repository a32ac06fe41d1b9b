// The console's webhook subscriptions page: every subscription of status-notifier with its state, filter, backlog and
// last attempts, and for each: pause or resume, send a test event, redeliver a time range. The calls go to this
// service (NotifierProxy), which asks the notifier with a key of its own; no signing secret ever reaches this page.
(function () {
  'use strict';
  // every call this page makes; ConsoleSecurityTests checks that each is mapped
  var ROUTES = {
    subscriptions: '/console/api/subscriptions',
    subscription: '/console/api/subscriptions/{id}',
    pause: '/console/api/subscriptions/{id}/pause',
    resume: '/console/api/subscriptions/{id}/resume',
    test: '/console/api/subscriptions/{id}/test',
    redeliver: '/console/api/subscriptions/{id}/redeliver'
  };
  var $ = cardConsole.$, el = cardConsole.el, utc = cardConsole.utc, api = cardConsole.api;
  // the subscriptions as listed, each replaced by its own view (with its last attempts) once that is read
  var all = [];

  function route(name, id) { return ROUTES[name].replace('{id}', encodeURIComponent(id)); }

  function count(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  // an instant as the redeliver fields take it: 2026-12-07T11:00:00Z
  function iso(millis) { return new Date(millis).toISOString().replace(/\.\d+Z$/, 'Z'); }

  function filterText(s) {
    var parts = [];
    [['statuses', 'statuses'], ['partners', 'partners'], ['reasons', 'reasons'], ['action_required', 'actions']]
      .forEach(function (f) { if (s[f[0]] && s[f[0]].length) { parts.push(f[1] + ': ' + s[f[0]].join(', ')); } });
    if (s.stalled === true) { parts.push('stalled cards only'); }
    if (s.stalled === false) { parts.push('cards not stalled'); }
    return parts.length ? parts.join('; ') : 'every change';
  }

  function stateText(s) {
    return s.state !== 'paused' ? 'active'
      : 'paused since ' + utc(s.paused_at) + (s.paused_reason ? ': ' + s.paused_reason : '');
  }

  function backlogText(s) {
    return s.backlog === 0 ? 'none'
      : count(s.backlog, 'webhook') + ' waiting, the oldest since ' + utc(s.oldest_pending_since);
  }

  function attemptsTable(attempts) {
    var table = el('table', null, 'attempts');
    var head = el('tr');
    ['Time (UTC)', 'Status code', 'Latency', 'Error', 'Webhook ID'].forEach(function (name) {
      var th = el('th', name);
      th.scope = 'col';
      head.append(th);
    });
    table.append(el('thead'), el('tbody'));
    table.tHead.append(head);
    attempts.forEach(function (a) {
      var tr = el('tr');
      tr.append(el('td', utc(a.attempted_at).replace(' UTC', '')),
        el('td', a.status_code === null || a.status_code === undefined ? '–' : a.status_code,
          a.status_code >= 200 && a.status_code < 300 ? 'ok' : 'error'),
        el('td', a.latency_ms + ' ms'), el('td', a.error || '–'), el('td', a.webhook_id, 'code'));
      table.tBodies[0].append(tr);
    });
    if (!attempts.length) {
      var none = el('tr');
      var cell = el('td', 'No attempts yet.');
      cell.colSpan = 5;
      none.append(cell);
      table.tBodies[0].append(none);
    }
    return table;
  }

  function button(text, label, onClick) {
    var b = el('button', text);
    b.type = 'button';
    b.setAttribute('aria-label', label);
    b.addEventListener('click', onClick);
    return b;
  }

  // one subscription: its facts, its buttons, the redeliver range, the outcome of the last action, its last attempts
  function render(s, outcome) {
    var box = el('article', null, 'subscription state-' + s.state);
    box.id = 'subscription-' + s.id;
    box.append(el('h3', s.url));
    var facts = el('dl');
    [['State', stateText(s)], ['Filter', filterText(s)], ['Phone in webhooks', s.include_phone ? 'yes' : 'no'],
      ['Backlog', backlogText(s)], ['Created', utc(s.created_at) + ' by ' + s.created_by], ['ID', s.id]]
      .forEach(function (pair) { facts.append(el('dt', pair[0]), el('dd', pair[1])); });
    if (s.previous_secret_valid_until) {
      facts.append(el('dt', 'Secret rotation'), el('dd', 'the previous secret signs too until '
        + utc(s.previous_secret_valid_until)));
    }
    box.append(facts);
    var actions = el('div', null, 'actions');
    actions.append(s.state === 'paused'
      ? button('Resume', 'Resume ' + s.url, function () { act(s, 'resume', null, function () { return 'Resumed.'; }); })
      : button('Pause', 'Pause ' + s.url, function () { act(s, 'pause', null, function () { return 'Paused.'; }); }),
    button('Send test', 'Send a test event to ' + s.url, function () { act(s, 'test', null, testOutcome); }));
    box.append(actions);
    box.append(redeliverForm(s));
    var note = el('p', outcome ? outcome.text : '', 'outcome ' + (outcome && outcome.bad ? 'error' : 'ok'));
    note.setAttribute('aria-live', 'polite');
    box.append(note);
    box.append(el('h4', 'Last attempts'));
    box.append(s.last_attempts ? attemptsTable(s.last_attempts) : el('p', 'reading…', 'hint'));
    return box;
  }

  function redeliverForm(s) {
    var form = el('form', null, 'redeliver');
    var from = el('input');
    var to = el('input');
    [[from, 'from', Date.now() - 3600 * 1000], [to, 'to', Date.now() + 60 * 1000]].forEach(function (f) {
      f[0].type = 'text';
      f[0].id = f[1] + '-' + s.id;
      f[0].name = f[1];
      f[0].value = iso(f[2]);
      f[0].size = 22;
    });
    var fromLabel = el('label', 'Redeliver from');
    fromLabel.htmlFor = from.id;
    var toLabel = el('label', 'to');
    toLabel.htmlFor = to.id;
    var send = el('button', 'Redeliver');
    send.type = 'submit';
    send.setAttribute('aria-label', 'Redeliver to ' + s.url);
    form.append(fromLabel, from, toLabel, to, send, el('span', ' (UTC, webhooks enqueued in that range)', 'hint'));
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      act(s, 'redeliver', {from: from.value.trim(), to: to.value.trim()}, function (body) {
        return count(body.requeued, 'webhook') + ' sent again, each with its own webhook-id.';
      });
    });
    return form;
  }

  function testOutcome(a) {
    return a.error ? 'Test event not delivered: ' + a.error
      : 'Test event answered ' + a.status_code + ' in ' + a.latency_ms + ' ms.';
  }

  // runs an action on a subscription, then shows it again, as the notifier now has it, with the outcome
  function act(s, action, body, describe) {
    var options = {method: 'POST'};
    if (body) {
      options.headers = {'Content-Type': 'application/json'};
      options.body = JSON.stringify(body);
    }
    api(route(action, s.id), options).then(function (r) {
      var ok = r.status >= 200 && r.status < 300;
      var outcome = {text: ok ? describe(r.body) : (r.body.message || 'refused (' + r.status + ')'), bad: !ok};
      if (ok && action === 'test' && r.body.error) { outcome.bad = true; }
      reload(s.id, outcome);
    });
  }

  // reads one subscription again and shows it in place (if it is shown)
  function reload(id, outcome) {
    api(route('subscription', id)).then(function (r) {
      var old = $('subscription-' + id);
      if (r.status !== 200 || !old) { return; }
      all = all.map(function (s) { return s.id === id ? r.body : s; });
      old.replaceWith(render(r.body, outcome));
    });
  }

  function shown(s) {
    var state = $('state-filter').value;
    var text = $('url-filter').value.trim().toLowerCase();
    return (!state || s.state === state) && (!text || s.url.toLowerCase().indexOf(text) >= 0);
  }

  function show() {
    var box = $('subscriptions');
    box.textContent = '';
    var visible = all.filter(shown);
    $('subscriptions-note').textContent = !all.length ? 'No subscriptions yet.'
      : count(all.length, 'subscription') + (visible.length < all.length ? ', ' + visible.length + ' shown' : '')
        + '; ' + all.filter(function (s) { return s.state === 'paused'; }).length + ' paused.';
    visible.forEach(function (s) { box.append(render(s)); });
  }

  function refresh() {
    api(ROUTES.subscriptions).then(function (r) {
      if (r.status !== 200) {
        all = [];
        $('subscriptions').textContent = '';
        $('subscriptions-note').textContent = r.body.message || 'the subscriptions could not be read';
        return;
      }
      all = r.body.subscriptions;
      show();
      all.forEach(function (s) { reload(s.id); });
    });
  }

  cardConsole.start(function () {
    $('subscriptions-refresh').addEventListener('click', refresh);
    $('state-filter').addEventListener('change', show);
    $('url-filter').addEventListener('input', show);
    $('subscriptions-filter').addEventListener('submit', function (e) { e.preventDefault(); show(); });
    refresh();
  });
}());
