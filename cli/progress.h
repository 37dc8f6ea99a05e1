// Progress of a batch on stderr: one updating line on a terminal, or a line every few seconds for
// log files. Only stderr: no output file depends on it.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>

namespace ogix {

// How progress is shown.
enum class ProgressMode {
  off,    // nothing
  auto_,  // a live line when stderr is a terminal, nothing otherwise (pipes, CI, logs)
  plain,  // a full line every `interval` seconds, whatever stderr is
};

// Reads --progress: "auto", "plain" or "off". Returns false for anything else.
bool parse_progress_mode(const std::string& text, ProgressMode& mode);

// Counts finished inputs and shows done/total, documents/s, ETA and failures from its own thread.
class ProgressReporter {
 public:
  // `total` inputs; `interval_seconds` between plain lines. Starts nothing when mode is off, or
  // auto with stderr not a terminal.
  ProgressReporter(ProgressMode mode, std::size_t total, double interval_seconds, std::FILE* out = stderr);
  ProgressReporter(const ProgressReporter&) = delete;
  ProgressReporter& operator=(const ProgressReporter&) = delete;
  ~ProgressReporter();
  // Records one finished input (thread-safe). `kept`: taken over from an earlier run (--resume).
  void finished(bool ok, bool kept = false);
  // Stops the thread; a live line is cleared, a plain run gets its last line.
  void stop();
  // The text of the progress line now (for tests and the thread).
  std::string line() const;

 private:
  void loop();
  std::FILE* out_;
  bool live_ = false, active_ = false;
  std::size_t total_;
  double interval_;
  std::atomic<std::size_t> done_{0}, failed_{0}, kept_{0};
  double start_;  // steady clock, seconds
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace ogix
