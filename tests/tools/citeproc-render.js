// Format CSL-JSON items with citeproc-js, the CSL processor Zotero uses.
// Usage: node citeproc-render.js LOCALE.xml JOBS.json
// JOBS.json is a list of {"style": "path/to/style.csl", "items": [CSL-JSON items]}; prints
// a JSON list with, for each job, an object: item id -> its bibliography entry as text.
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require(path.join(__dirname, "node_modules", "citeproc"));

const [localePath, jobsPath] = process.argv.slice(2);
const locale = fs.readFileSync(localePath, "utf8");
const jobs = JSON.parse(fs.readFileSync(jobsPath, "utf8"));
const results = jobs.map(({ style, items }) => {
  const byId = Object.fromEntries(items.map((item) => [item.id, item]));
  const engine = new CSL.Engine(
    { retrieveLocale: () => locale, retrieveItem: (id) => byId[id] },
    fs.readFileSync(style, "utf8"),
    "en-US",
    true,
  );
  engine.setOutputFormat("text");
  engine.updateItems(items.map((item) => item.id));
  const [meta, entries] = engine.makeBibliography();
  const out = {};
  meta.entry_ids.forEach((ids, index) => {
    out[ids[0]] = entries[index].trim();
  });
  return out;
});
process.stdout.write(JSON.stringify(results));
