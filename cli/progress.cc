#include "cli/progress.h"

#include <chrono>
#include <cmath>

#include <time.h>
#include <unistd.h>

namespace ogix {

namespace {

double now_seconds() { return monotonic_seconds(); }

std::string duration_text(double s) {
  long t = std::lround(s);
  char buf[32];
  if (t >= 3600)
    std::snprintf(buf, sizeof buf, "%ldh%02ldm", t / 3600, t / 60 % 60);
  else if (t >= 60)
    std::snprintf(buf, sizeof buf, "%ldm%02lds", t / 60, t % 60);
  else
    std::snprintf(buf, sizeof buf, "%lds", t);
  return buf;
}

}  // namespace

double monotonic_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double process_cpu_seconds() {
  // The same nanosecond clock as thread_cpu_seconds, so a thread never reads more than its process.
  timespec t{};
  return ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t) == 0 ? static_cast<double>(t.tv_sec) + t.tv_nsec / 1e9 : 0;
}

double thread_cpu_seconds() {
  // The thread's CPU clock, to the nanosecond: getrusage(RUSAGE_THREAD) splits the same time into
  // user and system by tick samples, which undercounts the many short intervals of the ordered
  // thread (the corpus benchmark's ordered thread read 0.05 s at -j2 against 1.02 s at -j1 for
  // the same work; on this clock the two agree).
  timespec t{};
  return ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t) == 0 ? static_cast<double>(t.tv_sec) + t.tv_nsec / 1e9 : 0;
}

std::string timing_line(const BatchTimings& t, std::size_t inputs, int jobs) {
  char buf[512];
  double per_doc = inputs ? t.conversions.cpu / static_cast<double>(inputs) * 1000 : 0;
  std::snprintf(buf, sizeof buf,
                "ogix: timing: -j%d, %zu inputs; setup %.2f s wall %.2f s CPU; conversions %.2f s wall %.2f s CPU "
                "(%.2f ms CPU per input, busiest thread %.2f s); dataset files %.2f s wall %.2f s CPU (ordered "
                "thread %.2f s); tail %.2f s",
                jobs, inputs, t.setup.wall, t.setup.cpu, t.conversions.wall, t.conversions.cpu, per_doc,
                t.busiest_worker_cpu, t.assembly.wall, t.assembly.cpu, t.assembly_ordered_cpu, t.tail);
  return buf;
}

bool parse_progress_mode(const std::string& text, ProgressMode& mode) {
  if (text == "auto") mode = ProgressMode::auto_;
  else if (text == "plain") mode = ProgressMode::plain;
  else if (text == "off") mode = ProgressMode::off;
  else return false;
  return true;
}

ProgressReporter::ProgressReporter(ProgressMode mode, std::size_t total, double interval_seconds, std::FILE* out)
    : out_(out), total_(total), interval_(interval_seconds > 0 ? interval_seconds : 10), start_(now_seconds()) {
  live_ = mode == ProgressMode::auto_ && ::isatty(fileno(out_));
  active_ = live_ || mode == ProgressMode::plain;
  if (active_) thread_ = std::thread([this] { loop(); });
}

ProgressReporter::~ProgressReporter() { stop(); }

void ProgressReporter::finished(bool ok, bool kept) {
  if (!ok) ++failed_;
  if (kept) ++kept_;
  ++done_;
}

std::string ProgressReporter::line() const {
  std::size_t done = done_, kept = kept_, failed = failed_;
  double elapsed = now_seconds() - start_;
  // The rate counts conversions only: reports kept by --resume cost no conversion.
  double rate = elapsed > 0 ? static_cast<double>(done - kept) / elapsed : 0;
  std::string s = "ogix: " + std::to_string(done) + "/" + std::to_string(total_) + " done";
  char buf[64];
  std::snprintf(buf, sizeof buf, ", %.1f docs/s", rate);
  s += buf;
  if (done < total_) s += ", ETA " + (rate > 0 ? duration_text(static_cast<double>(total_ - done) / rate) : std::string("?"));
  else s += ", " + duration_text(elapsed);
  s += ", " + std::to_string(failed) + " failed";
  if (kept) s += ", " + std::to_string(kept) + " kept";
  return s;
}

void ProgressReporter::loop() {
  // A terminal line is redrawn often enough to look live; a log gets one line per interval.
  auto step = std::chrono::duration<double>(live_ ? 0.25 : interval_);
  std::unique_lock lock(mu_);
  do {
    std::string s = line();
    if (live_) std::fprintf(out_, "\r%s\x1b[K", s.c_str());
    else std::fprintf(out_, "%s\n", s.c_str());
    std::fflush(out_);
  } while (!cv_.wait_for(lock, step, [this] { return stopping_; }));
}

void ProgressReporter::stop() {
  if (!active_) return;
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
  active_ = false;
  // The last state stays on screen (or in the log), and what follows starts on a new line.
  if (live_) std::fprintf(out_, "\r%s\x1b[K\n", line().c_str());
  else std::fprintf(out_, "%s\n", line().c_str());
  std::fflush(out_);
}

}  // namespace ogix
