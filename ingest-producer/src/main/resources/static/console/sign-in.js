// Says why the user is back on the sign-in page.
(function () {
  'use strict';
  var params = new URLSearchParams(window.location.search);
  var notice = document.getElementById('notice');
  var messages = {
    error: 'That key was not accepted. Sign in with an ops key.',
    limited: 'Too many sign-in attempts from here. Wait a minute, then try again.',
    'signed-out': 'You are signed out.'
  };
  Object.keys(messages).forEach(function (name) {
    if (params.has(name)) {
      notice.textContent = messages[name];
      notice.className = name === 'signed-out' ? 'ok' : 'error';
      notice.hidden = false;
    }
  });
}());
