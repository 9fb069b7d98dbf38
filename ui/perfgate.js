// perfgate's web UI, on every page: relative times kept current, the API token panel, and what
// the pages' own modules share: calls of the JSON API, polling, and live sections replaced by
// a fresh render of the page. Pages read without it; it only keeps them current.
'use strict';

const perfgate = (() => {
  const tokenKey = 'perfgate.api_token';

  // As the server writes relative times (report/format.h, FormatAgo).
  function formatAgo(then, now) {
    const seconds = Math.trunc((now - then) / 1000);
    if (seconds === 0) return 'just now';
    const magnitude = Math.abs(seconds);
    let amount;
    if (magnitude >= 2 * 86400) amount = `${Math.trunc(magnitude / 86400)} days`;
    else if (magnitude >= 3600) amount = `${Math.trunc(magnitude / 3600)} h`;
    else if (magnitude >= 60) amount = `${Math.trunc(magnitude / 60)} min`;
    else amount = `${magnitude} s`;
    return seconds > 0 ? `${amount} ago` : `in ${amount}`;
  }

  function refreshTimes() {
    const now = Date.now();
    for (const time of document.querySelectorAll('time[datetime]')) {
      const then = Date.parse(time.dateTime);
      if (!Number.isNaN(then)) time.textContent = formatAgo(then, now);
    }
  }

  // The API token lives in this tab (sessionStorage) unless the user asked this browser to
  // remember it (localStorage). The server never writes it into a page.
  function token() {
    return sessionStorage.getItem(tokenKey) || localStorage.getItem(tokenKey) || '';
  }

  function setToken(value, remember) {
    forgetToken();
    (remember ? localStorage : sessionStorage).setItem(tokenKey, value);
  }

  function forgetToken() {
    sessionStorage.removeItem(tokenKey);
    localStorage.removeItem(tokenKey);
  }

  const panel = document.getElementById('token-panel');

  function showTokenState() {
    if (!panel) return;
    panel.querySelector('summary').textContent = token() ? 'API token ✓' : 'API token';
    panel.querySelector('.token-state').textContent =
      token() ? 'A token is set for this page’s buttons.' : 'No token is set.';
  }

  function openTokenPanel() {
    if (!panel) return;
    panel.open = true;
    panel.querySelector('input[name="token"]').focus();
  }

  if (panel) {
    panel.hidden = false;
    const form = document.getElementById('token-form');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      setToken(form.elements.token.value.trim(), form.elements.remember.checked);
      form.elements.token.value = '';
      showTokenState();
      panel.open = false;
    });
    document.getElementById('token-forget').addEventListener('click', () => {
      forgetToken();
      showTokenState();
    });
    showTokenState();
  }

  // A call of the JSON API. Reads go with the browser's cookie (the read token, if the
  // server asks for one); changes carry the API token, and fail at once without one.
  async function api(path, options = {}) {
    const method = options.method || 'GET';
    const headers = {};
    if (method !== 'GET') {
      if (!token()) throw new Error('Enter the API token first (API token, at the top).');
      headers.Authorization = `Bearer ${token()}`;
    }
    return fetch(path, { method, headers, credentials: 'same-origin', cache: 'no-store' });
  }

  // What an error answer of the API says, for a person.
  async function errorMessage(response) {
    try {
      const { error } = await response.json();
      return error.fix ? `${error.message}: ${error.fix}` : error.message;
    } catch {
      return `HTTP ${response.status}`;
    }
  }

  // Replaces each section marked data-live by its copy in a fresh render of this page, so
  // that what the server renders is rendered in one place only; then tells the page's modules
  // (a 'perfgate:sections' event on the document), which may need to enhance the new copies.
  async function refreshSections() {
    const response = await fetch(location.href, { credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) return false;
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
    for (const section of document.querySelectorAll('[data-live][id]')) {
      const replacement = fresh.getElementById(section.id);
      if (replacement) section.replaceWith(document.importNode(replacement, true));
    }
    refreshTimes();
    document.dispatchEvent(new Event('perfgate:sections'));
    return true;
  }

  // Updates a progress element of the server's (data-progress) with a progress of the API.
  function setProgress(element, progress) {
    if (!element || !progress) return;
    const percent = Math.floor(progress.fraction * 100);
    element.querySelector('progress').value = progress.fraction;
    element.querySelector('.progress-text').textContent =
      `${progress.windows_done}/${progress.windows_planned} windows · ${percent}%`;
  }

  // Calls `tick` now, then every `interval` ms, one call at a time; less often while the page
  // is hidden.
  // `tick` returns false to stop, 'now' to be called again at once.
  function poll(tick, interval) {
    async function run() {
      let next = true;
      try {
        next = await tick();
      } catch {
        // A failed poll (the server restarting, say) is tried again at the next interval.
      }
      if (next === false) return;
      setTimeout(run, next === 'now' ? 0 : document.hidden ? interval * 5 : interval);
    }
    run();
  }

  setInterval(refreshTimes, 15000);

  return { api, token, openTokenPanel, errorMessage, refreshSections, setProgress, poll, formatAgo };
})();
