// The reader page's behaviour: sends a URL or a page's HTML to POST /v1/extract and shows the lede/1
// document as a reader would, with Markdown, JSON and "removed" tabs. Builds every node with textContent:
// it must never put the page's or the article's markup into this document as HTML.
"use strict";

const RTL_LANGUAGES = new Set(["ar", "he", "iw", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug"]);

const state = { article: null, request: null, source: null, markdown: null };

function $(id) { return document.getElementById(id); }

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value !== undefined && value !== null && value !== "") node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === "") continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function safeUrl(url) {
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch (_) {
    return null;
  }
}

function setStatus(text, isError) {
  const status = $("status");
  status.textContent = text;
  status.classList.toggle("error", Boolean(isError));
}

function directionOf(language) {
  const primary = (language || "").toLowerCase().split("-")[0];
  return RTL_LANGUAGES.has(primary) ? "rtl" : "auto";
}

// ---- Talking to the server ----

// request: {kind: "url", url} or {kind: "html", body: Blob|string, url}
async function extract(request, format) {
  let path = "/v1/extract?format=" + format;
  const init = { method: "POST", headers: {} };
  if (request.kind === "url") {
    path += "&fetch=" + encodeURIComponent(request.url);
  } else {
    init.body = request.body;
    // Pasted text is already characters (sent as UTF-8); a file's bytes are left for lede to decode.
    init.headers["Content-Type"] = typeof request.body === "string" ? "text/html; charset=utf-8" : "text/html";
    if (request.url) init.headers["X-Url"] = request.url;
  }
  const response = await fetch(path, init);
  const text = await response.text();
  if (!response.ok) {
    let message = "HTTP " + response.status;
    try {
      const error = JSON.parse(text).error;
      message = error.code + ": " + error.message;
    } catch (_) { /* not JSON: keep the status */ }
    throw new Error(message);
  }
  return text;
}

async function read(request) {
  state.request = request;
  state.markdown = null;
  setStatus("Reading…");
  try {
    const json = await extract(request, "json");
    state.article = JSON.parse(json);
    state.jsonText = json;
    await rememberSource(request);
    showArticle();
    setStatus("");
  } catch (error) {
    setStatus(error.message, true);
  }
}

// The page's own text for the "removed" tab, decoded as lede decoded it.
async function rememberSource(request) {
  state.source = null;
  if (request.kind !== "html") return;
  const bytes = typeof request.body === "string" ? new TextEncoder().encode(request.body)
                                                 : new Uint8Array(await request.body.arrayBuffer());
  let decoder;
  try { decoder = new TextDecoder(state.article.encoding || "utf-8"); } catch (_) { decoder = new TextDecoder(); }
  state.source = decoder.decode(bytes);
}

// ---- The reader view ----

function inlineText(block) {
  const codePoints = Array.from(block.text || "");
  const links = (block.links || []).filter((link) => safeUrl(link.href));
  const parts = [];
  let at = 0;
  for (const link of links) {
    if (link.start < at) continue;
    parts.push(codePoints.slice(at, link.start).join(""));
    parts.push(element("a", { href: safeUrl(link.href), rel: "noopener noreferrer nofollow" },
                       codePoints.slice(link.start, link.end).join("")));
    at = link.end;
  }
  parts.push(codePoints.slice(at).join(""));
  return parts;
}

function withBreaks(text) {
  const parts = [];
  (text || "").split("\n").forEach((line, index) => {
    if (index > 0) parts.push(element("br"));
    parts.push(line);
  });
  return parts;
}

function figure(src, alt, caption, credit) {
  const url = safeUrl(src);
  const captionNode = (caption || credit)
    ? element("figcaption", { dir: "auto" }, caption, caption && credit ? " — " : "",
              credit ? element("span", { class: "credit" }, credit) : null)
    : null;
  if (!url && !captionNode) return null;
  return element("figure", {}, url ? element("img", { src: url, alt: alt || "", loading: "lazy", referrerpolicy: "no-referrer" }) : null,
                 captionNode);
}

