// Analysis pages: the link chart (cytoscape, from npm) and the trend charts (chart.js, from npm).
// Data comes from <script type="application/json"> written by json_script, and from the portal's own API when a
// node is expanded; every text shown is either from the server (translated there) or from the page's strings.
(() => {
  "use strict";

  const COLOURS = {
    person: "#0b2545",
    document: "#1f77b4",
    vehicle: "#2a9d8f",
    firearm: "#b02a37",
    artwork: "#8e44ad",
    notice: "#d35400",
    case: "#6b4f00",
    identifier: "#adb5bd",
    place: "#cfe2a8",
    modus: "#f4c27a",
  };
  const SHAPES = { notice: "round-rectangle", case: "diamond", identifier: "hexagon", place: "round-tag", modus: "star" };
  const HUBS = new Set(["identifier", "place", "modus"]);

  function readJson(id) {
    const source = document.getElementById(id);
    return source ? JSON.parse(source.textContent) : null;
  }

  function elementsOf(graph, markStart = true) {
    const nodes = graph.nodes.map((node) => ({
      group: "nodes",
      data: { ...node, hub: HUBS.has(node.kind), start: markStart && node.id === graph.start },
    }));
    const edges = graph.edges.map((edge) => ({ group: "edges", data: edge }));
    return nodes.concat(edges);
  }

  function drawGraph() {
    const container = document.getElementById("analysis-graph");
    const graph = readJson("analysis-graph-data");
    if (!container || !graph || typeof cytoscape === "undefined") return;
    const strings = readJson("analysis-strings") || {};
    const message = document.getElementById("analysis-message");
    const summary = document.getElementById("analysis-summary");
    const panel = document.getElementById("analysis-selected");
    let selected = null;

    const cy = cytoscape({
      container,
      elements: elementsOf(graph),
      wheelSensitivity: 0.3,
      style: [
        {
          selector: "node",
          style: {
            "background-color": (node) => COLOURS[node.data("kind")] || "#6c757d",
            shape: (node) => SHAPES[node.data("kind")] || "ellipse",
            label: "data(label)",
            "font-size": 9,
            color: "#1d2733",
            "text-valign": "bottom",
            "text-margin-y": 3,
            "text-wrap": "ellipsis",
            "text-max-width": 120,
            width: 22,
            height: 22,
          },
        },
        { selector: "node[?hub]", style: { width: 12, height: 12, "font-size": 7, color: "#495057" } },
        { selector: "node[?start]", style: { "border-width": 4, "border-color": "#ffc107", width: 30, height: 30 } },
        { selector: "node:selected", style: { "border-width": 3, "border-color": "#0d6efd" } },
        {
          selector: "edge",
          style: { width: 1.5, "line-color": "#9aa5b1", "curve-style": "bezier", "font-size": 7, color: "#495057" },
        },
        { selector: "edge[kind = 'hit']", style: { "line-color": "#b02a37", width: 2.5, label: "data(label)" } },
        { selector: "edge[kind = 'case']", style: { "line-color": "#6b4f00", "line-style": "dashed" } },
        { selector: "edge[kind = 'subject']", style: { "line-color": "#d35400" } },
      ],
      layout: layoutOptions(graph.nodes.length),
    });
    container.cy = cy; // the browser tests select nodes through it
    container.dataset.ready = "true";

    function layoutOptions(count) {
      // cose reads best for a few hundred nodes; beyond, rings by level stay fast and legible.
      if (count > 300) {
        return { name: "concentric", animate: false, concentric: (node) => 10 - node.data("level"), levelWidth: () => 1 };
      }
      return { name: "cose", animate: false, nodeRepulsion: () => 8000, idealEdgeLength: () => 70, randomize: false };
    }

    function updateSummary() {
      if (summary && strings.summary) {
        summary.textContent = strings.summary.replace("{nodes}", cy.nodes().length).replace("{edges}", cy.edges().length);
      }
    }

    function showMessage(text) {
      if (!message) return;
      message.textContent = text || "";
      message.hidden = !text;
    }

    function select(node) {
      selected = node;
      const data = node.data();
      panel.querySelector("[data-empty]").hidden = true;
      panel.querySelector("[data-details]").hidden = false;
      for (const field of panel.querySelectorAll("[data-field]")) {
        let value = data[field.dataset.field] || "";
        if (field.dataset.field === "kind") {
          const legend = document.querySelector(`.analysis-kind-${data.kind}`);
          value = legend ? legend.parentElement.textContent.trim() : data.kind;
        }
        field.textContent = value;
      }
      const actions = panel.querySelector("[data-actions]");
      actions.hidden = data.hub;
      const tagForm = panel.querySelector("[data-tag-form]");
      if (tagForm && !data.hub) {
        tagForm.elements.kind.value = data.kind;
        tagForm.elements.id.value = data.record_id;
      }
      const open = panel.querySelector("[data-open]");
      open.classList.toggle("d-none", !data.url);
      open.href = data.url || "#";
    }

    cy.on("tap", "node", (event) => select(event.target));

    panel.querySelector("[data-expand]").addEventListener("click", async () => {
      if (!selected || selected.data("hub")) return;
      const button = panel.querySelector("[data-expand]");
      const params = new URLSearchParams({
        kind: selected.data("kind"),
        id: selected.data("record_id"),
        depth: "1",
        limit: container.dataset.limit,
      });
      button.disabled = true;
      showMessage(strings.loading);
      try {
        const response = await fetch(`${container.dataset.api}?${params}`, {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        });
        const body = await response.json();
        if (!response.ok) {
          showMessage(body.detail || strings.failed);
          return;
        }
        const level = selected.data("level");
        const fresh = elementsOf(body, false).filter((element) => cy.getElementById(element.data.id).empty());
        for (const element of fresh) {
          if (element.group === "nodes") element.data.level = level + element.data.level;
        }
        cy.add(fresh);
        cy.layout(layoutOptions(cy.nodes().length)).run();
        showMessage(body.truncated ? body.message : "");
        updateSummary();
      } catch (error) {
        showMessage(strings.failed);
      } finally {
        button.disabled = false;
      }
    });
  }

  function drawTrends() {
    const data = readJson("analysis-trends-data");
    if (!data || typeof Chart === "undefined") return;
    const palette = ["#b02a37", "#0b2545", "#198754", "#fd7e14", "#6f42c1", "#0dcaf0", "#6c757d"];
    const rtl = document.documentElement.dir === "rtl";
    for (const block of data) {
      const canvas = document.getElementById(`chart-${block.id}`);
      if (!canvas) continue;
      new Chart(canvas, {
        type: "line",
        data: {
          labels: block.labels,
          datasets: block.series.map((series, index) => ({
            label: series.label,
            data: series.data,
            borderColor: palette[index % palette.length],
            backgroundColor: palette[index % palette.length],
            tension: 0.2,
            fill: false,
          })),
        },
        options: {
          responsive: true,
          animation: false,
          locale: document.documentElement.lang,
          plugins: { legend: { rtl, position: "bottom" } },
          scales: { x: { reverse: rtl }, y: { beginAtZero: true, ticks: { precision: 0 } } },
        },
      });
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    drawGraph();
    drawTrends();
  });
})();
