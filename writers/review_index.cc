#include "writers/review_index.h"

#include <algorithm>
#include <map>

#include "model/sha256.h"
#include "writers/html_escape.h"
#include "writers/review_svg.h"

namespace ogix {

namespace {

// Sorts by a clicked header (numbers numerically) and filters rows by the text typed; the table
// is complete and ordered without it.
constexpr std::string_view kIndexScript = R"JS(
(function () {
  var table = document.getElementById('reports');
  if (!table) return;
  var body = table.tBodies[0];
  var bar = document.getElementById('controls');
  bar.hidden = false;
  var q = document.getElementById('q'), att = document.getElementById('att');
  function apply() {
    var s = q.value.toLowerCase();
    for (var i = 0; i < body.rows.length; i++) {
      var r = body.rows[i];
      var show = (!s || r.textContent.toLowerCase().indexOf(s) >= 0) && (!att.checked || r.classList.contains('attn'));
      r.hidden = !show;
    }
  }
  q.addEventListener('input', apply);
  att.addEventListener('change', apply);
  var heads = table.tHead.rows[0].cells;
  for (var j = 0; j < heads.length; j++) (function (col) {
    var dir = 1;
    heads[col].addEventListener('click', function () {
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[col].getAttribute('data-v') || a.cells[col].textContent;
        var y = b.cells[col].getAttribute('data-v') || b.cells[col].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return c * dir;
      });
      dir = -dir;
      rows.forEach(function (r) { body.appendChild(r); });
    });
  })(j);
})();
)JS";

std::string base64(const std::string& bytes) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                 static_cast<unsigned char>(bytes[i + 2]);
    out += {k[v >> 18], k[(v >> 12) & 63], k[(v >> 6) & 63], k[v & 63]};
  }
  if (i + 1 == bytes.size()) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    out += {k[v >> 18], k[(v >> 12) & 63], '=', '='};
  } else if (i + 2 == bytes.size()) {
    unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8);
    out += {k[v >> 18], k[(v >> 12) & 63], k[(v >> 6) & 63], '='};
  }
  return out;
}

// The CSP source of an inline script: 'sha256-<base64 of the digest>'.
std::string script_hash(std::string_view script) {
  std::string hex = sha256_hex(script), raw;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) raw += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return "'sha256-" + base64(raw) + "'";
}

std::string num_td(long long v, const char* cls = nullptr) {
  std::string s = "<td class=\"n";
  if (cls && v > 0) s += std::string(" ") + cls;
  return s + "\">" + std::to_string(v) + "</td>";
}

}  // namespace

ReviewIndexEntry review_entry(const Document& doc) {
  ReviewIndexEntry e;
  e.ok = true;
  e.source = doc.meta.source;
  e.agency = doc.meta.agency;
  e.year = doc.meta.year;
  e.profile = doc.profile;
  for (const auto& c : doc.cells) ++e.cells[static_cast<int>(c.status)];
  for (const auto& r : doc.rules) ++e.rules[static_cast<int>(r.result)];
  e.findings = static_cast<int>(doc.findings.size());
  for (const auto& f : doc.findings) e.warnings += f.severity != Severity::info;
  return e;
}

bool needs_attention(const ReviewIndexEntry& e) {
  return e.rules[1] > 0 || e.cells[3] > 0 || e.cells[4] > 0 || e.warnings > 0;
}

