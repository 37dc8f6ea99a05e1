#include "writers/csv_reader.h"

#include "model/error.h"

namespace ogix {

CsvRecordReader::CsvRecordReader(std::istream& in, std::size_t max_record_bytes) : in_(in), max_(max_record_bytes) {}

bool CsvRecordReader::next(std::vector<std::string>& fields) {
  fields.clear();
  std::streambuf* sb = in_.rdbuf();
  int c = sb->sgetc();
  if (c == std::char_traits<char>::eof()) return false;
  ++records_;
  std::string field;
  std::size_t size = 0;
  bool quoted = false, was_quoted = false;
  auto bad = [&](const std::string& why) {
    return Error(ErrorCode::damaged, {}, "CSV record " + std::to_string(records_) + ": " + why);
  };
  for (;;) {
    c = sb->sbumpc();
    if (++size > max_) throw bad("longer than " + std::to_string(max_) + " bytes");
    if (c == std::char_traits<char>::eof()) {
      if (quoted) throw bad("unterminated quoted field");
      fields.push_back(std::move(field));
      return true;
    }
    char ch = static_cast<char>(c);
    if (quoted) {
      if (ch != '"') {
        field += ch;
      } else if (sb->sgetc() == '"') {  // "" inside quotes is one quote
        sb->sbumpc();
        field += '"';
      } else {
        quoted = false;
      }
      continue;
    }
    if (ch == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (ch == ',') {
      fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (ch == '\n' || (ch == '\r' && sb->sgetc() == '\n')) {
      if (ch == '\r') sb->sbumpc();
      fields.push_back(std::move(field));
      return true;
    } else {
      field += ch;
    }
  }
}

}  // namespace ogix
