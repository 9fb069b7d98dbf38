// The queue page (/): running jobs' phases and progress bars follow the JSON API; when a job
// starts, ends or joins the queue, the page's sections are rendered again.
'use strict';

(() => {
  const page = new URLSearchParams(location.search);
  const filters = new URLSearchParams();
  for (const name of ['kind', 'branch']) {
    if (page.get(name)) filters.set(name, page.get(name));
  }

  async function listJobs(state, extra) {
    const query = new URLSearchParams(filters);
    query.set('state', state);
    for (const [name, value] of Object.entries(extra)) query.set(name, value);
    const response = await perfgate.api(`/api/v1/jobs?${query}`);
    if (!response.ok) throw new Error(await perfgate.errorMessage(response));
    return (await response.json()).jobs;
  }

  function shownIds(sectionId) {
    const rows = document.querySelectorAll(`#${sectionId} tr[data-job]`);
    return Array.from(rows, (row) => Number(row.dataset.job));
  }

  function sameIds(a, b) {
    return a.length === b.length && a.every((id, i) => id === b[i]);
  }

  async function tick() {
    let changed = false;
    if (document.getElementById('running')) {
      const running = await listJobs('running', { limit: 50 });
      if (!sameIds(running.map((job) => job.id), shownIds('running'))) {
        changed = true;
      } else {
        for (const job of running) {
          const row = document.querySelector(`#running tr[data-job="${job.id}"]`);
          row.querySelector('[data-phase]').textContent = job.progress?.phase || '';
          perfgate.setProgress(row.querySelector('[data-progress]'), job.progress);
        }
      }
    }
    if (!changed && document.getElementById('queued')) {
      const queued = await listJobs('queued', { order: 'oldest', limit: 100 });
      changed = !sameIds(queued.map((job) => job.id), shownIds('queued'));
    }
    if (changed) await perfgate.refreshSections();
    return true;
  }

  perfgate.poll(tick, 2000);
})();
