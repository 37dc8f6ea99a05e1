// The library's front door: one input file (or bytes) through the whole pipeline.
#pragma once

#include <cstdint>
#include <cstdio>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "model/document.h"
#include "model/limits.h"
#include "model/ocr_options.h"
#include "model/panel.h"

namespace ogix {

// Options that change what a conversion does. A field added here must be added to settings_key.
struct ConvertOptions {
  Limits limits;
  OcrOptions ocr;
};

// The one list of the settings that can change a document's bytes, as "name=value;…" with the
// command line's names ("ocr=auto;ocr-lang=chi_sim+eng;max-input-bytes=67108864;…"): manifest.csv
// records it per input, --resume keeps only reports made with the same, ogix merge refuses shards
// made with others.
std::string settings_key(const ConvertOptions& options);

// Runs sniff → extractor → normalizers (text, grid, sections, profile mapping, rules) on `bytes`.
// `source` is the file name written to the output. Throws ogix::Error when no report comes out.
Document convert_bytes(std::string_view bytes, const std::string& source, const ConvertOptions& options);

class Extractor;

// The same pipeline with a chosen extractor (no sniffing): for fuzzing one extractor at a time.
Document convert_with(const Extractor& extractor, std::string_view bytes, const std::string& source,
                      const ConvertOptions& options);

}  // namespace ogix

namespace ogix {

// The output XML name of each input: <stem>.xml, or <stem>-<8+ hex digits of the SHA-256 of its
// path>.xml for every input whose stem another input shares (so a batch of …/page.html works).
std::vector<std::string> output_names(const std::vector<std::string>& inputs);

// The inputs named by command-line arguments: a file as given; a directory replaced by the
// report files under it (.pdf .docx .html .htm .shtml .xhtml .txt .text .md, any case; hidden entries
// skipped), in sorted path order. A directory that cannot be read (wholly or in part) is kept as
// an input itself, so the batch lists it as failed.
std::vector<std::string> expand_inputs(const std::vector<std::string>& args);

// Paths one per line (CR LF or LF; empty lines skipped), as --files-from reads them.
std::vector<std::string> read_input_list(std::istream& in);

// The codebook of every built-in profile as CSV (what `ogix codebook` prints).
std::string codebook_text();

// Writes `bytes` to `path` via a temporary file in the same directory and a rename, so readers
// never see a half-written file. Throws Error(io).
void write_file_atomic(const std::string& path, std::string_view bytes, bool sync = true);

// A file written piece by piece (a dataset file of any size in bounded memory) that appears at
// `path` only on commit(): until then it is unnamed (O_TMPFILE) or, where the filesystem cannot,
// `<path>.tmp-<pid>-<n>`, removed if never committed.
class AtomicFileWriter {
 public:
  // Creates the temporary file. Throws Error(io).
  AtomicFileWriter(std::string path, bool sync);
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;
  ~AtomicFileWriter();
  // Appends bytes. Throws Error(io).
  void write(std::string_view bytes);
  // Ends the writing: flushes and, when syncing, starts the kernel writing the data out now, so
  // that the commits of several sealed files wait on one journal commit, not one each. The file
  // stays unnamed until commit(); write() after seal() throws Error(internal). Throws Error(io).
  void seal();
  // Seals (when not yet), fsyncs when asked, and puts the file at its path. Throws Error(io).
  void commit();

 private:
  // Writes buf_ out through fd_ (all of it, or ok_ = false).
  void flush();
  // Writes bytes through fd_ (all of them, or ok_ = false).
  void write_fd(std::string_view bytes);
  // Closes fd_; false when close reports an error.
  bool close_fd();

  std::string path_, tmp_;  // tmp_: the named temporary file, made only when one is needed
  int fd_ = -1;
  std::string buf_;  // small writes gathered into one system call
  bool sync_, ok_ = true;
  bool sealed_ = false;
  bool unnamed_ = false;  // fd_ is an O_TMPFILE file, linked to a name on commit()
};

// True for the name of a temporary file that AtomicFileWriter leaves behind when killed.
bool is_temporary_output(const std::string& file_name);

// Reads a whole file, refusing files larger than `max_bytes` before reading them. Throws Error.
std::string read_file_capped(const std::string& path, std::size_t max_bytes);

}  // namespace ogix
