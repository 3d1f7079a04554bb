#!/usr/bin/env node
// Browser check of an HTML graph explorer written by `entgraph build --format html`.
//
//   node tests/node/explorer.mjs --html PATH --screenshot OUT.png
//        [--search TEXT --expect-label LABEL] [--edge LABEL_A LABEL_B] [--time FROM TO] [--perf]
//
// Opens the file in headless Chromium (playwright-core, no bundled browser:
// /usr/bin/chromium or $CHROMIUM) with software WebGL, fails on any console
// error, page error or network request other than the file itself, checks the
// graph was drawn, optionally drives search, edge selection and the time range
// (--time FROM TO: period names of a dated graph, set on the two range handles),
// saves a screenshot and prints a one-line JSON summary. --perf times a full refresh, a
// camera pan and, on a dated page, dragging a time handle (ms per change).
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { inflateSync } from "node:zlib";

const USAGE = "usage: node explorer.mjs --html PATH --screenshot OUT.png " +
  "[--search TEXT --expect-label LABEL] [--edge LABEL_A LABEL_B] [--time FROM TO] [--perf]";

function parseArgs(argv) {
  const opts = { perf: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value\n${USAGE}`);
      return argv[++i];
    };
    if (a === "--html") opts.html = value();
    else if (a === "--screenshot") opts.screenshot = value();
    else if (a === "--search") opts.search = value();
    else if (a === "--expect-label") opts.expectLabel = value();
    else if (a === "--edge") opts.edge = [value(), value()];
    else if (a === "--time") opts.time = [value(), value()];
    else if (a === "--perf") opts.perf = true;
    else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  if (!opts.html || !opts.screenshot) throw new Error(USAGE);
  return opts;
}

// Minimal PNG reader (8-bit RGB/RGBA, not interlaced: what Chromium writes).
function decodePng(buf) {
  let pos = 8, width = 0, height = 0, channels = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString("latin1", pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + len);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colour, , , interlace] = body.subarray(8, 13);
      channels = { 2: 3, 6: 4 }[colour];
      if (depth !== 8 || !channels || interlace) throw new Error(`unsupported PNG (depth ${depth}, colour ${colour})`);
    } else if (type === "IDAT") idat.push(body);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? px[y * stride + x - channels] : 0;
      const b = y > 0 ? px[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? px[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const pred = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      px[y * stride + x] = (line[x] + pred) & 0xff;
    }
  }
  return { width, height, channels, px };
}

// Share of pixels that differ from the most common colour.
function inkRatio({ width, height, channels, px }) {
  const counts = new Map();
  for (let i = 0; i < width * height; i++) {
    const k = px.readUIntBE(i * channels, 3);
    counts.set(k, (counts.get(k) || 0) + 1);
  }
  const background = Math.max(...counts.values());
  return { ink: 1 - background / (width * height), colours: counts.size };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const htmlPath = resolve(opts.html);
  if (!existsSync(htmlPath)) throw new Error(`no such file: ${htmlPath}`);
  const fileUrl = pathToFileURL(htmlPath).href;
  const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath} (apt-get install -y chromium, or set CHROMIUM)`);
  }

  const problems = [];
  let stop; // resolves as soon as something goes wrong, so a broken page fails fast
  const stopped = new Promise((resolve) => { stop = resolve; });
  const report = (message) => {
    if (!problems.includes(message)) problems.push(message);
    stop();
  };
  const profile = mkdtempSync(join(tmpdir(), "entgraph-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      // WebGL without a GPU: ANGLE on SwiftShader (software).
      "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
    ],
  });
  try {
    // Nothing but the file itself may be loaded.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url === fileUrl) return route.continue();
      report(`network request: ${url}`);
      return route.abort();
    });
    context.on("request", (req) => {
      if (req.url() !== fileUrl) report(`network request: ${req.url()}`);
    });
    const page = context.pages()[0] || (await context.newPage());
    page.on("console", (msg) => {
      if (msg.type() === "error") report(`console error: ${msg.text()}`);
    });
    page.on("pageerror", (err) => report(`page error: ${err.message}`));
    page.on("websocket", (ws) => report(`websocket: ${ws.url()}`));
    page.on("crash", () => report("page crashed"));
    const check = (ok, message) => {
      if (!ok) report(message);
      if (problems.length) throw new Error(problems.join("\n"));
    };

    await page.goto(fileUrl, { waitUntil: "load" });
    const ready = await Promise.race([
      page.waitForFunction(() => window.entgraph && window.entgraph.ready, null, { timeout: 60_000 }).then(() => true, () => false),
      stopped.then(() => false),
    ]);
    check(ready || problems.length > 0, "window.entgraph.ready never became true");
    const loadMs = Math.round(await page.evaluate(() => window.entgraph.readyMs));

    // Every node of the embedded data is in the graph and has display data.
    const drawn = await page.evaluate(() => {
      const data = JSON.parse(document.getElementById("entgraph-data").textContent);
      const { graph, renderer } = window.entgraph;
      const missing = graph.filterNodes((id) => {
        const d = renderer.getNodeDisplayData(id);
        return !d || !Number.isFinite(d.x) || !Number.isFinite(d.y) || !(d.size > 0);
      });
      return { dataNodes: data.nodes.length, dataEdges: data.edges.length, nodes: graph.order, edges: graph.size, missing };
    });
    check(drawn.nodes === drawn.dataNodes, `graph has ${drawn.nodes} nodes, data has ${drawn.dataNodes}`);
    check(drawn.edges === drawn.dataEdges, `graph has ${drawn.edges} edges, data has ${drawn.dataEdges}`);
    check(drawn.missing.length === 0, `nodes without display data: ${drawn.missing.slice(0, 5).join(", ")}`);

    // The WebGL layers alone (labels hidden) must not be blank.
    const textLayers = "#graph canvas.sigma-labels, #graph canvas.sigma-hovers, #graph canvas.sigma-edgeLabels";
    await page.$$eval(textLayers, (cs) => cs.forEach((c) => { c.style.visibility = "hidden"; }));
    const { ink, colours } = inkRatio(decodePng(await page.locator("#graph").screenshot()));
    await page.$$eval(textLayers, (cs) => cs.forEach((c) => { c.style.visibility = ""; }));
    check(ink > 0.001 && colours > 2, `WebGL canvas looks blank (${(ink * 100).toFixed(3)}% ink, ${colours} colours)`);

    const summary = { ok: true, nodes: drawn.nodes, edges: drawn.edges, load_ms: loadMs };

    // The time control is there exactly when the data has periods (two or more).
    const dated = await page.evaluate(() => {
      const { meta } = JSON.parse(document.getElementById("entgraph-data").textContent);
      const control = document.getElementById("time");
      return {
        periods: Array.isArray(meta && meta.periods) ? meta.periods.map((p) => String(Array.isArray(p) ? p[0] : p)) : [],
        visible: !!control && !control.hidden && control.getClientRects().length > 0,
      };
    });
    const periods = dated.periods;
    check(dated.visible === periods.length > 1,
      `time control is ${dated.visible ? "shown" : "not shown"} with ${periods.length} periods in meta.periods`);
    // A dated item's panel shows when it was seen and its bars; every dated citation shows its date.
    const checkTimePanel = async (what) => {
      if (!periods.length) return null;
      const got = await page.evaluate(() => {
        const { graph } = window.entgraph;
        const data = JSON.parse(document.getElementById("entgraph-data").textContent);
        const panel = document.getElementById("panel");
        const item = panel.dataset.kind === "node"
          ? data.nodes[graph.getNodeAttribute(panel.dataset.id, "i")]
          : data.edges[graph.getEdgeAttribute(graph.edge(...panel.dataset.id.split("|")), "i")];
        const seen = [...panel.querySelectorAll(".seen dd")].map((d) => d.textContent);
        const quotes = [...panel.querySelectorAll(".evidence li")];
        return {
          first: item.first_seen, last: item.last_seen, periods: (item.periods || []).length, seen,
          bars: panel.querySelectorAll(".timeline svg rect:not(.band)").length,
          dates: (item.evidence || []).filter((x) => x.date).length,
          datesShown: quotes.filter((li, k) => item.evidence[k].date && li.querySelector(".doc time")
            && li.querySelector(".doc time").textContent === item.evidence[k].date).length,
        };
      });
      if (!got.first) return null;
      check(got.seen[0] === got.first && got.seen[1] === got.last,
        `${what} panel shows first/last seen ${got.seen.slice(0, 2).join(", ")}, data has ${got.first}, ${got.last}`);
      check(got.bars === got.periods, `${what} panel has ${got.bars} bars for ${got.periods} periods`);
      check(got.datesShown === got.dates, `${what} panel shows ${got.datesShown} of ${got.dates} evidence dates`);
      return { first_seen: got.first, last_seen: got.last, bars: got.bars };
    };

    if (opts.search) {
      await page.locator("#search").fill("");
      await page.locator("#search").pressSequentially(opts.search);
      const options = page.locator("#search-results button");
      await options.first().waitFor({ timeout: 5_000 }).catch(() => check(false, `no completion for "${opts.search}"`));
      const labels = await options.evaluateAll((bs) => bs.map((b) => b.dataset.label));
      const pick = opts.expectLabel && labels.includes(opts.expectLabel) ? labels.indexOf(opts.expectLabel) : 0;
      const id = await options.nth(pick).getAttribute("data-id");
      await options.nth(pick).click();
      await page.waitForSelector(`#panel[data-kind="node"]`, { timeout: 5_000 })
        .catch(() => check(false, "choosing a completion did not open a node panel"));
      const panel = await page.evaluate(() => ({
        id: document.getElementById("panel").dataset.id,
        title: document.getElementById("panel-title").textContent,
        examples: [...document.querySelectorAll("#panel .examples li")]
          .filter((li) => li.querySelector("mark") && li.querySelector("mark").textContent.trim()).length,
      }));
      check(panel.id === id, `panel shows ${panel.id}, expected ${id}`);
      if (opts.expectLabel) {
        check(panel.title === opts.expectLabel, `panel title is "${panel.title}", expected "${opts.expectLabel}" (completions: ${labels.join(", ")})`);
      }
      check(panel.examples > 0, `panel of "${panel.title}" lists no mention example`);
      summary.search = { label: panel.title, examples: panel.examples };
      const seen = await checkTimePanel("node");
      if (seen) summary.search.seen = seen;
    }

    if (opts.edge) {
      // Find a point on the edge's segment that picks this edge and no node: first with the
      // whole graph in view, then zoomed in 8x on the edge (fewer overlaps in dense graphs).
      const target = await page.evaluate(async ([a, b]) => {
        const { graph, renderer } = window.entgraph;
        const camera = renderer.getCamera();
        const frames = async (n) => { for (let i = 0; i < n; i++) await new Promise((done) => requestAnimationFrame(done)); };
        const find = (label) => graph.findNode((id, attr) => attr.label === label)
          || graph.findNode((id, attr) => attr.label.toLowerCase() === label.toLowerCase());
        const [s, t] = [find(a), find(b)];
        const key = s && t && graph.edge(s, t);
        if (!key) return { error: `no edge between "${a}" (${s}) and "${b}" (${t})` };
        while (camera.isAnimated()) await frames(1);
        const [ds, dt] = [s, t].map((n) => renderer.getNodeDisplayData(n));
        for (const view of [{ x: 0.5, y: 0.5, ratio: 1 }, { x: (ds.x + dt.x) / 2, y: (ds.y + dt.y) / 2, ratio: 0.125 }]) {
          camera.setState({ ...view, angle: 0 });
          await frames(3); // let the picking layers redraw
          const [p, q] = [s, t].map((n) => renderer.graphToViewport(graph.getNodeAttributes(n)));
          const rect = renderer.getContainer().getBoundingClientRect();
          for (const f of [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8]) {
            const x = p.x + (q.x - p.x) * f, y = p.y + (q.y - p.y) * f;
            if (x < 1 || y < 1 || x > rect.width - 1 || y > rect.height - 1) continue;
            if (renderer.getNodeAtPosition({ x, y }) === null && renderer.getEdgeAtPoint(x, y) === key) {
              return { s, t, click: { x: rect.left + x, y: rect.top + y } };
            }
          }
        }
        return { s, t };
      }, opts.edge);
      check(!target.error, target.error);
      const edgeShown = (s, t) => page.waitForFunction(([s, t]) => {
        const panel = document.getElementById("panel");
        return panel.dataset.kind === "edge" && (panel.dataset.id === `${s}|${t}` || panel.dataset.id === `${t}|${s}`);
      }, [s, t], { timeout: 3_000 }).then(() => true, () => false);
      let via = "api";
      if (target.click) {
        await page.mouse.move(target.click.x, target.click.y);
        await page.mouse.click(target.click.x, target.click.y);
        if (await edgeShown(target.s, target.t)) via = "click";
      }
      if (via === "api") {
        await page.evaluate(([s, t]) => window.entgraph.selectEdge(s, t), [target.s, target.t]);
        check(await edgeShown(target.s, target.t), `selecting the edge ${opts.edge.join(" — ")} did not open its panel`);
      }
      const evidence = await page.$$eval("#panel .evidence li p", (ps) => ps.filter((p) => p.textContent.trim()).length);
      check(evidence > 0, `edge panel for ${opts.edge.join(" — ")} shows no evidence sentence`);
      summary.edge = { via, evidence };
      const seen = await checkTimePanel("edge");
      if (seen) summary.edge.seen = seen;
    }

    if (opts.time) {
      const [fromName, toName] = opts.time;
      check(periods.length > 0, `--time ${fromName} ${toName}: this page has no meta.periods (an undated graph has no time range)`);
      check(periods.length > 1, `--time ${fromName} ${toName}: this page has a single period (${periods[0]}), no time control`);
      const [a, b] = [fromName, toName].map((name) => periods.indexOf(name));
      const span = `${periods[0]} … ${periods[periods.length - 1]} (${periods.length} periods)`;
      check(a >= 0, `--time: no period "${fromName}" in this page's periods: ${span}`);
      check(b >= 0, `--time: no period "${toName}" in this page's periods: ${span}`);
      check(a <= b, `--time: ${fromName} is after ${toName}`);
      const counts = () => page.$eval("#counts", (c) => ({ nodes: Number(c.dataset.nodes), edges: Number(c.dataset.edges), text: c.textContent }));
      const settled = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      // Back to the full range first ("Show all" when a range is already selected), then read the counts.
      if (await page.locator("#time-all").isVisible()) await page.locator("#time-all").click();
      await settled();
      const full = await counts();
      // The handles as a user sets them (an input event each): "to" first, then "from", so that
      // neither pushes the other. (Key presses would do the same, but each one waits for a frame.)
      const last = periods.length - 1;
      await page.locator("#time-to").fill(String(b));
      await page.locator("#time-from").fill(String(a));
      await settled();
      const ui = await page.evaluate(() => ({
        from: Number(document.getElementById("time-from").value), to: Number(document.getElementById("time-to").value),
        label: document.getElementById("time-value").textContent, range: window.entgraph.time.range(),
      }));
      check(ui.from === a && ui.to === b, `time handles at ${ui.from}, ${ui.to}, expected ${a}, ${b}`);
      check(ui.range[0] === fromName && ui.range[1] === toName, `page range is ${ui.range.join(" – ")}, expected ${fromName} – ${toName}`);
      check(ui.label.includes(fromName) && ui.label.includes(toName), `time label "${ui.label}" does not name ${fromName} and ${toName}`);
      const now = await counts();
      const whole = a === 0 && b === last;
      check(whole ? now.edges === full.edges : now.edges < full.edges,
        `with ${fromName} – ${toName}: ${now.edges} links shown, ${full.edges} with every period ("${now.text}")`);
      // What the renderer shows, against the graph's own per-period attributes: a shown link has a
      // count inside the range (and so do its ends); with the other filters open, every such link is shown.
      const drawnNow = await page.evaluate(([lo, hi]) => {
        const { graph, renderer } = window.entgraph;
        const { periods } = JSON.parse(document.getElementById("entgraph-data").textContent).meta;
        const names = periods.map((p) => String(Array.isArray(p) ? p[0] : p));
        const inside = new Set(names.slice(lo, hi + 1));
        const countIn = (ps) => (ps || []).reduce((s, [p, c]) => s + (inside.has(p) ? c : 0), 0);
        const nodeShown = (n) => !renderer.getNodeDisplayData(n).hidden;
        const openFilters = document.getElementById("min-weight").value === "0"
          && Number(document.getElementById("top-n").value) === graph.order
          && [...document.querySelectorAll("#types input")].every((b) => b.checked);
        let nodes = 0, edges = 0;
        const bad = [], missing = [];
        graph.forEachNode((n, attr) => {
          if (!nodeShown(n)) { if (openFilters && countIn(attr.periods) > 0) missing.push(`node ${n}`); return; }
          nodes++;
          if (!(countIn(attr.periods) > 0)) bad.push(`node ${n}`);
        });
        graph.forEachEdge((e, attr, s, t) => {
          const shown = !renderer.getEdgeDisplayData(e).hidden && nodeShown(s) && nodeShown(t);
          if (!shown) { if (openFilters && countIn(attr.periods) > 0) missing.push(`link ${s} — ${t}`); return; }
          edges++;
          if (!(countIn(attr.periods) > 0)) bad.push(`link ${s} — ${t}`);
        });
        return { nodes, edges, bad, missing };
      }, [a, b]);
      check(drawnNow.bad.length === 0, `shown outside ${fromName} – ${toName}: ${drawnNow.bad.slice(0, 5).join(", ")}`);
      check(drawnNow.missing.length === 0, `hidden though in ${fromName} – ${toName}: ${drawnNow.missing.slice(0, 5).join(", ")}`);
      check(drawnNow.nodes === now.nodes && drawnNow.edges === now.edges,
        `the renderer shows ${drawnNow.nodes} entities and ${drawnNow.edges} links, the counts line says ${now.nodes} and ${now.edges}`);
      summary.time = { from: fromName, to: toName, nodes: now.nodes, edges: now.edges, all: { nodes: full.nodes, edges: full.edges } };
    }

    if (opts.perf) {
      // A full reducer pass (what a hover or a filter change costs), then a 3 s camera pan and
      // zoom once the page has settled: renders per second and frame intervals while moving.
      summary.perf = await page.evaluate(async () => {
        const { renderer } = window.entgraph;
        const frame = () => new Promise((done) => requestAnimationFrame(done));
        let t0 = performance.now();
        renderer.refresh();
        const refreshMs = performance.now() - t0;
        await frame();
        await frame();
        const camera = renderer.getCamera();
        const start = camera.getState();
        const times = [];
        let renders = 0;
        const count = () => { renders++; };
        renderer.on("afterRender", count);
        t0 = performance.now();
        camera.animate({ x: start.x + 0.3, y: start.y - 0.2, ratio: start.ratio * 0.5 }, { duration: 3000 });
        while (performance.now() - t0 < 3000) times.push(await frame());
        renderer.off("afterRender", count);
        const gaps = times.slice(1).map((t, i) => t - times[i]).sort((a, b) => a - b);
        return {
          refresh_ms: Math.round(refreshMs),
          pan_fps: Math.round((renders / (performance.now() - t0)) * 10000) / 10,
          frame_ms_median: Math.round(gaps[gaps.length >> 1] || 0),
          frame_ms_max: Math.round(gaps[gaps.length - 1] || 0),
        };
      });
      await page.evaluate(() => window.entgraph.renderer.getCamera().animatedReset({ duration: 0 }));
      if (periods.length > 1) {
        // Dragging a time handle: each change as an input event, timed from the event to the end of the
        // frame that shows it (filter pass, reducers, WebGL upload and draw); the range is put back after.
        Object.assign(summary.perf, await page.evaluate(async () => {
          const { renderer, timing } = window.entgraph;
          const from = document.getElementById("time-from"), to = document.getElementById("time-to");
          const [a0, b0] = [from.value, to.value];
          // "from" across to the right end and back, then "to" across to the left end and back
          // (at most 40 changes, and no more than 15 s of them: software WebGL is slow on big graphs).
          const last = Number(from.max), n = Math.min(last, 10), steps = [];
          const sweep = (handle, end) => {
            for (let k = 1; k <= n; k++) steps.push([handle, Math.abs(end - Math.round((k * last) / n))]);
            for (let k = n - 1; k >= 0; k--) steps.push([handle, Math.abs(end - Math.round((k * last) / n))]);
          };
          from.value = 0; to.value = last;
          sweep(from, 0);
          sweep(to, last);
          const total = [], work = [], filter = [], t00 = performance.now();
          for (const [handle, value] of steps) {
            if (performance.now() - t00 > 15_000) break;
            const rendered = new Promise((done) => renderer.once("afterRender", done));
            const t0 = performance.now();
            handle.value = value;
            handle.dispatchEvent(new Event("input", { bubbles: true }));
            await rendered;
            total.push(performance.now() - t0);
            work.push(timing.filter_ms + timing.refresh_ms);
            filter.push(timing.filter_ms);
          }
          to.value = b0; to.dispatchEvent(new Event("input", { bubbles: true }));
          from.value = a0; from.dispatchEvent(new Event("input", { bubbles: true }));
          await new Promise((done) => renderer.once("afterRender", done));
          const stat = (xs) => { const v = [...xs].sort((p, q) => p - q); return [v[v.length >> 1], v[v.length - 1]].map((x) => Math.round(x * 10) / 10); };
          const [median, max] = stat(total), [workMedian] = stat(work), [filterMedian, filterMax] = stat(filter);
          return {
            time_changes: total.length, time_change_ms_median: median, time_change_ms_max: max,
            time_work_ms_median: workMedian, time_filter_ms_median: filterMedian, time_filter_ms_max: filterMax,
          };
        }));
      }
      console.error(`perf: load ${loadMs} ms, ${JSON.stringify(summary.perf)}`);
    }

    await page.waitForTimeout(300);
    await page.screenshot({ path: opts.screenshot });
    check(true);
    console.log(JSON.stringify(summary));
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`explorer test FAILED: ${err.message}`);
  process.exit(1);
});
