// hpceval: click a header of a table.sortable to sort its rows (numbers by data-value, else text); click again
// to reverse. No dependencies, nothing fetched.
(function () {
  "use strict";
  function cellKey(row, index) {
    var cell = row.cells[index];
    if (!cell) { return { num: false, value: "" }; }
    var raw = cell.getAttribute("data-value");
    if (raw !== null) {
      if (raw === "") { return { num: true, value: -Infinity }; }
      var n = Number(raw);
      if (!isNaN(n)) { return { num: true, value: n }; }
    }
    return { num: false, value: cell.textContent.trim().toLowerCase() };
  }
  function sortBy(table, header, index) {
    var body = table.tBodies[0];
    var descending = header.getAttribute("aria-sort") !== "descending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellKey(a, index), y = cellKey(b, index);
      var order = (x.num && y.num) ? x.value - y.value : String(x.value).localeCompare(String(y.value));
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("table.sortable").forEach(function (table) {
      if (!table.tHead || !table.tBodies.length) { return; }
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
        th.addEventListener("click", function () { sortBy(table, th, index); });
      });
    });
  });
})();
