// The interactive part of argmap's HTML page: pan and zoom, search, the node panel with
// its verdict and the schemes of the inferences into it, and the panel of an inference.
// Every piece of map text is inserted with textContent, never as markup. Node ids are
// keys of Maps, never of plain objects: an id such as "__proto__" or "constructor" is
// just a name.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var nodes = new Map(Object.entries(data.nodes));
  var verdicts = new Map(Object.entries(data.verdicts || {}));
  var inferences = new Map(Object.entries(data.inferences || {}));
  var schemes = new Map(Object.entries(data.schemes || {}));
  var standards = new Map(Object.entries(data.standards || {}));
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

  // -- nodes and inferences: focusable, clickable, labelled -------------------------------
  var prefix = "argmap-node-";
  function schemeTitle(step) {
    return step.scheme ? schemes.get(step.scheme).title : step.named;
  }
  Array.prototype.forEach.call(svg.querySelectorAll("g.node"), function (element) {
    if (element.id.indexOf(prefix) !== 0) {
      return;
    }
    var id = element.id.slice(prefix.length);
    var node = nodes.get(id);
    var step = node ? undefined : inferences.get(id);
    if (!node && !step) {
      return;
    }
    elements.set(id, element);
    element.setAttribute("tabindex", "0");
    element.setAttribute("role", "button");
    element.setAttribute(
      "aria-label", node ? node.kind + ": " + node.label : "Inference: " + schemeTitle(step)
    );
    if (node && node.status !== undefined) {
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
  // A node or relation that answers or raises a question: {id} or {ids, kind}.
  function ref(parent, named) {
    (named.ids || [named.id]).forEach(function (other, index) {
      if (index > 0) {
        add(parent, "span", " + ");
      }
      link(parent, other);
    });
    if (named.kind) {
      add(parent, "span", " (" + named.kind + ")");
    }
  }
  function refList(parent, refs) {
    refs.forEach(function (one, index) {
      if (index > 0) {
        add(parent, "span", "; ");
      }
      ref(parent, one);
    });
  }
  var marks = { stands: "\u2713", falls: "\u2717", open: "?" };
  var answers = { yes: "met", no: "not met", open: "open" };
  var applies = { yes: "applies", no: "does not apply", open: "may not apply" };
  var toneOf = { yes: "stands", no: "falls", open: "open" };
  function marked(parent, tag, tone, text, className) {
    var classes = (className ? className + " " : "") + "argmap-tone-" + tone;
    var line = add(parent, tag, undefined, classes);
    add(line, "span", marks[tone], "argmap-mark").setAttribute("aria-label", tone);
    add(line, "span", " " + text);
    return line;
  }
  function considerations(parent, heading, items) {
    if (!items.length) {
      return;
    }
    add(parent, "h4", heading);
    var list = add(parent, "ul", undefined, "argmap-considerations");
    items.forEach(function (item) {
      var row = marked(list, "li", toneOf[item.applies], "", "argmap-applies");
      ref(row, { ids: item.premises });
      var about = item.kind + (item.weight === null ? "" : ", weight " + item.weight);
      var why = item.why ? ", " + item.why : "";
      add(row, "span", " (" + about + "): " + applies[item.applies] + why);
    });
  }
  function fillVerdict(verdict) {
    var section = add(details, "section", undefined, "argmap-verdict");
    add(section, "h3", "Verdict");
    // The panel's heading names the node already.
    var headline = verdict.headline;
    if (headline.indexOf(verdict.title + ": ") === 0) {
      headline = headline.slice(verdict.title.length + 2);
      headline = headline.charAt(0).toUpperCase() + headline.slice(1);
    }
    marked(section, "p", verdict.tone, headline, "argmap-headline");
    considerations(section, "Pros", verdict.pros);
    considerations(section, "Cons", verdict.cons);
    add(section, "h4", "Proof standards");
    var list = add(section, "dl", undefined, "argmap-standards");
    verdict.standards.forEach(function (answer) {
      var name = standards.get(answer.standard) || answer.standard;
      if (answer.standard === verdict.standard) {
        name += " (its standard)";
      }
      add(list, "dt", name);
      var value = add(list, "dd");
      marked(value, "span", toneOf[answer.answer], answers[answer.answer] + ": " + answer.why);
      if (answer.flip) {
        add(value, "p", "What would change it: " + answer.flip, "argmap-flip");
      }
    });
    verdict.notes.forEach(function (note) {
      add(section, "p", note, "argmap-note");
    });
  }
  function fillInference(parent, key, heading) {
    var step = inferences.get(key);
    var scheme = step.scheme ? schemes.get(step.scheme) : undefined;
    var block = add(parent, "section", undefined, "argmap-inference");
    add(block, heading, scheme ? scheme.title : step.named + " (a scheme not in the catalogue)");
    var line = add(block, "p", undefined, "argmap-step");
    ref(line, { ids: step.premises });
    add(line, "span", " \u2192 ");
    link(line, step.conclusion);
    add(line, "span", " (" + step.kind + ")");
    if (scheme) {
      var pattern = add(block, "dl", undefined, "argmap-scheme");
      add(pattern, "dt", "Premises");
      var premises = add(add(pattern, "dd"), "ul");
      scheme.premises.forEach(function (text) {
        add(premises, "li", text);
      });
      field(pattern, "Conclusion", scheme.conclusion);
    }
    if (scheme && step.questions.length) {
      add(block, "h4", "Critical questions");
      var list = add(block, "ul", undefined, "argmap-questions");
      step.questions.forEach(function (state, index) {
        var row = add(list, "li", undefined, "argmap-question argmap-question-" + state.status);
        add(row, "span", state.status, "argmap-state");
        add(row, "span", " " + scheme.questions[index].text);
        if (state.raisedBy) {
          add(row, "span", " Raised by ");
          refList(row, state.raisedBy);
          add(row, "span", ".");
        }
        if (state.answeredBy) {
          add(row, "span", " Answered by ");
          refList(row, state.answeredBy);
          add(row, "span", ".");
        }
      });
    }
    if (step.challenges) {
      var others = add(block, "p", "Also challenged by ", "argmap-note");
      refList(others, step.challenges);
    }
  }
  function fill(id) {
    details.textContent = "";
    if (!nodes.has(id)) {
      add(details, "p", "Inference", "argmap-kind");
      fillInference(details, id, "h2");
      return;
    }
    var node = nodes.get(id);
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
      var status = field(facts, data.annotationLabel, node.status);
      status.className = "argmap-status";
      if (node.tone !== undefined) {
        status.textContent = "";
        marked(status, "span", node.tone, node.status);
      }
    }
    if (node.tags) {
      field(facts, "Tags", node.tags.join(", "));
    }
    if (node.note) {
      field(facts, "Note", node.note);
    }
    field(facts, "Id", id).className = "argmap-id";
    if (verdicts.has(id)) {
      fillVerdict(verdicts.get(id));
    }
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
    if (node.inferences) {
      add(details, "h3", "Inferences and their schemes");
      node.inferences.forEach(function (key) {
        fillInference(details, key, "h4");
      });
    }
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
    if (!nodes.has(id) && !inferences.has(id)) {
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
    if (id !== null && (nodes.has(id) || inferences.has(id))) {
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
