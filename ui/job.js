// A job's page (/jobs/{id}): the log follows the job while it runs and can be searched; the
// progress follows the JSON API, and the page's sections are rendered again when the job
// changes state or starts a phase; cancel and re-run send the API token.
'use strict';

(() => {
  const finalStates = ['succeeded', 'failed', 'cancelled'];
  const actions = document.getElementById('actions');
  const jobId = actions.dataset.job;
  const state = () => document.getElementById('summary').dataset.state;

  function showActions() {
    actions.hidden = false;
    actions.querySelector('[data-action="cancel"]').hidden = finalStates.includes(state());
    actions.querySelector('[data-action="retry"]').hidden = !finalStates.includes(state());
  }

  actions.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button) return;
    const status = actions.querySelector('.action-status');
    if (!perfgate.token()) {
      status.textContent = 'Enter the API token first.';
      perfgate.openTokenPanel();
      return;
    }
    const action = button.dataset.action;
    button.disabled = true;
    status.textContent = action === 'cancel' ? 'Cancelling…' : 'Queueing it again…';
    try {
      const response = await perfgate.api(`/api/v1/jobs/${jobId}/${action}`, { method: 'POST' });
      if (!response.ok) {
        status.textContent = await perfgate.errorMessage(response);
        return;
      }
      const job = await response.json();
      if (action === 'retry') {
        location.assign(`/jobs/${job.id}`);
        return;
      }
      status.textContent = job.state === 'cancelled'
        ? 'Cancelled.'
        : 'Cancel requested: the worker stops the job within a heartbeat.';
      await perfgate.refreshSections();
      showActions();
      followJob();
    } catch (error) {
      status.textContent = error.message;
    } finally {
      button.disabled = false;
    }
  });

  // The job while it is not final: its progress in place, the whole page again when its state
  // or its number of phases changed.
  let following = false;
  function followJob() {
    if (following || finalStates.includes(state())) return;
    following = true;
    perfgate.poll(async () => {
      const response = await perfgate.api(`/api/v1/jobs/${jobId}`);
      if (!response.ok) return true;
      const detail = await response.json();
      const shownPhases = document.querySelectorAll('#phases tbody tr').length;
      if (detail.job.state !== state() || detail.phases.length !== shownPhases) {
        await perfgate.refreshSections();
        showActions();
      } else if (detail.progress) {
        const summary = document.getElementById('summary');
        perfgate.setProgress(summary.querySelector('[data-progress]'), detail.progress);
        const phase = summary.querySelector('[data-phase]');
        if (phase) phase.textContent = detail.progress.phase || '';
      }
      following = !finalStates.includes(detail.job.state);
      return following;
    }, 2000);
  }

  // The log: read from where it was left (X-Log-Offset) until the job is final and nothing is
  // left; shown whole, or only the lines that contain what is searched for.
  const log = document.getElementById('log-text');
  const search = document.getElementById('log-search');
  const follow = document.getElementById('log-follow');
  const matches = document.getElementById('log-matches');
  const decoder = new TextDecoder();
  let text = '';
  let offset = 0;

  function renderLog() {
    const term = search.value.trim().toLowerCase();
    if (!term) {
      log.textContent = text;
      matches.textContent = '';
    } else {
      const lines = text.split('\n').filter((line) => line.toLowerCase().includes(term));
      log.textContent = lines.join('\n');
      matches.textContent = `${lines.length} matching line${lines.length === 1 ? '' : 's'}`;
    }
    if (follow.checked) log.scrollTop = log.scrollHeight;
  }

  async function readLog() {
    const response = await perfgate.api(`/api/v1/jobs/${jobId}/log?offset=${offset}`);
    if (!response.ok) return true;
    const chunk = new Uint8Array(await response.arrayBuffer());
    offset = Number(response.headers.get('X-Log-Offset'));
    if (chunk.length > 0) {
      // A chunk may end inside a character: the decoder keeps its first bytes for the next.
      text += decoder.decode(chunk, { stream: true });
      renderLog();
      return 'now';
    }
    // The state was read before the file: empty and final means the log is complete.
    return !finalStates.includes(response.headers.get('X-Job-State'));
  }

  document.querySelector('.log-tools').hidden = false;
  search.addEventListener('input', renderLog);
  follow.addEventListener('change', renderLog);
  perfgate.poll(readLog, 1000);
  showActions();
  followJob();
})();
