// Moves a token from the address's fragment (#token=…) into the form's "token" field. Browsers never send the
// fragment to a server, so the token stays out of access and error logs; the fragment is then removed from the
// address bar and history.
(function () {
  var match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  var field = document.querySelector('input[name="token"]');
  if (match && field) {
    field.value = match[1];
    history.replaceState(null, "", window.location.pathname + window.location.search);
  }
})();
