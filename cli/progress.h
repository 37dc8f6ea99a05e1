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

// Wall and CPU seconds of one phase of a run; CPU counts every thread of the process.
struct PhaseTime {
  double wall = 0, cpu = 0;
};

// Where a batch spent its time, for judging -j on a machine shared with other work: the CPU
// seconds do not depend on the load, the wall seconds do.
struct BatchTimings {
  PhaseTime setup;        // listing, naming and sharding the inputs, reading an earlier manifest
  PhaseTime conversions;  // the parallel phase: every input converted (or kept) and its part written
  double busiest_worker_cpu = 0;  // CPU seconds of the conversion thread that worked longest
  double tail = 0;  // wall seconds from the start of the last input to the end of the conversions
  PhaseTime assembly;     // the dataset files from the parts (cli/dataset.h)
  double assembly_ordered_cpu = 0;  // of it, CPU seconds in the one thread that hands reports on in order
};

// CPU seconds (user + system) of the whole process so far.
double process_cpu_seconds();

// CPU seconds (user + system) of the calling thread so far (0 where the system cannot tell).
double thread_cpu_seconds();

// Seconds on a monotonic clock.
double monotonic_seconds();

// The timing line of a batch ("ogix: timing: …"), as --progress=plain ends with it.
std::string timing_line(const BatchTimings& t, std::size_t inputs, int jobs);

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
