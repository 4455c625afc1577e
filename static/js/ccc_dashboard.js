// Charts of the CCC dashboard. The figures come from the <script type="application/json"> written by json_script;
// the same numbers are in the tables beside each chart, for screen readers and for printing.
document.addEventListener("DOMContentLoaded", () => {
  const source = document.getElementById("ccc-dashboard-data");
  if (!source || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const palette = ["#b02a37", "#0b2545", "#198754", "#fd7e14", "#6f42c1", "#0dcaf0", "#6c757d"];
  const rtl = document.documentElement.dir === "rtl";

  function datasets(series, options = {}) {
    return series.map((item, index) => ({
      label: item.label,
      data: item.data,
      backgroundColor: palette[index % palette.length],
      borderColor: palette[index % palette.length],
      ...options,
    }));
  }

  function draw(id, type, block, extra = {}) {
    const canvas = document.getElementById(id);
    if (!canvas || !block) return;
    new Chart(canvas, {
      type,
      data: { labels: block.labels, datasets: datasets(block.series, extra.dataset) },
      options: {
        responsive: true,
        animation: false,
        locale: document.documentElement.lang,
        plugins: { legend: { rtl, position: "bottom" } },
        scales: { x: { reverse: rtl, stacked: !!extra.stacked }, y: { beginAtZero: true, stacked: !!extra.stacked } },
      },
    });
  }

  draw("chart-open", "bar", data.open, { stacked: true });
  draw("chart-replies", "bar", data.replies);
  draw("chart-hits", "line", data.hits, { dataset: { tension: 0.2, fill: false } });
});
