// A click on a column's name sorts the documents by it; a second click reverses the order.
(() => {
  const table = document.getElementById("documents");
  const headers = [...table.tHead.rows[0].cells];
  headers.forEach((header, column) => {
    header.addEventListener("click", () => {
      const ascending = header.getAttribute("aria-sort") !== "ascending";
      headers.forEach((other) => other.removeAttribute("aria-sort"));
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const value = (row) => row.cells[column].textContent;
      const compare = header.dataset.type === "number"
        ? (a, b) => Number(value(a)) - Number(value(b))
        : (a, b) => value(a).localeCompare(value(b), undefined, { numeric: true });
      const rows = [...table.tBodies[0].rows].sort(compare);
      if (!ascending) rows.reverse();
      table.tBodies[0].append(...rows);
    });
  });
})();
