"""Chromium as the browser tests drive it through Playwright."""

from __future__ import annotations

#: Chromium as CI runs it: no sandbox (root in a container), and none of the background
#: services that would make requests of their own.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
#: Records what a page does that a self-contained page must not.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI);
});
"""
