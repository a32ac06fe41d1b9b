// The ops work queue (contract §13): counts per partner x action required (and stalled), the filtered list a page at
// a time, each card linking to its timeline, and the CSV export; the filters live in the page's URL, so a link shares
// them. Text from the server is only ever set as textContent.
(function () {
  'use strict';
  var ROUTES = {
    queue: '/console/api/queue',
    counts: '/console/api/queue/counts',
    csv: '/console/api/queue.csv'
  };
  var FILTERS = ['status', 'partner', 'action_required', 'stalled', 'updated_since'];
  var ACTIONS = ['CONTACT_CARDHOLDER', 'FIX_ADDRESS', 'REISSUE_CARD', 'WAIT_FOR_COURIER'];
  var PAGE = 50;
  var cursor = null;

  var $ = cardConsole.$, el = cardConsole.el;

  // 2023-11-14T08:00:00Z -> 2023-11-14 08:00 (the columns say UTC)
  function utc(instant) { return instant ? cardConsole.utc(instant).replace(/ UTC$/, '') : '–'; }

  function get(url) {
    return fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}}).then(function (r) {
      if (r.status === 401) { window.location.assign('/console/sign-in'); throw new Error('signed out'); }
      return r.json().then(function (body) { return {status: r.status, body: body}; });
    });
  }

  // the filters as the URL holds them, and as the form shows them
  function filters() {
    var query = new URLSearchParams();
    FILTERS.forEach(function (name) {
      var value = document.querySelector('#queue-filters [name=' + name + ']').value.trim();
      if (value) { query.set(name, value); }
    });
    return query;
  }

  function showFilters(query) {
    FILTERS.forEach(function (name) {
      document.querySelector('#queue-filters [name=' + name + ']').value = query.get(name) || '';
    });
  }

  function apply(query) {
    showFilters(query);
    window.history.replaceState(null, '', '/console/queue' + (query.toString() ? '?' + query : ''));
    $('queue-csv').href = ROUTES.csv + (query.toString() ? '?' + query : '');
    cursor = null;
    load();
  }

  function load() {
    var query = filters();
    query.set('limit', PAGE);
    if (cursor) { query.set('cursor', cursor); }
    get(ROUTES.queue + '?' + query).then(function (r) {
      var body = $('queue').querySelector('tbody');
      body.replaceChildren();
      if (r.status !== 200) { $('queue-note').textContent = r.body.message; return; }
      r.body.cards.forEach(function (c) {
        var row = el('tr');
        var link = el('a', c.card_id);
        link.href = '/console/?card_id=' + encodeURIComponent(c.card_id);
        var first = el('td');
        first.append(link);
        row.append(first);
        [c.status, c.partner, c.reason || '–', c.action_required || '–', c.attempts === null ? '–' : c.attempts,
          utc(c.stalled_since), utc(c.updated_at)].forEach(function (v) { row.append(el('td', v)); });
        if (c.stalled_since) { row.className = 'stalled'; }
        body.append(row);
      });
      $('queue-note').textContent = r.body.cards.length ? '' : 'No card matches these filters.';
      cursor = r.body.next_cursor;
      $('queue-next').disabled = !cursor;
    });
  }

  function countLink(text, partner, extra) {
    var link = el('a', text);
    var query = new URLSearchParams(extra);
    if (partner) { query.set('partner', partner); }
    link.href = '/console/queue?' + query;
    link.addEventListener('click', function (e) { e.preventDefault(); apply(query); });
    return link;
  }

  function loadCounts() {
    get(ROUTES.counts).then(function (r) {
      var byPartner = {};
      (r.body.counts || []).forEach(function (c) {
        var p = byPartner[c.partner || ''] = byPartner[c.partner || ''] || {stalled: 0};
        p[c.action_required] = (p[c.action_required] || 0) + c.cards;
        p.stalled += c.stalled;
      });
      var head = $('counts').querySelector('thead tr');
      head.replaceChildren(el('th', 'Partner'));
      ACTIONS.concat(['Stalled']).forEach(function (a) { head.append(el('th', a)); });
      var body = $('counts').querySelector('tbody');
      body.replaceChildren();
      Object.keys(byPartner).sort().forEach(function (partner) {
        var row = el('tr');
        row.append(el('th', partner || '(none)'));
        ACTIONS.forEach(function (action) {
          var cell = el('td');
          var n = byPartner[partner][action] || 0;
          cell.append(n ? countLink(n, partner, {action_required: action}) : el('span', 0));
          row.append(cell);
        });
        var stalled = el('td');
        var s = byPartner[partner].stalled;
        stalled.append(s ? countLink(s, partner, {stalled: 'true'}) : el('span', 0));
        row.append(stalled);
        body.append(row);
      });
      $('counts-note').textContent = r.body.as_of ? 'Counted at ' + utc(r.body.as_of) + ' UTC' : 'Not counted yet.';
    });
  }

  $('queue-filters').addEventListener('submit', function (e) { e.preventDefault(); apply(filters()); });
  $('queue-first').addEventListener('click', function () { cursor = null; load(); });
  $('queue-next').addEventListener('click', load);
  apply(new URLSearchParams(window.location.search));
  loadCounts();
}());
