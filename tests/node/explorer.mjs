#!/usr/bin/env node
// Browser check of an HTML graph explorer written by `entgraph build --format html`.
//
//   node tests/node/explorer.mjs --html PATH --screenshot OUT.png
//        [--search TEXT --expect-label LABEL] [--edge LABEL_A LABEL_B] [--perf]
//
// Opens the file in headless Chromium (playwright-core, no bundled browser:
// /usr/bin/chromium or $CHROMIUM) with software WebGL, fails on any console
// error, page error or network request other than the file itself, checks the
// graph was drawn, optionally drives search and edge selection, saves a
// screenshot and prints a one-line JSON summary.
import { chromium } from "playwright-core";
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { inflateSync } from "node:zlib";

const USAGE = "usage: node explorer.mjs --html PATH --screenshot OUT.png " +
  "[--search TEXT --expect-label LABEL] [--edge LABEL_A LABEL_B] [--perf]";

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