function renderBlock(block) {
  switch (block.type) {
    case "heading":
      return element("h" + Math.min(Math.max((block.level || 2) + 1, 2), 6), { dir: "auto" }, ...inlineText(block));
    case "paragraph":
      return element("p", { dir: "auto" }, ...inlineText(block));
    case "quote":
      return element("blockquote", { dir: "auto" }, ...withBreaks(block.text));
    case "list": {
      const list = element(block.ordered ? "ol" : "ul", { dir: "auto" });
      (block.items || []).forEach((item, index) => {
        const depth = (block.depths || [])[index] || 0;
        list.append(element("li", { "data-depth": depth ? Math.min(depth, 4) : "" }, item));
      });
      return list;
    }
    case "table": {
      const table = element("table", { dir: "auto" });
      (block.rows || []).forEach((row, index) => {
        const cellTag = index < (block.header_rows || 0) ? "th" : "td";
        table.append(element("tr", {}, ...row.map((cell) => element(cellTag, {}, ...withBreaks(cell)))));
      });
      return element("div", { class: "table" }, table);
    }
    case "code":
      return element("pre", { dir: "ltr" }, element("code", {}, block.text || ""));
    case "figure":
      return figure(block.src, block.alt, block.caption, block.credit);
    default:
      return block.text ? element("p", { dir: "auto" }, block.text) : null;
  }
}

function formatDate(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  if (isNaN(date)) return iso;
  const hasTime = /T\d\d:\d\d/.test(iso);
  return date.toLocaleString(undefined, hasTime ? { dateStyle: "long", timeStyle: "short" } : { dateStyle: "long" });
}

function renderMeta(article) {
  const items = [];
  if (article.authors && article.authors.length) items.push(element("span", { class: "byline" }, article.authors.join(", ")));
  if (article.published) {
    items.push(element("time", { datetime: article.published, class: "published" }, formatDate(article.published)));
  }
  if (article.site_name) items.push(element("span", { class: "site" }, article.site_name));
  const source = safeUrl(article.url || article.canonical_url);
  if (source) items.push(element("a", { href: source, rel: "noopener noreferrer nofollow" }, "original"));
  return items.length ? element("p", { class: "meta", dir: "auto" }, ...items) : null;
}

function renderContext(related) {
  if (!related || !related.length) return null;
  const list = element("ul");
  for (const link of related) {
    const url = safeUrl(link.url);
    list.append(element("li", { dir: "auto" }, url ? element("a", { href: url, rel: "noopener noreferrer nofollow" }, link.title || url)
                                                  : link.title));
  }
  return element("aside", { class: "context" }, element("h2", {}, "Context"), list);
}

// The story's quotations and who said them: what a media monitor looks for first.
function renderQuotes(quotes) {
  if (!quotes || !quotes.length) return null;
  const list = element("ul");
  for (const quote of quotes) {
    const item = element("li", { dir: "auto" }, element("q", {}, quote.text));
    if (quote.speaker) item.append(" — ", element("span", { class: "speaker" }, quote.speaker));
    list.append(item);
  }
  return element("aside", { class: "quotes" }, element("h2", {}, "Quotes"), list);
}

function showReader(article) {
  const reader = $("reader");
  reader.replaceChildren();
  reader.setAttribute("lang", article.language || "");
  reader.setAttribute("dir", directionOf(article.language));
  if (article.title) reader.append(element("h1", { dir: "auto", class: "headline" }, article.title));
  if (article.lead) reader.append(element("p", { class: "lead", dir: "auto" }, article.lead));
  const meta = renderMeta(article);
  if (meta) reader.append(meta);
  const blocks = article.blocks || [];
  const image = article.image || {};
  // The main image and the standfirst are often the body's first figure and paragraph too: show them once.
  const bodyHasImage = blocks.some((block) => block.type === "figure" &&
    (block.src === image.url || (image.caption && block.caption === image.caption)));
  if (image.url && !bodyHasImage) {
    const main = figure(image.url, "", image.caption, image.credit);
    if (main) reader.append(main);
  }
  const body = element("div", { class: "body" });
  for (const block of blocks) {
    if (block.type === "paragraph" && article.lead && block.text === article.lead) continue;
    const node = renderBlock(block);
    if (node) body.append(node);
  }
  reader.append(body);
  const context = renderContext(article.related);
  if (context) reader.append(context);
  const quotes = renderQuotes(article.quotes);
  if (quotes) reader.append(quotes);
  if (!blocks.length) reader.append(element("p", { class: "status" }, "lede found no article text on this page."));
}