std::string review_index_html(const std::vector<ReviewIndexEntry>& entries) {
  std::vector<const ReviewIndexEntry*> ok, failed;
  for (const auto& e : entries) (e.ok ? ok : failed).push_back(&e);
  // Most to look at first: failing rules, then text/missing cells, then warnings.
  auto weight = [](const ReviewIndexEntry* e) {
    return std::make_tuple(-(e->rules[1] > 0), -(e->cells[3] + e->cells[4] > 0), -(e->warnings > 0));
  };
  std::stable_sort(ok.begin(), ok.end(), [&](const ReviewIndexEntry* a, const ReviewIndexEntry* b) {
    if (weight(a) != weight(b)) return weight(a) < weight(b);
    if (a->source != b->source) return a->source < b->source;
    return a->path < b->path;
  });
  std::stable_sort(failed.begin(), failed.end(), [](const ReviewIndexEntry* a, const ReviewIndexEntry* b) {
    return std::tie(a->path, a->source) < std::tie(b->path, b->source);
  });

  long long rules[3] = {0, 0, 0};
  int attention = 0;
  std::map<std::string, long long> per_year, per_profile;
  for (const auto* e : ok) {
    for (int k = 0; k < 3; ++k) rules[k] += e->rules[k];
    attention += needs_attention(*e);
    ++per_year[e->year.empty() ? "(no year)" : e->year];
    ++per_profile[e->profile.empty() ? "(none)" : e->profile];
  }

  std::string script(kIndexScript);
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src " + script_hash(script) +
      "; object-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'\">\n"
      "<title>ogix review: " + std::to_string(ok.size()) + " reports</title>\n"
      "<link rel=\"stylesheet\" href=\"review.css\">\n</head>\n<body class=\"index\">\n";
  h += "<h1>Review: " + std::to_string(ok.size()) + " reports converted, " + std::to_string(failed.size()) +
       " inputs failed</h1>\n<p class=\"counts\">" + std::to_string(attention) +
       " reports to look at first (a failing rule, a <span class=\"st-text\">text</span> or <span class=\"st-missing\">missing</span> "
       "cell, or a warning) are listed first.</p>\n";

  h += "<div class=\"charts\">";
  h += svg_bar_chart("rule outcomes", {{"pass", rules[0], "bar-pass"}, {"fail", rules[1], "bar-fail"},
                                       {"unchecked", rules[2], "bar-unchecked"}});
  std::vector<ChartBar> years, profiles;
  for (const auto& [y, n] : per_year) years.push_back({y, n, "bar-year"});
  for (const auto& [p, n] : per_profile) profiles.push_back({p, n, "bar-profile"});
  h += svg_bar_chart("reports per year", years);
  h += svg_bar_chart("reports per profile", profiles);
  h += "</div>\n";

  if (!failed.empty()) {
    h += "<h2 id=\"failed\">Failed inputs (" + std::to_string(failed.size()) + ")</h2>\n<table class=\"list failed\">"
         "<thead><tr><th>input</th><th>error</th><th>message</th></tr></thead><tbody>\n";
    for (const auto* e : failed)
      h += "<tr><td>" + html_escape(e->path.empty() ? e->source : e->path) + "</td><td class=\"code\">" +
           html_escape(e->error_code) + "</td><td>" + html_escape(e->message) + "</td></tr>\n";
    h += "</tbody></table>\n";
  }

  h += "<h2>Reports</h2>\n<p id=\"controls\" hidden><input id=\"q\" type=\"search\" placeholder=\"filter\" "
       "aria-label=\"filter reports\"> <label><input id=\"att\" type=\"checkbox\"> only those to look at</label> "
       "· click a column header to sort</p>\n"
       "<table id=\"reports\" class=\"list\">\n<thead><tr><th>report</th><th>agency</th><th>year</th><th>profile</th>"
       "<th>number</th><th>blank</th><th>na</th><th>text</th><th>missing</th><th>pass</th><th>fail</th>"
       "<th>unchecked</th><th>findings</th><th>warnings</th></tr></thead>\n<tbody>\n";
  for (const auto* e : ok) {
    h += needs_attention(*e) ? "<tr class=\"attn\">" : "<tr>";
    std::string name = html_escape(e->source);
    h += "<td>" + (e->page.empty() ? name : "<a href=\"" + html_escape(url_path_escape(e->page)) + "\">" + name + "</a>") + "</td><td>" +
         html_escape(e->agency) + "</td><td>" + html_escape(e->year) + "</td><td>" + html_escape(e->profile) + "</td>";
    h += num_td(e->cells[0]) + num_td(e->cells[1]) + num_td(e->cells[2]) + num_td(e->cells[3], "st-text") +
         num_td(e->cells[4], "st-missing") + num_td(e->rules[0]) + num_td(e->rules[1], "fail") + num_td(e->rules[2]) +
         num_td(e->findings) + num_td(e->warnings, "warn");
    h += "</tr>\n";
  }
  h += "</tbody>\n</table>\n<script>" + script + "</script>\n</body>\n</html>\n";
  return h;
}

}  // namespace ogix
