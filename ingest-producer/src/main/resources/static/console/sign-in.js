// Fills the sign-in form's CSRF field and says why the user is back on this page.
(function () {
  'use strict';
  var params = new URLSearchParams(window.location.search);
  var notice = document.getElementById('notice');
  var messages = {
    error: 'That key was not accepted. Sign in with an ops key.',
    'signed-out': 'You are signed out.'
  };
  Object.keys(messages).forEach(function (name) {
    if (params.has(name)) {
      notice.textContent = messages[name];
      notice.className = name === 'error' ? 'error' : 'ok';
      notice.hidden = false;
    }
  });
  fetch('/console/csrf', {credentials: 'same-origin'})
    .then(function (response) { return response.json(); })
    .then(function (csrf) { document.getElementById('csrf').value = csrf.token; });
}());
