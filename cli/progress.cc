#include "cli/progress.h"

#include <chrono>
#include <cmath>

#include <unistd.h>

namespace ogix {

namespace {

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

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
