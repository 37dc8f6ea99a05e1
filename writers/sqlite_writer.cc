#include "writers/sqlite_writer.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "model/error.h"
#include "model/shared_library.h"
#include "writers/cells_csv_writer.h"

namespace ogix {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE reports (
  document TEXT PRIMARY KEY NOT NULL, source TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL,
  media_type TEXT, extractor TEXT, pages INTEGER, profile TEXT NOT NULL, title TEXT, agency TEXT, agency_key TEXT,
  agency_level TEXT, year INTEGER, publish_date TEXT, source_url TEXT,
  cells_number INTEGER NOT NULL, cells_blank INTEGER NOT NULL, cells_na INTEGER NOT NULL, cells_text INTEGER NOT NULL,
  cells_missing INTEGER NOT NULL, rules_pass INTEGER NOT NULL, rules_fail INTEGER NOT NULL,
  rules_unchecked INTEGER NOT NULL, findings INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE cells (
  document TEXT NOT NULL REFERENCES reports(document), seq INTEGER NOT NULL,
  table_code TEXT NOT NULL, row_code TEXT NOT NULL, col_code TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('number', 'blank', 'na', 'text', 'missing')),
  value NUMERIC, raw TEXT NOT NULL, extra INTEGER NOT NULL CHECK (extra IN (0, 1)), label TEXT, location TEXT NOT NULL,
  unit TEXT,
  PRIMARY KEY (document, seq)
) WITHOUT ROWID;
CREATE TABLE findings (
  document TEXT NOT NULL REFERENCES reports(document), seq INTEGER NOT NULL, code TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'error')), location TEXT, message TEXT NOT NULL,
  PRIMARY KEY (document, seq)
) WITHOUT ROWID;
CREATE TABLE rules (
  document TEXT NOT NULL REFERENCES reports(document), seq INTEGER NOT NULL, rule TEXT NOT NULL,
  table_code TEXT NOT NULL, scope TEXT NOT NULL, result TEXT NOT NULL CHECK (result IN ('pass', 'fail', 'unchecked')),
  lhs NUMERIC, rhs NUMERIC, detail TEXT,
  PRIMARY KEY (document, seq)
) WITHOUT ROWID;
CREATE TABLE panel (
  document TEXT PRIMARY KEY NOT NULL REFERENCES reports(document), source TEXT NOT NULL, profile TEXT NOT NULL,
  agency TEXT, agency_key TEXT, agency_level TEXT, year INTEGER,
  requests_new NUMERIC, requests_carried_over NUMERIC, granted NUMERIC, partially_granted NUMERIC, refused NUMERIC,
  not_held NUMERIC, already_public NUMERIC, total_processed NUMERIC, review_total NUMERIC, review_corrected NUMERIC,
  litigation_total NUMERIC, litigation_corrected NUMERIC, proactive_total NUMERIC,
  rules_fail INTEGER NOT NULL, duplicate_key INTEGER NOT NULL CHECK (duplicate_key IN (0, 1)), notes TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE codebook (
  profile TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('section', 'cell')), code TEXT NOT NULL,
  table_code TEXT, row_code TEXT, col_code TEXT, label_zh TEXT, label_en TEXT, unit TEXT, rules TEXT, variants TEXT,
  PRIMARY KEY (profile, kind, code)
) WITHOUT ROWID;
)sql";

constexpr const char* kIndexes = R"sql(
CREATE INDEX reports_agency_year ON reports (agency_key, year);
CREATE INDEX cells_code ON cells (table_code, row_code, col_code);
CREATE INDEX rules_result ON rules (result, rule);
CREATE INDEX findings_code ON findings (code);
CREATE INDEX panel_agency_year ON panel (agency_key, year);
)sql";

