// What every page of the ops console shares: DOM helpers, times in UTC, calls to the console's JSON endpoints
// under /console/api (session cookie + the session's CSRF token as a header), and the page's start (the token, who is
// signed in). Text from the server is only ever set as textContent.
var cardConsole = (function () {
  'use strict';
  var csrf = null;

  function $(id) { return document.getElementById(id); }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  // 2023-11-14T08:00:00Z -> 2023-11-14 08:00 UTC
  function utc(instant) {
    return instant ? instant.replace('T', ' ').replace(/(\d\d:\d\d)(:\d\d)?(\.\d+)?Z$/, '$1') + ' UTC' : '–';
  }

  function signInAgain() { window.location.assign('/console/sign-in'); }

  // GET or POST on the console's API; a lost session sends the user back to sign-in
  function api(url, options) {
    options = options || {};
    options.credentials = 'same-origin';
    options.headers = options.headers || {};
    options.headers.Accept = 'application/json';
    if (options.method && options.method !== 'GET') { options.headers[csrf.header] = csrf.token; }
    return fetch(url, options).then(function (response) {
      if (response.status === 401) { signInAgain(); throw new Error('signed out'); }
      return response.json().then(function (body) { return {status: response.status, body: body}; });
    });
  }

  // fetches the session's CSRF token, fills the sign-out form, names who is signed in, then runs the page's own start
  function start(page) {
    fetch('/console/csrf', {credentials: 'same-origin'}).then(function (r) { return r.json(); }).then(function (token) {
      csrf = token;
      document.querySelector('#sign-out input[name=_csrf]').value = token.token;
      api('/console/api/me').then(function (r) { $('who').textContent = 'Signed in as ' + r.body.name; });
      page();
    });
  }

  return {
    $: $, el: el, utc: utc, api: api, start: start, signInAgain: signInAgain,
    csrf: function () { return csrf; }
  };
}());
