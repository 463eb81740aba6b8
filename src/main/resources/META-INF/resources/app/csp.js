// Runs first: narrows the page's images to our own files plus the one tile source Java named in the
// address (#tiles=<origin>). The static policy in map.html has to allow any http(s)/file image because
// a meta policy cannot be widened later; this second policy is what the page really obeys.
(function () {
  'use strict';
  var match = /(?:^#|&)tiles=([^&]*)/.exec(window.location.hash);
  var source = match ? decodeURIComponent(match[1]) : '';
  // Only a bare origin or the file: scheme: anything else (a space, a quote, a ';') would add directives.
  if (!/^(file:|https?:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?)$/.test(source)) {
    source = '';
  }
  var meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "img-src 'self' data:" + (source ? ' ' + source : '');
  document.head.appendChild(meta);
  // Kept for tests and diagnosis: what the policy refused.
  window.cspViolations = [];
  document.addEventListener('securitypolicyviolation', function (e) {
    window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
  });
})();
