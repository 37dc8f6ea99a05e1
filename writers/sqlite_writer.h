// The dataset as one SQLite database: reports, cells, findings, rules, panel, codebook.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "model/codebook.h"
#include "model/document.h"
#include "model/panel.h"

struct sqlite3;

namespace ogix {

// Writes the database in one transaction into a temporary file beside `path` and renames it over
// `path` on commit(), so a reader never sees a half-written database and a second run replaces
// the first. Reports must be added in the batch's stable order (the file's bytes follow the
// order of the inserts). Throws Error(io) naming the file when SQLite fails.
class SqliteDatasetWriter {
 public:
  explicit SqliteDatasetWriter(std::string path);
  ~SqliteDatasetWriter();  // an uncommitted database is removed
  SqliteDatasetWriter(const SqliteDatasetWriter&) = delete;
  SqliteDatasetWriter& operator=(const SqliteDatasetWriter&) = delete;

  // One converted report with everything it holds; `document` is its XML file name.
  void add_report(const Document& doc, const std::string& document);
  // The panel rows (after mark_duplicate_keys), one per report added.
  void add_panel(const std::vector<PanelRow>& rows);
  void add_codebook(const std::vector<CodebookEntry>& entries);
  // Builds the indexes, commits, and renames the file into place.
  void commit();

 private:
  void exec(const char* sql);
  std::string path_, tmp_;
  sqlite3* db_ = nullptr;
  bool committed_ = false;
};

}  // namespace ogix
