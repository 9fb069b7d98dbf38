// Tables marked data-sortable sort by any column whose header has data-sort: a click sorts
// by it, a second click reverses. "number" columns sort by each cell's data-value (cells
// without one last, whichever the direction), "text" columns by their text. The server's order
// is the table without JavaScript; sorting only moves its rows.
'use strict';

(() => {
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

  function key(row, index, type) {
    const cell = row.cells[index];
    if (type === 'number') {
      const value = cell.dataset.value;
      return value === undefined ? null : Number(value);
    }
    return cell.textContent.trim();
  }

  function compare(a, b, type) {
    if (type === 'number') return a - b;
    return collator.compare(a, b);
  }

  function sort(table, header) {
    const index = header.cellIndex;
    const type = header.dataset.sort;
    const ascending = header.getAttribute('aria-sort') !== 'ascending';
    const body = table.tBodies[0];
    const rows = Array.from(body.rows, (row, position) => ({ row, position, key: key(row, index, type) }));
    rows.sort((a, b) => {
      if (a.key === null || b.key === null) {
        if (a.key === b.key) return a.position - b.position;
        return a.key === null ? 1 : -1;
      }
      const order = compare(a.key, b.key, type);
      // Ties keep the order they had, so that sorting by one column then another nests.
      return (ascending ? order : -order) || a.position - b.position;
    });
    for (const { row } of rows) body.appendChild(row);
    for (const other of header.parentElement.cells) other.removeAttribute('aria-sort');
    header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  }

  // Headers become buttons, so that they are reached and pressed from the keyboard too.
  function enable(table) {
    for (const header of table.querySelectorAll('thead th[data-sort]')) {
      if (header.querySelector('button')) continue;
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.title = `sort by ${header.textContent}`;
      button.append(...header.childNodes);
      header.appendChild(button);
    }
  }

  function enableAll() {
    document.querySelectorAll('table[data-sortable]').forEach(enable);
  }

  // Delegated, and enabled again when live sections were rendered again (perfgate.js): they
  // bring new tables.
  document.addEventListener('click', (event) => {
    const button = event.target.closest('table[data-sortable] thead th[data-sort] button.sort');
    if (button) sort(button.closest('table'), button.closest('th'));
  });
  document.addEventListener('perfgate:sections', enableAll);
  enableAll();
})();