// libsqlite3, loaded on the first --sqlite database rather than linked: as a dependency of every
// process it cost ~1,600 symbol relocations at start-up (about 15 % of the dynamic loader's work,
// measured with LD_DEBUG=statistics) for a writer few runs use. OGIX_SQLITE_SONAME is the soname of
// the library the build found (CMakeLists.txt), so the header and the loaded library agree.
#define OGIX_SQLITE_FUNCTIONS(X) \
  X(sqlite3_open_v2) \
  X(sqlite3_close) \
  X(sqlite3_errmsg) \
  X(sqlite3_exec) \
  X(sqlite3_free) \
  X(sqlite3_prepare_v2) \
  X(sqlite3_finalize) \
  X(sqlite3_bind_text) \
  X(sqlite3_bind_null) \
  X(sqlite3_bind_int64) \
  X(sqlite3_step) \
  X(sqlite3_reset) \
  X(sqlite3_clear_bindings)
struct LibSqlite {
  OGIX_SQLITE_FUNCTIONS(OGIX_FUNCTION_POINTER)
  std::string error;  // why loading failed; empty when every function was found
  void bind(SharedLibrary& so) {
#define OGIX_SQLITE_BIND(name) so.bind(name, #name);
    OGIX_SQLITE_FUNCTIONS(OGIX_SQLITE_BIND)
#undef OGIX_SQLITE_BIND
  }
};

// The library, loaded on first use (model/shared_library.h).
const LibSqlite& sqlite() { return load_functions<LibSqlite>(OGIX_SQLITE_SONAME); }