// ---- The "removed" view: the page's own text, each piece marked kept or dropped by lede ----

const BLOCK_TAGS = "p,li,h1,h2,h3,h4,h5,h6,td,th,dt,dd,figcaption,blockquote,pre,caption,a,button,label,span,div,section,aside,nav,header,footer";

function normalise(text) {
  return (text || "").replace(/\s+/g, " ").trim().toLowerCase();
}

function articleText(article) {
  const parts = [article.title, article.lead, article.text, (article.image || {}).caption, (article.image || {}).credit];
  for (const block of article.blocks || []) parts.push(block.caption, block.credit, block.alt);
  for (const link of article.related || []) parts.push(link.title);
  return normalise(parts.filter(Boolean).join(" \n "));
}

// Text pieces of the page in reading order: elements whose own text is not inside a smaller block.
function pageChunks(html) {
  const page = new DOMParser().parseFromString(html, "text/html");
  page.querySelectorAll("script,style,noscript,template,svg,iframe,head").forEach((node) => node.remove());
  const chunks = [];
  const seen = new Set();
  for (const node of page.body ? page.body.querySelectorAll(BLOCK_TAGS) : []) {
    if (node.querySelector(BLOCK_TAGS)) {
      const own = Array.from(node.childNodes).filter((child) => child.nodeType === Node.TEXT_NODE)
        .map((child) => child.textContent).join(" ");
      if (!normalise(own)) continue;
    }
    const text = normalise(node.textContent);
    if (text.length < 2 || seen.has(text)) continue;
    seen.add(text);
    chunks.push(node.textContent.replace(/\s+/g, " ").trim());
  }
  return chunks;
}

function showRemoved() {
  const panel = $("removed");
  panel.replaceChildren();
  if (!state.source) {
    panel.append(element("p", { class: "legend" },
      "The removed text is shown for pages given as HTML (pasted or dropped): the reader compares the page's own text with the article."));
    return;
  }
  const kept = articleText(state.article);
  const chunks = pageChunks(state.source);
  let dropped = 0;
  const list = element("div", { lang: state.article.language || "", dir: directionOf(state.article.language) });
  for (const chunk of chunks) {
    const isKept = kept.includes(normalise(chunk));
    if (!isKept) dropped++;
    list.append(element("p", { class: "chunk " + (isKept ? "kept" : "dropped"), dir: "auto" }, chunk));
  }
  panel.append(element("p", { class: "legend" },
    `${dropped} of ${chunks.length} text pieces of the page were dropped (struck through, red); green ones are in the article.`), list);
}

// ---- Tabs ----

async function showTab(name) {
  for (const tab of document.querySelectorAll("[role=tab]")) tab.setAttribute("aria-selected", String(tab.dataset.tab === name));
  for (const panel of document.querySelectorAll("[data-panel]")) panel.hidden = panel.dataset.panel !== name;
  if (name === "json") $("json").textContent = JSON.stringify(state.article, null, 2);
  if (name === "removed") showRemoved();
  if (name === "markdown" && state.markdown === null) {
    $("markdown").textContent = "…";
    try {
      state.markdown = await extract(state.request, "markdown");
      $("markdown").textContent = state.markdown;
    } catch (error) {
      $("markdown").textContent = error.message;
    }
  }
}

function showArticle() {
  showReader(state.article);
  $("tabs").hidden = false;
  showTab("reader");
  document.title = (state.article.title || "Untitled") + " · lede reader";
}

// ---- Input: URL, file (chosen or dropped), pasted HTML ----

function readFile(file) {
  if (!file) return;
  read({ kind: "html", body: file, url: $("page-url").value.trim() });
}

function wireInputs() {
  $("url-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const url = $("url").value.trim();
    if (url) read({ kind: "url", url });
  });
  $("file").addEventListener("change", (event) => readFile(event.target.files[0]));
  $("read-html").addEventListener("click", () => {
    const html = $("html").value;
    if (html.trim()) read({ kind: "html", body: html, url: $("page-url").value.trim() });
  });
  const drop = $("drop");
  drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    readFile(event.dataTransfer.files[0]);
  });
  for (const tab of document.querySelectorAll("[role=tab]")) tab.addEventListener("click", () => showTab(tab.dataset.tab));
}

document.addEventListener("DOMContentLoaded", wireInputs);
