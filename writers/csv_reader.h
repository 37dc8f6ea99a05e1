// Reading the CSV files ogix writes (RFC 4180) back, record by record, in bounded memory.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace ogix {

// Streams RFC 4180 records (quoted fields may hold commas, quotes, CR and LF; CRLF or LF ends a
// record) from `in`.
class CsvRecordReader {
 public:
  // Reads from `in`; a record longer than `max_record_bytes` is an error (hostile input).
  explicit CsvRecordReader(std::istream& in, std::size_t max_record_bytes = std::size_t{16} << 20);
  // The next record into `fields`; false at the end of input. Throws Error(damaged) on an
  // unterminated quote or an over-long record.
  bool next(std::vector<std::string>& fields);
  // 1-based number of the record last returned.
  std::size_t record_number() const { return records_; }

 private:
  std::istream& in_;
  std::size_t max_;
  std::size_t records_ = 0;
};

}  // namespace ogix
