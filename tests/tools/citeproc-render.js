// Format CSL-JSON items with citeproc-js, the CSL processor Zotero uses.
// Usage: node citeproc-render.js LOCALE.xml JOBS.json
// JOBS.json is a list of {"style": "path/to/style.csl", "items": [CSL-JSON items]}; prints
// a JSON list with, for each job, an object: item id -> its bibliography entry as text
// (or {"citeproc-js error": message} for a job whose items citeproc-js refuses).
// Building an engine takes seconds, so each style gets one, reused for every job: a job's
// items get ids of their own, and updateItems replaces the previous job's.
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require(path.join(__dirname, "node_modules", "citeproc"));

const [localePath, jobsPath] = process.argv.slice(2);
const locale = CSL.parseXml(fs.readFileSync(localePath, "utf8"));
const jobs = JSON.parse(fs.readFileSync(jobsPath, "utf8"));
const current = new Map();
const engines = new Map();

function engineFor(style) {
  if (!engines.has(style)) {
    const engine = new CSL.Engine(
      { retrieveLocale: () => locale, retrieveItem: (id) => current.get(id) },
      fs.readFileSync(style, "utf8"),
      "en-US",
      true,
    );
    engine.setOutputFormat("text");
    engines.set(style, engine);
  }
  return engines.get(style);
}

const results = jobs.map(({ style, items }, job) => {
  const prefix = `${job}:`;
  current.clear();
  for (const item of items) {
    current.set(prefix + item.id, { ...item, id: prefix + item.id });
  }
  const engine = engineFor(style);
  let meta, entries;
  try {
    engine.updateItems([...current.keys()]);
    [meta, entries] = engine.makeBibliography();
  } catch (error) {
    engines.delete(style); // an engine that threw may hold the bad items
    return { "citeproc-js error": String(error) };
  }
  const out = {};
  meta.entry_ids.forEach((ids, index) => {
    out[String(ids[0]).slice(prefix.length)] = entries[index].trim();
  });
  return out;
});
process.stdout.write(JSON.stringify(results));
