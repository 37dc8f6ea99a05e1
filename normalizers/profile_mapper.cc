#include "normalizers/profile_mapper.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <set>

#include "model/error.h"
#include "normalizers/cell_value.h"
#include "normalizers/indicator_table.h"
#include "normalizers/profile_mapper_parts.h"
#include "text/unicode.h"

namespace ogix {

namespace {

using mapping::Mapper;

// A table of the document and the code of the section it sits in ("" before sectioning).
struct TableRef {
  const Table* table = nullptr;
  std::string section;
};

// All tables of the document in reading order, with the section each sits in.
std::vector<TableRef> all_tables(const Document& doc) {
  std::vector<TableRef> out;
  auto take = [&](const std::vector<Block>& blocks, const std::string& section) {
    for (const auto& b : blocks)
      if (auto* t = std::get_if<Table>(&b)) out.push_back({t, section});
  };
  take(doc.blocks, {});
  for (const auto& s : doc.sections) take(s.blocks, s.code);
  return out;
}

// The document's text stripped of spaces, a line per paragraph, cell and heading, before the
// simplified key. A text that strips to nothing adds no line: no evidence phrase holds a line
// break, so an empty line changes no match, and without them the text read before sectioning
// equals the one read after it (the preamble has no heading) — detect_profile's memo then hits.
std::string all_text(const Document& doc) {
  std::string s;
  // Stripped in place: a temporary string per paragraph and cell cost more than the copying (this
  // runs twice a document).
  auto add_line = [&s](const std::string& text) {
    const std::size_t before = s.size();
    append_stripped(s, text);
    if (s.size() != before) s += '\n';
  };
  auto take = [&](const std::vector<Block>& blocks) {
    for (const auto& b : blocks) {
      if (auto* p = std::get_if<Paragraph>(&b)) {
        add_line(p->text);
      } else if (auto* t = std::get_if<Table>(&b)) {
        for (const auto& c : t->cells) add_line(c.text);
      }
    }
  };
  take(doc.blocks);
  for (const auto& sec : doc.sections) {
    add_line(sec.heading);
    take(sec.blocks);
  }
  return s;
}

}  // namespace

namespace mapping {

void Mapper::run() {
  for (const auto& ref : all_tables(doc_)) {
    map_table(*ref.table, ref.section);
    // Remember which profile tables this section has yielded rows of: a later table of the same
    // section without a header of its own is their continuation (a page break, 续表).
    for (std::size_t i = found_before_; i < found_.size(); ++i)
      if (!found_[i].values.empty()) produced_[ref.section].insert(found_[i].table);
    found_before_ = found_.size();
  }
  emit();
}

void Mapper::set_scope(const std::string& section, const Texts& texts) {
  section_ = section;
  home_ = p_.table(section);
  narrative_ = false;
  if (!home_)
    for (const auto& s : p_.sections) narrative_ = narrative_ || s.code == section;
  allowed_.clear();
  auto continued = [&](const ProfileTable& pt) {
    return produced_.count(section) && produced_.at(section).count(pt.code);
  };
  // The keys of the header rows' cells, read once for all the tables asked about (and only when
  // one is).
  std::optional<std::vector<std::string>> header_keys;
  auto keys = [&]() -> const std::vector<std::string>& {
    if (!header_keys) {
      header_keys.emplace();
      for (const auto& tx : texts) {
        bool values = false;
        for (const auto& x : tx) values = values || (!x.empty() && is_value_like(x));
        if (values) continue;
        for (const auto& x : tx) {
          std::string key = label_key(x);
          if (!key.empty()) header_keys->push_back(std::move(key));
        }
      }
    }
    return *header_keys;
  };
  for (const auto& pt : p_.tables)
    if (!home_ || &pt == home_ || continued(pt) || header_names(pt, keys())) allowed_.push_back(&pt);
  groups_.clear();
  for (const ProfileTable* pt : allowed_)
    for (const auto& r : pt->rows)
      for (const auto& v : r.variants)
        if (!v.group.empty()) groups_.insert(v.group);
}

bool Mapper::header_names(const ProfileTable& pt, const std::vector<std::string>& header_keys) const {
  auto home_has = [&](const std::string& leaf) {
    for (const auto& c : home_->cols)
      for (const auto& v : c.variants)
        if (v.leaf == leaf) return true;
    return false;
  };
  for (const auto& key : header_keys)
    for (const auto& c : pt.cols)
      for (const auto& v : c.variants)
        if (!v.leaf.empty() && (key == v.leaf || (v.leaf.size() >= 9 && contains(key, v.leaf))) && !home_has(v.leaf))
          return true;
  return false;
}

void Mapper::emit() {
  // One occurrence of each (table,row): a row with values before one without (a row whose shape
  // failed), then one in its own section, then the first; the others are reported.
  auto rank = [](const FoundRow& fr) { return (fr.values.empty() ? 0 : 2) + (fr.home ? 1 : 0); };
  std::map<std::pair<std::string, std::string>, const FoundRow*> first;
  for (const auto& fr : found_) {
    auto key = std::make_pair(fr.table, fr.row);
    auto it = first.find(key);
    if (it == first.end()) {
      first[key] = &fr;
    } else if (rank(fr) > rank(*it->second)) {
      doc_.add_finding("map.duplicate_row", Severity::warning,
                       "row " + fr.table + "/" + fr.row + " appears again; this occurrence is used instead of " +
                           it->second->where + (fr.values.empty() == it->second->values.empty()
                                                    ? std::string(", which is outside section ") + fr.table
                                                    : std::string(", which has no values")),
                       fr.where);
      it->second = &fr;
    } else {
      doc_.add_finding("map.duplicate_row", Severity::warning,
                       "row " + fr.table + "/" + fr.row + " appears again; the first occurrence is used", fr.where);
    }
  }
  // Room for a cell per profile row and column up front: the vector of cells (each a dozen
  // strings) is not moved as it grows.
  std::size_t profile_cells = 0;
  for (const auto& pt : p_.tables)
    for (const auto& pr : pt.rows) profile_cells += pr.cols.size();
  doc_.cells.reserve(doc_.cells.size() + profile_cells);
  for (const auto& pt : p_.tables) {
    std::vector<std::string> extra_cols;
    for (const auto& c : pt.cols)
      if (c.extra)
        for (const auto& [key, fr] : first)
          if (key.first == pt.code && fr->values.count(c.code) &&
              std::find(extra_cols.begin(), extra_cols.end(), c.code) == extra_cols.end())
            extra_cols.push_back(c.code);
    for (const auto& pr : pt.rows) {
      auto it = first.find({pt.code, pr.code});
      const FoundRow* fr = it == first.end() ? nullptr : it->second;
      if (pr.extra && !fr) continue;
      if (pr.extra)
        doc_.add_finding("map.extra_row", Severity::info,
                         "row '" + fr->label + "' is not in " + p_.id + "; kept as " + pt.code + "/" + pr.code, fr->where);
      std::vector<std::string> cols = pr.cols;
      cols.insert(cols.end(), extra_cols.begin(), extra_cols.end());
      if (!fr)  // one finding for a wholly absent row, not one per cell
        doc_.add_finding("row.missing", Severity::warning,
                         "the source has no row " + pt.code + "/" + pr.code + " (" + std::to_string(cols.size()) +
                             " cells reported missing)",
                         pt.code + "/" + pr.code);
      for (const auto& col : cols) emit_cell(pt, pr, col, fr);
    }
    emit_extras(pt);
  }
}

void Mapper::emit_extras(const ProfileTable& pt) {
  int n = 0;
  for (const auto& er : extras_) {
    if (er.table != pt.code) continue;
    ++n;
    for (std::size_t k = 0; k < er.cells.size(); ++k) {
      CanonicalCell cc;
      cc.table = pt.code;
      cc.row = "extra_" + std::to_string(n);
      cc.col = "c" + std::to_string(k + 1);
      cc.extra = true;
      cc.label = er.label;
      cc.raw = er.cells[k].text;
      if (er.cells[k].cell) cc.from = er.cells[k].cell->from;
      CellReading rd = read_cell(cc.raw, false);
      cc.status = rd.status;
      if (rd.status == CellStatus::number) cc.value = rd.value;
      doc_.cells.push_back(std::move(cc));
    }
  }
}

void Mapper::emit_cell(const ProfileTable& pt, const ProfileRow& pr, const std::string& col, const FoundRow* fr) {
  CanonicalCell cc;
  cc.table = pt.code;
  cc.row = pr.code;
  cc.col = col;
  cc.extra = pr.extra || (pt.col(col) && pt.col(col)->extra);
  std::string loc = pt.code + "/" + pr.code + "/" + col;
  auto vit = fr ? fr->values.find(col) : decltype(fr->values)::const_iterator{};
  if (!fr || vit == fr->values.end()) {
    cc.status = CellStatus::missing;
    if (!pr.extra && fr)
      doc_.add_finding("cell.missing", Severity::warning, "the source has no cell for " + loc, loc);
    doc_.cells.push_back(std::move(cc));
    return;
  }
  if (pr.extra) cc.label = fr->label;
  const FoundCell& f = vit->second;
  cc.raw = f.text;
  if (f.cell) cc.from = f.cell->from;
  const ProfileColumn* pc = pt.col(col);
  bool money = pc && !pc->unit.empty();
  CellReading rd = read_cell(f.text, money);
  cc.status = rd.status;
  if (rd.status == CellStatus::number) {
    cc.value = rd.value;
    if (money) {
      // The cell's own unit wins over the header's; none stated means the profile's unit.
      std::string header_unit;
      std::string tag = "unit:" + col + "=";
      for (const auto& s : fr->header_text)
        if (s.rfind(tag, 0) == 0) header_unit = s.substr(tag.size());
      std::string from = !rd.unit.empty() ? rd.unit : header_unit;
      if (!from.empty() && from != pc->unit) {
        std::string v = convert_unit(rd.value, from, pc->unit);
        if (!v.empty()) {
          cc.value = v;
          doc_.add_finding("unit.converted", Severity::info,
                           "'" + f.text + "' (" + from + (rd.unit.empty() ? ", from the header" : "") + ") converted to " +
                               v + " " + pc->unit,
                           loc);
        }
      }
    }
  } else if (rd.status == CellStatus::text) {
    doc_.add_finding("cell.text", Severity::warning, "cell text '" + f.text + "' is not a number", loc);
  }
  doc_.cells.push_back(std::move(cc));
}

}  // namespace mapping


int match_label(const std::vector<LabelVariant>& variants, const std::string& leaf, const std::string& full) {
  int best = 0;
  for (const auto& v : variants) {
    if (v.leaf.empty()) continue;
    if (!v.group.empty() && !contains(full, v.group)) continue;
    int len = static_cast<int>(v.leaf.size());
    int s = 0;
    if (leaf == v.leaf)
      s = 3000 + len;
    else if (full.size() >= v.leaf.size() && full.compare(full.size() - v.leaf.size(), v.leaf.size(), v.leaf) == 0)
      s = 2000 + len;
    else if (contains(full, v.leaf))
      s = 1000 + len;
    if (s > 0 && !v.group.empty()) s += 100;  // a variant that also names its group is more specific
    best = std::max(best, s);
  }
  return best;
}

ProfileChoice detect_profile(const Document& doc) {
  // The sectioner and the mapper both ask, and the text is the same unless a stage between them
  // changed it: the answer for the last text asked about is kept (per thread, as jobs run on
  // workers). Keyed by the whole text, so a hit is the answer a new detection would give.
  struct Memo {
    std::string stripped;
    ProfileChoice choice;
    bool valid = false;
  };
  thread_local Memo memo;
  std::string stripped = all_text(doc);
  if (memo.valid && memo.stripped == stripped) return memo.choice;
  std::string text = simplified_key(stripped);  // evidence is matched through the simplified key
  // The evidence phrases as all_text keys the document, once per process rather than per call.
  static const std::vector<std::vector<std::string>> evidence_keys = [] {
    std::vector<std::vector<std::string>> keys;
    for (const auto& p : builtin_profiles()) {
      keys.emplace_back();
      for (const auto& e : p.evidence) keys.back().push_back(simplified_key(strip_spaces(e.text)));
    }
    return keys;
  }();
  // memmem rather than std::string::find, which tries every occurrence of the phrase's first
  // byte — in UTF-8 Chinese the lead byte of half the characters.
  auto contains = [&text](const std::string& phrase) {
    return phrase.empty() || memmem(text.data(), text.size(), phrase.data(), phrase.size()) != nullptr;
  };
  ProfileChoice best;
  int best_score = 0;
  for (std::size_t pi = 0; pi < builtin_profiles().size(); ++pi) {
    const Profile& p = builtin_profiles()[pi];
    if (p.detect != "wording") continue;  // ogi-legacy is chosen by its table, never by wording
    int score = 0;
    std::vector<std::string> ev;
    for (std::size_t ei = 0; ei < p.evidence.size(); ++ei)
      if (const auto& e = p.evidence[ei]; contains(evidence_keys[pi][ei])) {
        score += e.weight;
        ev.push_back(e.text);
      }
    if (score > best_score) {
      best_score = score;
      best = {&p, ev};
    }
  }
  memo = {std::move(stripped), best, true};
  return best;
}

bool is_report_prose(const Document& doc) {
  // The report's own wording in its title or first lines …
  std::string head = strip_spaces(doc.meta.title) + "\n";
  std::size_t lines = 0;
  auto take = [&](const std::vector<Block>& blocks) {
    for (const auto& b : blocks)
      if (auto* p = std::get_if<Paragraph>(&b); p && lines < 12 && head.size() < 4000) {
        head += strip_spaces(p->text).substr(0, 600) + "\n";
        ++lines;
      }
  };
  take(doc.blocks);
  for (const auto& s : doc.sections) {
    head += strip_spaces(s.heading) + "\n";
    take(s.blocks);
  }
  head = simplified_key(head);  // a traditional-character copy states the same wording
  bool wording = head.find("信息公开") != std::string::npos &&
                 (head.find("年度报告") != std::string::npos || head.find("工作报告") != std::string::npos ||
                  head.find("年报") != std::string::npos);
  // … and at least two of the report's section headings.
  int headings = 0;
  for (const auto& s : doc.sections) headings += s.code != "preamble" && s.code != "unknown";
  return wording && headings >= 2;
}

void map_profile(Document& doc) {
  ProfileChoice choice = detect_profile(doc);
  if (!choice.profile) {
    // No 2019/2021 wording: a legacy report when it has an indicator table.
    if (const Profile* legacy = indicator_profile()) {
      std::vector<std::string> evidence;
      if (has_indicator_table(doc, *legacy, &evidence) && map_indicator_tables(doc, *legacy)) {
        doc.profile = legacy->id;
        doc.profile_evidence = evidence;
        return;
      }
    }
  }
  std::size_t findings_before = doc.findings.size();
  bool assumed = !choice.profile;
  if (!choice.profile) {
    // No wording of either format: try the older one on the tables, since both share table 三.
    choice.profile = find_profile("ogi-2019");
    choice.evidence = {"(none: no format-specific wording; ogi-2019 assumed)"};
    doc.add_finding("profile.assumed", Severity::warning, "no profile evidence found; ogi-2019 assumed");
  }
  Mapper m(doc, *choice.profile);
  m.run();
  if (!m.found_any() && assumed && is_report_prose(doc)) {
    // A report with no statistics table at all (prose only): sections and source tables, no cells.
    doc.findings.resize(findings_before);
    doc.cells.clear();
    doc.profile = "none";
    doc.profile_evidence = {"(none: the report's wording and section headings, no statistics table)"};
    doc.add_finding("profile.none", Severity::info,
                    "a report with no statistics table of any known format: sections and source tables only");
    return;
  }
  if (!m.found_any())
    throw Error(ErrorCode::not_a_report, doc.meta.source,
                "no statistical table of the official format (政府信息公开工作年度报告) was found");
  doc.profile = choice.profile->id;
  doc.profile_evidence = choice.evidence;
}

}  // namespace ogix
