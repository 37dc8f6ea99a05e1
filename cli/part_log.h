// The parts of a batch (cli/dataset_part.h) on disk: appended to one log file per worker thread in
// OUTDIR/.ogix-parts/, not one file per input. A file per input cost two namespace operations per
// input (create, and the unlink when the run ends) on top of the report's own XML, and with two
// threads ext4's inode allocation for those files was the largest share of the extra CPU -j2 spends.
//
// A record is "OGXR", the name's and the part's lengths (little-endian u32 and u64), the SHA-256 (hex)
// of name and part, then the name and the part, written with one write(). A run killed mid-write
// leaves a torn last record, which the checksum rejects: that input is converted again. A resumed
// run reads the logs an earlier run left and appends to logs of its own (a higher run number), so
// a record it appends for a name supersedes the earlier one.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ogix {

// The parts of one output directory: read back from earlier runs' logs, appended by this run.
class PartLog {
 public:
  // Opens `dir` (created when missing). With `keep_earlier`, the valid records of the logs an
  // earlier run left are indexed (a --resume); otherwise the directory is emptied first. `writers`
  // is the number of threads that append. Throws Error(io) when the directory cannot be written.
  //
  // Records are not synced, whatever --no-sync says: a part only saves converting its input again.
  // The report's XML is made durable before its part is appended, so a part that outlives a power
  // cut finds its XML whole (and --resume checks its size), and a part lost or torn by one only
  // costs that input's conversion.
  PartLog(std::string dir, bool keep_earlier, int writers);
  PartLog(const PartLog&) = delete;
  PartLog& operator=(const PartLog&) = delete;
  ~PartLog();

  // The part last recorded for `name`, or nothing. Thread-safe. Throws Error(io) on a read error.
  std::optional<std::string> read(const std::string& name) const;

  // Appends the part of `name` to writer `writer`'s log (0 <= writer < writers; one thread per
  // writer). Thread-safe. Throws Error(io).
  void append(int writer, const std::string& name, std::string_view part);

  // Removes the directory and every log in it (the run is assembled).
  void remove();

 private:
  struct Location {
    std::size_t file = 0;
    std::uint64_t offset = 0, size = 0;  // of the part, inside the file
  };
  struct File {
    int fd = -1;
    std::string path;
    std::uint64_t end = 0;  // bytes written by this run (its own logs)
  };
  void index_log(std::size_t file);

  std::string dir_;
  std::uint64_t run_ = 1;          // this run's number in its logs' names (r<run>-w<writer>.log)
  std::vector<File> files_;        // earlier runs' logs, then one slot per writer (fd -1 until used)
  std::size_t first_writer_ = 0;   // index in files_ of writer 0
  mutable std::mutex mu_;          // guards index_ and the opening of writers' files
  std::unordered_map<std::string, Location> index_;
};

}  // namespace ogix
