// The interactive part of argmap's HTML page: pan and zoom, search, the node panel.
// Every piece of map text is inserted with textContent, never as markup. Node ids are
// keys of Maps, never of plain objects: an id such as "__proto__" or "constructor" is
// just a name.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var nodes = new Map(Object.entries(data.nodes));
  var figure = document.getElementById("argmap-diagram");
  var svg = figure.querySelector("svg");
  var panel = document.getElementById("argmap-panel");
  var details = document.getElementById("argmap-details");
  var search = document.getElementById("argmap-search");
  var results = document.getElementById("argmap-results");
  var elements = new Map();
  var selected = null;

  // -- pan and zoom: the SVG's viewBox is the camera --------------------------------------
  var base = svg.viewBox.baseVal;
  var home = { x: base.x, y: base.y, w: base.width, h: base.height };
  var view = { x: home.x, y: home.y, w: home.w, h: home.h };
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");

  function show() {
    svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" "));
  }
  function zoom(factor, cx, cy) {
    var w = Math.min(Math.max(view.w / factor, home.w / 50), home.w * 4);
    var scale = w / view.w;
    if (cx === undefined) {
      cx = view.x + view.w / 2;
      cy = view.y + view.h / 2;
    }
    view.x = cx - (cx - view.x) * scale;
    view.y = cy - (cy - view.y) * scale;
    view.w = w;
    view.h = view.h * scale;
    show();
  }
  function fit() {
    view = { x: home.x, y: home.y, w: home.w, h: home.h };
    show();
  }
  function toDiagram(clientX, clientY) {
    var box = svg.getBoundingClientRect();
    var scale = Math.max(view.w / box.width, view.h / box.height);
    var offsetX = (box.width * scale - view.w) / 2;
    var offsetY = (box.height * scale - view.h) / 2;
    return {
      x: view.x + (clientX - box.left) * scale - offsetX,
      y: view.y + (clientY - box.top) * scale - offsetY,
      scale: scale
    };
  }
  function center(element) {
    var box = element.getBBox();
    var matrix = element.getCTM();
    var root = svg.getCTM();
    var x = box.x + box.width / 2;
    var y = box.y + box.height / 2;
    if (matrix && root) {
      var point = svg.createSVGPoint();
      point.x = x;
      point.y = y;
      point = point.matrixTransform(root.inverse().multiply(matrix));
      x = point.x;
      y = point.y;
    }
    if (view.w > home.w / 2) {
      zoom(view.w / (home.w / 2));
    }
    view.x = x - view.w / 2;
    view.y = y - view.h / 2;
    show();
  }
  svg.addEventListener("wheel", function (event) {
    event.preventDefault();
    var at = toDiagram(event.clientX, event.clientY);
    zoom(event.deltaY < 0 ? 1.2 : 1 / 1.2, at.x, at.y);
  }, { passive: false });
  var drag = null;
  svg.addEventListener("pointerdown", function (event) {
    if (event.button !== 0) {
      return;
    }
    drag = { x: event.clientX, y: event.clientY, moved: false };
  });
  window.addEventListener("pointermove", function (event) {
    if (!drag) {
      return;
    }
    var dx = event.clientX - drag.x;
    var dy = event.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) {
      return;
    }
    drag.moved = true;
    figure.classList.add("argmap-dragging");
    var scale = toDiagram(0, 0).scale;
    view.x -= dx * scale;
    view.y -= dy * scale;
    drag.x = event.clientX;
    drag.y = event.clientY;
    show();
  });
  window.addEventListener("pointerup", function () {
    figure.classList.remove("argmap-dragging");
    window.setTimeout(function () { drag = null; }, 0);
  });
  document.getElementById("argmap-zoom-in").addEventListener("click", function () { zoom(1.4); });
  document.getElementById("argmap-zoom-out").addEventListener("click", function () { zoom(1 / 1.4); });
  document.getElementById("argmap-fit").addEventListener("click", fit);
  window.addEventListener("beforeprint", fit);

  // -- nodes: focusable, clickable, labelled ---------------------------------------------
  var prefix = "argmap-node-";
  Array.prototype.forEach.call(svg.querySelectorAll("g.node"), function (element) {
    var id = element.id.slice(prefix.length);
    var node = element.id.indexOf(prefix) === 0 ? nodes.get(id) : undefined;
    if (!node) {
      return;
    }
    elements.set(id, element);
    element.setAttribute("tabindex", "0");
    element.setAttribute("role", "button");
    element.setAttribute("aria-label", node.kind + ": " + node.label);
    if (node.status !== undefined) {
      element.setAttribute("data-status", node.status);
      element.classList.add("argmap-status-" + node.status.replace(/[^A-Za-z0-9_-]/g, "_"));
    }
    element.addEventListener("click", function () {
      if (!(drag && drag.moved)) {
        open(id, false);
      }
    });
    element.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        open(id, false);
      }
    });
  });

  // -- the side panel --------------------------------------------------------------------
  function add(parent, tag, text, className) {
    var child = document.createElement(tag);
    if (text !== undefined && text !== null) {
      child.textContent = String(text);
    }
    if (className) {
      child.className = className;
    }
    parent.appendChild(child);
    return child;
  }
  function link(parent, id) {
    var target = nodes.get(id);
    var anchor = add(parent, "a", target ? target.label : id);
    anchor.href = "#" + encodeURIComponent(id);
    return anchor;
  }
  function field(list, name, value) {
    add(list, "dt", name);
    return add(list, "dd", value);
  }
  function fill(id) {
    var node = nodes.get(id);
    details.textContent = "";
    add(details, "p", node.kind, "argmap-kind argmap-role-" + node.role);
    add(details, "h2", node.title || node.label);
    if (node.title) {
      add(details, "p", node.text, "argmap-text");
    }
    var facts = add(details, "dl");
    if (node.actor) {
      field(facts, "Actor", node.actor);
    }
    if (node.weight !== undefined) {
      field(facts, "Weight", node.weight);
    }
    if (node.status !== undefined) {
      field(facts, data.annotationLabel, node.status).className = "argmap-status";
    }
    if (node.tags) {
      field(facts, "Tags", node.tags.join(", "));
    }
    if (node.note) {
      field(facts, "Note", node.note);
    }
    field(facts, "Id", id).className = "argmap-id";
    if (node.cites) {
      add(details, "h3", "Sources");
      if (node.citation) {
        add(details, "p", node.citation, "argmap-citation");
      }
      var cites = add(details, "ul", undefined, "argmap-cites");
      node.cites.forEach(function (cite) {
        var item = add(cites, "li");
        if (cite.quote) {
          add(item, "q", cite.quote);
          add(item, "span", " ");
        }
        if (cite.locator) {
          add(item, "span", cite.locator, "argmap-locator");
        }
        var source = add(item, "p", cite.reference || cite.key, "argmap-reference");
        if (cite.reference) {
          source.title = cite.key;
        }
        if (cite.note) {
          add(item, "p", cite.note, "argmap-note");
        }
      });
    }
    (node.links || []).forEach(function (group) {
      add(details, "h3", group.heading);
      var list = add(details, "ul", undefined, "argmap-links");
      group.items.forEach(function (item) {
        var row = add(list, "li");
        (item.ids || [item.id]).forEach(function (other, index) {
          if (index > 0) {
            add(row, "span", " + ");
          }
          link(row, other);
        });
        if (item.to) {
          add(row, "span", " \u2192 ");
          link(row, item.to);
        }
        if (item.with) {
          add(row, "span", " (together with ");
          item.with.forEach(function (other, index) {
            if (index > 0) {
              add(row, "span", ", ");
            }
            link(row, other);
          });
          add(row, "span", ")");
        }
      });
    });
  }
  // The id a fragment names; null for one that is not valid percent-encoding ("#%").
  function hashId() {
    try {
      return decodeURIComponent(location.hash.slice(1));
    } catch (error) {
      return null;
    }
  }
  function open(id, move) {
    if (!nodes.has(id)) {
      return;
    }
    if (selected !== null && elements.has(selected)) {
      elements.get(selected).classList.remove("argmap-selected");
    }
    selected = id;
    fill(id);
    panel.hidden = false;
    if (elements.has(id)) {
      elements.get(id).classList.add("argmap-selected");
      if (move) {
        center(elements.get(id));
      }
    }
    if (hashId() !== id) {
      try {
        history.replaceState(null, "", "#" + encodeURIComponent(id));
      } catch (error) {
        // Some browsers refuse history changes on file: pages; the panel still opens.
      }
    }
  }
  function close() {
    if (selected !== null && elements.has(selected)) {
      elements.get(selected).classList.remove("argmap-selected");
      elements.get(selected).focus();
    }
    selected = null;
    panel.hidden = true;
  }
  document.getElementById("argmap-close").addEventListener("click", close);
  function fromHash() {
    var id = hashId();
    if (id !== null && nodes.has(id)) {
      open(id, true);
    }
  }
  window.addEventListener("hashchange", fromHash);

  // -- search ----------------------------------------------------------------------------
  function haystack(id) {
    var node = nodes.get(id);
    var parts = [id, node.label, node.text, node.kind, node.actor || "", node.note || ""];
    (node.tags || []).forEach(function (tag) { parts.push(tag); });
    (node.cites || []).forEach(function (cite) {
      parts.push(cite.quote || "", cite.key, cite.reference || "");
    });
    return parts.join("\n").toLowerCase();
  }
  var texts = new Map();
  nodes.forEach(function (node, id) { texts.set(id, haystack(id)); });
  function find(query) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    var found = [];
    texts.forEach(function (text, id) {
      if (words.length && words.every(function (w) { return text.indexOf(w) >= 0; })) {
        found.push(id);
      }
    });
    var matched = new Set(found);
    elements.forEach(function (element, id) {
      element.classList.toggle("argmap-match", words.length > 0 && matched.has(id));
      element.classList.toggle("argmap-dim", words.length > 0 && !matched.has(id));
    });
    results.textContent = "";
    found.slice(0, 20).forEach(function (id) {
      link(add(results, "li"), id);
    });
    if (words.length && !found.length) {
      add(results, "li", "No node matches.", "argmap-none");
    } else if (found.length > 20) {
      add(results, "li", (found.length - 20) + " more", "argmap-none");
    }
    return found;
  }
  search.addEventListener("input", function () { find(search.value); });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var found = find(search.value);
      if (found.length) {
        open(found[0], true);
      }
    } else if (event.key === "Escape") {
      search.value = "";
      find("");
    }
  });

  // -- keys ------------------------------------------------------------------------------
  document.addEventListener("keydown", function (event) {
    var typing = event.target instanceof HTMLInputElement;
    if (event.key === "Escape" && !typing) {
      close();
    } else if (typing || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    } else if (event.key === "/") {
      event.preventDefault();
      search.focus();
    } else if (event.key === "+" || event.key === "=") {
      zoom(1.4);
    } else if (event.key === "-") {
      zoom(1 / 1.4);
    } else if (event.key === "0") {
      fit();
    }
  });

  fromHash();
})();
