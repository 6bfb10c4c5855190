// Loket's chat on a municipality's own website. One line on the host page:
//   <script src="https://<loket-host>/<gemeente>/widget.js" defer></script>
// adds a launcher button that opens the chat in a panel with an iframe of
// https://<loket-host>/<gemeente>/embed. Why an iframe and not a shadow-DOM panel: the chat
// keeps Loket's strict CSP and its own origin (its storage, its requests, no host script can
// read the conversation), and the host only has to allow Loket in script-src, style-src and
// frame-src. Nothing here is inline: the styles come from the linked /<gemeente>/widget.css,
// elements are made with the DOM, so a host CSP without 'unsafe-inline' is enough.
// Messages to and from the frame use exactly Loket's origin (see static/embed.js).
(function () {
  "use strict";
  const script = document.currentScript;
  if (!script || !script.src || document.querySelector(".loket-widget")) return;
  const loket = new URL(script.src);
  const municipality = loket.pathname.split("/")[1];
  const base = loket.origin + "/" + municipality;
  const OPEN = "loket-widget." + municipality + ".open"; // this tab, the host's origin
  const REFUSED_AFTER_MS = 8000;

  function stored(set) {
    try {
      if (set === undefined) return window.sessionStorage.getItem(OPEN) === "1";
      if (set) window.sessionStorage.setItem(OPEN, "1");
      else window.sessionStorage.removeItem(OPEN);
    } catch (e) {
      return false; // storage blocked: the panel just does not reopen by itself
    }
    return set;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  const style = el("link");
  style.rel = "stylesheet";
  style.href = base + "/widget.css";
  document.head.appendChild(style);

  const root = el("div", "loket-widget");
  const launcher = el("button", "loket-widget__launcher", "Chat met Loket");
  launcher.type = "button";
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "loket-widget-panel");
  const panel = el("section", "loket-widget__panel");
  panel.id = "loket-widget-panel";
  panel.setAttribute("aria-label", "Chat met Loket");
  panel.hidden = true;
  const bar = el("div", "loket-widget__bar");
  const title = el("p", "loket-widget__title", "Chat met Loket");
  const close = el("button", "loket-widget__close", "Sluiten");
  close.type = "button";
  close.setAttribute("aria-label", "Sluit de chat");
  bar.append(title, close);
  panel.appendChild(bar);
  root.append(panel, launcher);

  let frame = null;
  let ready = false;
  let focusWanted = false;
  let refusedTimer = null;

  function post(type) {
    if (frame && frame.contentWindow) frame.contentWindow.postMessage({ type: type }, loket.origin);
  }

  function refused() {
    if (ready || !frame) return;
    frame.remove();
    frame = null;
    const note = el("div", "loket-widget__refused");
    note.setAttribute("role", "alert");
    note.appendChild(el("p", "", "De chat kan op deze website nu niet worden getoond."));
    const p = el("p");
    const link = el("a", "", "Open de chat in een nieuw tabblad");
    link.href = base + "/embed";
    link.target = "_blank";
    link.rel = "noopener";
    p.appendChild(link);
    note.appendChild(p);
    panel.appendChild(note);
    if (focusWanted) close.focus();
  }

  function makeFrame() {
    frame = el("iframe", "loket-widget__frame");
    frame.title = "Chat met Loket";
    frame.src = base + "/embed";
    frame.addEventListener("load", () => {
      post("loket:hello");
      clearTimeout(refusedTimer);
      // A frame that Loket refused (origin not allowed) loads an error page that never answers.
      refusedTimer = setTimeout(refused, REFUSED_AFTER_MS);
    });
    refusedTimer = setTimeout(refused, REFUSED_AFTER_MS * 2);
    panel.appendChild(frame);
  }

  function focusChat() {
    focusWanted = false;
    frame.focus();
    post("loket:focus");
  }

  function open(moveFocus) {
    if (!frame && !panel.querySelector(".loket-widget__refused")) makeFrame();
    panel.hidden = false;
    root.classList.add("is-open");
    launcher.setAttribute("aria-expanded", "true");
    stored(true);
    if (!moveFocus) return;
    if (ready) focusChat();
    else {
      focusWanted = true;
      close.focus(); // until the chat has loaded
    }
  }

  function shut() {
    panel.hidden = true;
    root.classList.remove("is-open");
    launcher.setAttribute("aria-expanded", "false");
    stored(false);
    launcher.focus();
  }

  launcher.addEventListener("click", () => (panel.hidden ? open(true) : shut()));
  close.addEventListener("click", shut);
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      shut();
    }
  });
  window.addEventListener("message", (event) => {
    if (event.origin !== loket.origin || !frame || event.source !== frame.contentWindow) return;
    const type = event.data && event.data.type;
    if (type === "loket:ready") {
      ready = true;
      clearTimeout(refusedTimer);
      root.classList.add("is-ready");
      if (focusWanted && !panel.hidden) focusChat();
    } else if (type === "loket:close") {
      shut();
    }
  });

  function mount() {
    document.body.appendChild(root);
    // Back on another page of the same site in this tab: the panel was open, so it is again
    // (without taking focus); the conversation itself lives in the frame's sessionStorage.
    if (stored()) open(false);
  }
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