// A prepared statement bound by position; text binds NULL for an empty optional value.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql, const std::string& file) : db_(db), file_(file) {
    if (sqlite().sqlite3_prepare_v2(db, sql, -1, &st_, nullptr) != SQLITE_OK) fail();
  }
  ~Statement() { sqlite().sqlite3_finalize(st_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& text(const std::string& v) {
    sqlite().sqlite3_bind_text(st_, ++i_, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& text_or_null(const std::string& v) {
    if (v.empty()) sqlite().sqlite3_bind_null(st_, ++i_);
    else text(v);
    return *this;
  }
  Statement& integer(long long v) {
    sqlite().sqlite3_bind_int64(st_, ++i_, v);
    return *this;
  }
  // A year or count as written ("2023"); NULL when empty or not all digits.
  Statement& integer_text(const std::string& v) {
    bool digits = !v.empty() && v.size() < 18 && v.find_first_not_of("0123456789") == std::string::npos;
    if (!digits) sqlite().sqlite3_bind_null(st_, ++i_);
    else integer(std::stoll(v));
    return *this;
  }
  void run() {
    if (sqlite().sqlite3_step(st_) != SQLITE_DONE) fail();
    sqlite().sqlite3_reset(st_);
    sqlite().sqlite3_clear_bindings(st_);
    i_ = 0;
  }

 private:
  [[noreturn]] void fail() { throw Error(ErrorCode::io, file_, std::string("SQLite: ") + sqlite().sqlite3_errmsg(db_)); }
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
  std::string file_;
  int i_ = 0;
};

}  // namespace

SqliteDatasetWriter::SqliteDatasetWriter(std::string path) : path_(std::move(path)) {
  if (!sqlite().error.empty()) throw Error(ErrorCode::io, path_, "cannot write the SQLite database: " + sqlite().error);
  tmp_ = path_ + ".tmp-" + std::to_string(::getpid());
  std::filesystem::remove(tmp_);
  if (sqlite().sqlite3_open_v2(tmp_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    std::string why = db_ ? sqlite().sqlite3_errmsg(db_) : "out of memory";
    sqlite().sqlite3_close(db_);
    db_ = nullptr;
    throw Error(ErrorCode::io, path_, "cannot create the SQLite database: " + why);
  }
  // One transaction, no journal file beside the temporary database: it is renamed only when whole.
  exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON; PRAGMA page_size = 4096;");
  exec("BEGIN");
  exec(kSchema);
}

SqliteDatasetWriter::~SqliteDatasetWriter() {
  if (db_) sqlite().sqlite3_close(db_);
  if (!committed_) std::remove(tmp_.c_str());
}

void SqliteDatasetWriter::exec(const char* sql) {
  char* err = nullptr;
  if (sqlite().sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string why = err ? err : "unknown error";
    sqlite().sqlite3_free(err);
    throw Error(ErrorCode::io, path_, "SQLite: " + why);
  }
}

void SqliteDatasetWriter::add_report(const Document& doc, const std::string& document) {
  const Metadata& m = doc.meta;
  int cells[5] = {0, 0, 0, 0, 0}, rules[3] = {0, 0, 0};
  for (const auto& c : doc.cells) ++cells[static_cast<int>(c.status)];
  for (const auto& r : doc.rules) ++rules[static_cast<int>(r.result)];
  Statement rep(db_,
                "INSERT INTO reports VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", path_);
  rep.text(document).text(m.source).text(m.sha256).integer(static_cast<long long>(m.size)).text_or_null(m.media_type)
      .text_or_null(m.extractor);
  if (m.pages > 0) rep.integer(m.pages);
  else rep.text_or_null({});
  rep.text(doc.profile).text_or_null(m.title).text_or_null(m.agency).text_or_null(m.agency_key)
      .text_or_null(m.agency_level).integer_text(m.year).text_or_null(m.publish_date).text_or_null(m.source_url);
  for (int k : cells) rep.integer(k);
  for (int k : rules) rep.integer(k);
  rep.integer(static_cast<long long>(doc.findings.size()));
  rep.run();

  Statement cell(db_, "INSERT INTO cells VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", path_);
  long long seq = 0;
  for (const auto& c : doc.cells) {
    cell.text(document).integer(++seq).text(c.table).text(c.row).text(c.col).text(status_name(c.status));
    // NUMERIC affinity stores "21" as an integer and "0.05" as a real: a query sums them directly.
    cell.text_or_null(c.value).text(c.raw).integer(c.extra ? 1 : 0).text_or_null(c.label).text(location(c.from)).text_or_null(c.unit);
    cell.run();
  }
  Statement finding(db_, "INSERT INTO findings VALUES (?,?,?,?,?,?)", path_);
  seq = 0;
  for (const auto& f : doc.findings) {
    finding.text(document).integer(++seq).text(f.code).text(severity_name(f.severity)).text_or_null(f.location)
        .text(f.message);
    finding.run();
  }
  Statement rule(db_, "INSERT INTO rules VALUES (?,?,?,?,?,?,?,?,?)", path_);
  seq = 0;
  for (const auto& r : doc.rules) {
    rule.text(document).integer(++seq).text(r.name()).text(r.table).text(r.scope).text(rule_result_name(r.result))
        .text_or_null(r.lhs).text_or_null(r.rhs).text_or_null(r.detail);
    rule.run();
  }
}

void SqliteDatasetWriter::add_panel(const std::vector<PanelRow>& rows) {
  Statement st(db_, "INSERT INTO panel VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", path_);
  for (const auto& r : rows) {
    st.text(r.document).text(r.source).text(r.profile).text_or_null(r.agency).text_or_null(r.agency_key)
        .text_or_null(r.agency_level).integer_text(r.year);
    for (const auto& v : r.values) st.text_or_null(v);
    st.integer(r.rules_fail).integer(r.duplicate_key ? 1 : 0).text(r.notes);
    st.run();
  }
}

void SqliteDatasetWriter::add_codebook(const std::vector<CodebookEntry>& entries) {
  Statement st(db_, "INSERT INTO codebook VALUES (?,?,?,?,?,?,?,?,?,?,?)", path_);
  for (const auto& e : entries) {
    st.text(e.profile).text(e.kind).text(e.code).text_or_null(e.table).text_or_null(e.row).text_or_null(e.col)
        .text_or_null(e.label_zh).text_or_null(e.label_en).text_or_null(e.unit).text_or_null(e.rules)
        .text_or_null(e.variants);
    st.run();
  }
}

void SqliteDatasetWriter::commit() {
  exec(kIndexes);
  exec("COMMIT");
  if (sqlite().sqlite3_close(db_) != SQLITE_OK) throw Error(ErrorCode::io, path_, "SQLite: cannot close the database");
  db_ = nullptr;
  std::error_code ec;
  std::filesystem::rename(tmp_, path_, ec);
  if (ec) throw Error(ErrorCode::io, path_, "cannot rename the SQLite database into place: " + ec.message());
  committed_ = true;
}

}  // namespace ogix
