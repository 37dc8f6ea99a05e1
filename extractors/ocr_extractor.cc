// OCR: page image → deskew → rulings (Leptonica) → table cells read one by one inside the grid,
// running text read by blocks with the tables blanked out → words in page points (Tesseract).
#include "extractors/ocr_extractor.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <mutex>

#include <leptonica/allheaders.h>
#include <sys/mman.h>
#include <tesseract/baseapi.h>
#include <tesseract/ltrresultiterator.h>
#include <tesseract/resultiterator.h>

#include "extractors/image_rulings.h"
#include "extractors/ocr_shared.h"
#include "extractors/ocr_unruled.h"
#include "extractors/phrase_cuts.h"  // kUnsureLabel
#include "extractors/pdf_extractor.h"
#include "extractors/pdf_table.h"
#include "text/unicode.h"

namespace ogix {
namespace {

// Text Tesseract allocated with new[].
std::string take(char* s) { return ocr_take(s); }

constexpr int kMargin = kOcrMargin;
// A number read with less confidence than this (0..100; normalizers/ocr_check reports below 75)
// is read once more, scaled up.
constexpr float kDoubtfulDigits = 75;

}  // namespace

OcrSymbol ocr_symbol(const tesseract::ResultIterator& it) {
  OcrSymbol sym;
  sym.text = ocr_take(it.GetUTF8Text(tesseract::RIL_SYMBOL));
  sym.confidence = it.Confidence(tesseract::RIL_SYMBOL);
  tesseract::ChoiceIterator ci(it);
  do {
    const char* t = ci.GetUTF8Text();
    if (t && *t && sym.choices.size() < 8) sym.choices.emplace_back(t, ci.Confidence());
  } while (ci.Next());
  return sym;
}

Pix* grow_strokes(Pix* solid, Pix* gray) {
  if (!solid || !gray || pixGetWidth(solid) != pixGetWidth(gray) || pixGetHeight(solid) != pixGetHeight(gray)) return nullptr;
  // A thin or slanted stroke of a blurred, upsampled scan (the diagonal of a 4 at 200 dpi) is grey
  // 170-200, lighter than the threshold that finds solid ink: left out, it was cut off by the
  // crop to the ink and painted white as "away from the text" (454 read 154, 746 read 7416). Ink
  // this faint is taken only where it joins solid strokes (a hysteresis threshold), so a faint
  // speck or the noise of a shaded cell stays out. The paper is the crop's median grey.
  l_uint32 paper = 255;
  if (pixGetRankValue(gray, 1, 0.5f, &paper) != 0) return nullptr;
  const int faint = std::min(kFaintInk, static_cast<int>(paper) - kPaperMargin);
  if (faint <= 0) return nullptr;
  PixPtr weak(pixThresholdToBinary(gray, faint));
  if (!weak.get()) return nullptr;
  Pix* grown = pixSeedfillBinary(nullptr, solid, weak.get(), 8);
  if (grown) pixOr(grown, grown, solid);  // solid ink stays, whatever the faint mask says
  return grown;
}

std::string ocr_take(char* s) {
  std::string out = s ? s : "";
  delete[] s;
  return out;
}

bool cjk_or_fullwidth(char32_t c) { return is_cjk(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF); }

// Tesseract separates Chinese characters by spaces at will; Chinese text has none.
std::u32string drop_cjk_spaces(const std::u32string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ') {
      std::size_t j = i;
      while (j < s.size() && s[j] == ' ') ++j;
      const bool left = !out.empty() && cjk_or_fullwidth(out.back());
      const bool right = j < s.size() && cjk_or_fullwidth(s[j]);
      if (!out.empty() && j < s.size() && !left && !right) out += ' ';
      i = j - 1;
      continue;
    }
    out += s[i];
  }
  return out;
}

namespace {
// Characters OCR confuses with digits; a cell made only of them (and at least one digit) is read
// again with the digit whitelist.
bool digit_like(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= U'０' && c <= U'９') || c == '.' || c == ',' || c == U'，' || c == U'．' || c == '-' || c == 'O' || c == 'o' ||
         c == 'l' || c == 'I' || c == '|' || c == 'S' || c == 's' || c == 'B' || c == 'Z' || c == 'z' || c == ' ';
}

// Digits (at least two) and digit-like characters with exactly one Han character among them.
bool digits_but_one_han(const std::u32string& s) {
  int han = 0, digits = 0;
  for (char32_t c : s) {
    if (is_ideographic(c)) ++han;
    else if (!digit_like(c)) return false;
    else digits += (c >= '0' && c <= '9') || (c >= U'０' && c <= U'９');
  }
  return han == 1 && digits >= 2;
}

// The same number as read: equal once spaces are dropped and full-width digits and separators
// are taken as their ASCII forms (the Chinese model reads 1，234 where the Latin one reads 1,234).
bool same_number_text(const std::u32string& a, const std::u32string& b) {
  auto plain = [](const std::u32string& s) {
    std::u32string out;
    for (char32_t c : s) {
      if (c == ' ') continue;
      if (c >= U'０' && c <= U'９') c = U'0' + (c - U'０');
      else if (c == U'，') c = ',';
      else if (c == U'．') c = '.';
      out += c;
    }
    return out;
  };
  return plain(a) == plain(b);
}

}  // namespace

bool looks_numeric(const std::u32string& s) {
  bool digit = false;
  for (char32_t c : s) {
    if (!digit_like(c)) return false;
    digit = digit || (c >= '0' && c <= '9') || (c >= U'０' && c <= U'９');
  }
  return digit;
}

std::u32string trim_spaces(std::u32string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  return s.substr(i);
}

// A cell's own not-applicable marks, never re-read as digits.
bool is_na_mark(const std::u32string& s) {
  return s == U"/" || s == U"／" || s == U"-" || s == U"－" || s == U"—" || s == U"——" || s == U"无" || s == U"\\";
}

namespace {

// The language data files a '+'-joined list names.
std::vector<std::string> split_langs(const std::string& lang) {
  std::vector<std::string> out;
  std::size_t a = 0;
  while (a <= lang.size()) {
    std::size_t b = lang.find('+', a);
    if (b == std::string::npos) b = lang.size();
    if (b > a) out.push_back(lang.substr(a, b - a));
    a = b + 1;
  }
  return out;
}

// Debian names language packs tesseract-ocr-<lang> with '_' as '-': chi_sim → tesseract-ocr-chi-sim.
std::string debian_package(std::string lang) {
  std::replace(lang.begin(), lang.end(), '_', '-');
  std::transform(lang.begin(), lang.end(), lang.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return "tesseract-ocr-" + lang;
}

bool valid_lang_name(const std::string& l) {
  if (l.empty() || l.size() > 32) return false;
  for (unsigned char c : l)
    if (!std::isalnum(c) && c != '_' && c != '-') return false;
  return true;
}

}  // namespace

namespace {

// Image rasters of 1 MiB and more (a 300-dpi page is ~9 MB grey, ~1 MB binary) are mapped already
// populated; smaller ones come from malloc as before. Fresh anonymous memory otherwise maps the
// shared zero page on the first read, and Leptonica reads a raster line's last word before writing
// it (pixSetPadBits on an uninitialised raster): each page of the raster then takes a write fault
// that replaces the zero page and flushes the other CPUs' TLBs. With -j2 those flushes were ~8 % of
// a corpus run's samples (perf: do_wp_page → flush_tlb_mm_range → IPI from pixSetPadBits).
// A 16-byte header holds how the block was made.
constexpr std::size_t kPopulatedFrom = std::size_t{1} << 20;
constexpr std::size_t kHeader = 16;

void* raster_alloc(std::size_t n) {
  if (n > SIZE_MAX - kHeader - 4096) return nullptr;
  std::size_t total = n + kHeader;
  char* p;
  if (n >= kPopulatedFrom) {
    void* m = ::mmap(nullptr, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    if (m == MAP_FAILED) return nullptr;
    p = static_cast<char*>(m);
  } else {
    p = static_cast<char*>(std::malloc(total));
    if (p == nullptr) return nullptr;
  }
  std::size_t mapped = n >= kPopulatedFrom ? total : 0;  // 0: from malloc
  std::memcpy(p, &mapped, sizeof mapped);
  return p + kHeader;
}

void raster_free(void* q) {
  if (q == nullptr) return;
  char* p = static_cast<char*>(q) - kHeader;
  std::size_t mapped;
  std::memcpy(&mapped, p, sizeof mapped);
  if (mapped > 0)
    ::munmap(p, mapped);
  else
    std::free(p);
}

}  // namespace

void setup_leptonica() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Leptonica reports bad images on stderr; the CLI's output must stay clean (errors are typed).
    setMsgSeverity(L_SEVERITY_NONE);
    setPixMemoryManager(raster_alloc, raster_free);
  });
}

namespace {

// The Tesseract instances a session reads with. Loading the language data is a quarter of a
// one-page scan's CPU (chi_sim+eng, eng and chi_sim: ~0.25 s, 90,000 page faults), so a thread
// keeps the set of its last session for its next one (see OcrSession::OcrSession).
struct TesseractSet {
  std::string lang;  // as given (--ocr-lang)
  tesseract::TessBaseAPI api;
  // Number cells are read by the Latin model alone when it is among the languages: the Chinese
  // model, even with a digit whitelist, reads a clean 6 as 0.
  tesseract::TessBaseAPI digit_api;
  bool own_digit_api = false;
  // Table cells are read first by the first language alone when it is not Latin: with the Latin
  // model beside it, Chinese labels in small type come out part Latin ((PS）for （四）, FUAI for
  // 予以公开) and match no profile row; digits are read by the Latin model after.
  tesseract::TessBaseAPI cell_api;
  bool own_cell_api = false;
  ~TesseractSet() {
    api.End();
    if (own_digit_api) digit_api.End();
    if (own_cell_api) cell_api.End();
  }
};

// The set this thread's last session left (null when none). Every read sets what it depends on
// (whitelist, page segmentation mode, image, resolution) and the LSTM engine learns nothing from
// what it reads, so a page reads the same whichever document the set read before: -j1 and -j2
// give the same bytes (cli-smoke, ocr_test).
thread_local std::unique_ptr<TesseractSet> spare_set;

}  // namespace

struct OcrSession::Impl {
  std::unique_ptr<TesseractSet> set;
  tesseract::TessBaseAPI& api() { return set->api; }
  tesseract::TessBaseAPI& digits() { return set->own_digit_api ? set->digit_api : set->api; }
  tesseract::TessBaseAPI& cells() { return set->own_cell_api ? set->cell_api : set->api; }
  OcrOptions options;
  std::string source;
};

OcrSession::OcrSession(const OcrOptions& options, const std::string& source) : impl_(std::make_unique<Impl>()) {
  setup_leptonica();  // before Tesseract makes its first image
  impl_->options = options;
  impl_->source = source;
  const std::vector<std::string> langs = split_langs(options.lang);
  if (langs.empty())
    throw Error(ErrorCode::ocr_unavailable, source, "no OCR language given (--ocr-lang, e.g. chi_sim+eng)");
  for (const auto& l : langs)
    if (!valid_lang_name(l)) throw Error(ErrorCode::ocr_unavailable, source, "invalid OCR language name '" + l + "'");
  if (spare_set && spare_set->lang == options.lang) {
    impl_->set = std::move(spare_set);
    return;
  }
  spare_set.reset();
  impl_->set = std::make_unique<TesseractSet>();
  TesseractSet& t = *impl_->set;
  t.lang = options.lang;
  // Settings fixed for every page: recorded in the output, so a result can be reproduced.
  std::vector<std::string> names = {"debug_file", "lstm_choice_mode", "tessedit_do_invert"};
  std::vector<std::string> values = {"/dev/null", "2", "0"};
  const bool failed =
      t.api.Init(nullptr, options.lang.c_str(), tesseract::OEM_LSTM_ONLY, nullptr, 0, &names, &values, false) != 0;
  // Tesseract carries on without a language whose data is missing: check that each one loaded.
  std::vector<std::string> loaded;
  if (!failed) t.api.GetLoadedLanguagesAsVector(&loaded);
  std::string missing;
  for (const auto& l : langs)
    if (std::find(loaded.begin(), loaded.end(), l) == loaded.end())
      missing += (missing.empty() ? "" : ", ") + l + " (Debian package " + debian_package(l) + ")";
  if (failed || !missing.empty())
    throw Error(ErrorCode::ocr_unavailable, source,
                "Tesseract cannot load the OCR language data for '" + options.lang + "'" +
                    (missing.empty() ? std::string() : ": missing " + missing) +
                    "; install it with apt-get, choose others with --ocr-lang, or convert with --ocr=off");
  if (langs.size() > 1 && std::find(langs.begin(), langs.end(), "eng") != langs.end())
    t.own_digit_api = t.digit_api.Init(nullptr, "eng", tesseract::OEM_LSTM_ONLY, nullptr, 0, &names, &values, false) == 0;
  if (langs.size() > 1 && langs.front() != "eng")
    t.own_cell_api = t.cell_api.Init(nullptr, langs.front().c_str(), tesseract::OEM_LSTM_ONLY, nullptr, 0, &names, &values, false) == 0;
}

OcrSession::~OcrSession() {
  if (!impl_->set) return;
  // What a page left (its image, its results) goes; the loaded models stay for the next session.
  impl_->api().Clear();
  impl_->digits().Clear();
  impl_->cells().Clear();
  spare_set = std::move(impl_->set);
}

std::string OcrSession::parameters() const {
  return std::string("tesseract ") + tesseract::TessBaseAPI::Version() + " leptonica " + std::to_string(LIBLEPT_MAJOR_VERSION) + "." + std::to_string(LIBLEPT_MINOR_VERSION) +
         "; lang=" + impl_->options.lang + "; oem=lstm; dpi=300 (at most --max-pixels); deskew; cells grey psm=6 (strokes >160, faint ink <215 joined), numbers eng psm=6 and psm=13 whitelist=" OGIX_OCR_DIGIT_WHITELIST "; text psm=3; lstm_choice_mode=2; threads=1";
}

namespace {

// Reads one image region with the current settings: text, least word confidence and per-symbol
// alternatives. Coordinates of `out_box` are in the region's pixels.
struct RegionText {
  std::u32string text;
  float confidence = 100;
  std::vector<OcrSymbol> symbols;
  bool any = false;
  int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;  // box of the words read
};

// One text line as Tesseract found it, with its box in the region's pixels.
struct LineRead {
  std::u32string text;
  std::vector<OcrSymbol> symbols;
  int x0 = 0, y0 = 0, y1 = 0;
};

// The lines of a cell in reading order: left to right along a row, rows top to bottom. Tesseract
// can take widely spaced Chinese in a narrow cell (商 业 企 over 业) for a vertical column layout
// and give each character as a line of its own, right to left: 企业商业. Lines that share most of
// their height are one row, joined in the order of their left edges; a cell's text is always
// written across.
std::vector<LineRead> reading_order(std::vector<LineRead> found) {
  struct Row {
    int y0, y1;
    std::vector<std::size_t> members;
  };
  std::vector<Row> rows;
  for (std::size_t i = 0; i < found.size(); ++i) {
    const LineRead& l = found[i];
    Row* home = nullptr;
    for (auto& r : rows) {
      const int overlap = std::min(r.y1, l.y1) - std::max(r.y0, l.y0);
      if (2 * overlap > std::min(r.y1 - r.y0, l.y1 - l.y0)) {
        home = &r;
        break;
      }
    }
    if (!home) {
      rows.push_back(Row{l.y0, l.y1, {}});
      home = &rows.back();
    }
    home->members.push_back(i);
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.y0 < b.y0; });
  std::vector<LineRead> out;
  for (auto& r : rows) {
    std::stable_sort(r.members.begin(), r.members.end(), [&](std::size_t a, std::size_t b) { return found[a].x0 < found[b].x0; });
    LineRead joined;
    for (std::size_t i : r.members) {
      LineRead& l = found[i];
      if (!joined.text.empty()) joined.text += ' ';
      joined.text += l.text;
      for (auto& sym : l.symbols) joined.symbols.push_back(std::move(sym));
    }
    out.push_back(std::move(joined));
  }
  return out;
}

RegionText recognize(tesseract::TessBaseAPI& api, bool digits = false) {
  RegionText rt;
  if (api.Recognize(nullptr) != 0) return rt;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it) return rt;
  std::vector<LineRead> found;
  it->Begin();
  do {
    if (it->Empty(tesseract::RIL_SYMBOL)) continue;
    if (found.empty() || it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) {
      LineRead l;
      int r = 0;
      it->BoundingBox(tesseract::RIL_TEXTLINE, &l.x0, &l.y0, &r, &l.y1);
      found.push_back(std::move(l));
    }
    LineRead& line = found.back();
    if (it->IsAtBeginningOf(tesseract::RIL_WORD)) {
      if (!line.text.empty()) line.text += ' ';
      rt.confidence = std::min(rt.confidence, it->Confidence(tesseract::RIL_WORD));
      int l = 0, t = 0, r = 0, b = 0;
      if (it->BoundingBox(tesseract::RIL_WORD, &l, &t, &r, &b))
        rt.x0 = std::min(rt.x0, l), rt.y0 = std::min(rt.y0, t), rt.x1 = std::max(rt.x1, r), rt.y1 = std::max(rt.y1, b);
    }
    OcrSymbol sym = ocr_symbol(*it);
    line.text += utf8_to_u32(sym.text);
    line.symbols.push_back(std::move(sym));
    rt.any = true;
  } while (it->Next(tesseract::RIL_SYMBOL));
  std::vector<std::u32string> lines;
  for (auto& l : reading_order(std::move(found))) {
    lines.push_back(drop_cjk_spaces(l.text));
    for (auto& sym : l.symbols) rt.symbols.push_back(std::move(sym));
  }
  if (digits) {
    // A number wrapped in a narrow cell (63 over 2) is one number: its lines join without a space.
    for (const auto& l : lines)
      for (char32_t c : l)
        if (c != ' ') rt.text += c;
  } else {
    rt.text = pdf::join_lines(lines);
  }
  if (!rt.any) rt.confidence = 0;
  return rt;
}

}  // namespace

namespace {

// The share of the ink's extent along a profile that is (nearly) empty: high across the gaps
// between text lines, low along them.
double gap_share(Numa* profile, double empty_below) {
  if (!profile) return 0;
  const int n = numaGetCount(profile);
  int first = -1, last = -1;
  for (int i = 0; i < n; ++i) {
    l_float32 v = 0;
    numaGetFValue(profile, i, &v);
    if (v > empty_below) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0 || last <= first) return 0;
  int gaps = 0;
  for (int i = first; i <= last; ++i) {
    l_float32 v = 0;
    numaGetFValue(profile, i, &v);
    gaps += v <= empty_below;
  }
  return static_cast<double>(gaps) / (last - first + 1);
}

// Skew confidences (Leptonica's ratio of the best angle's score to the worst one's): above
// kSkewSure a lean is taken as measured, from kSkewWeak when half the page agrees, below it never.
constexpr float kSkewSure = 2.5f;
constexpr float kSkewWeak = 1.5f;

// True when the top or the bottom half of `bin` (each the full width), measured on its own, leans
// as `angle` does (within a quarter degree).
bool half_leans_alike(Pix* bin, float angle) {
  const int w = pixGetWidth(bin), h = pixGetHeight(bin);
  for (int top : {0, h / 2}) {
    Box* b = boxCreate(0, top, w, top == 0 ? h / 2 : h - h / 2);
    PixPtr half(pixClipRectangle(bin, b, nullptr));
    boxDestroy(&b);
    l_float32 a = 0, conf = 0;
    if (half.get() && pixFindSkew(half.get(), &a, &conf) == 0 && conf >= kSkewWeak && std::abs(a - angle) <= 0.25f) return true;
  }
  return false;
}

// The angle in degrees that levels the text lines of `bin` (1 bpp, a page or a text image), as
// pixRotate takes it; false (and 0) when the image shows no clear lean to measure.
bool find_level_angle(Pix* bin, float* degrees) {
  *degrees = 0;
  if (!bin || pixGetDepth(bin) != 1) return false;
  l_float32 angle = 0, conf = 0;
  if (pixFindSkew(bin, &angle, &conf) != 0 || !(std::abs(angle) < 10) || conf < kSkewWeak) return false;
  // Leptonica's confidence is the best angle's score over the worst one's: high for sparse lines,
  // low for a page dense with Chinese, whose ink fills the rows between its lines' baselines
  // (272 pages scanned from our fixtures, 4 seeds x 2 dpi, rendered at 300: 30 scored 1.89-2.49
  // and were read askew; every page's angle was within 0.14 degrees of the true lean; a blank,
  // speckled page scores 0). A weak peak is taken when half the page finds the same lean.
  if (conf <= kSkewSure && !half_leans_alike(bin, angle)) return false;
  *degrees = angle;
  return true;
}

// gap_share of the row profile of a text image once its lines are level: a scan leans by a degree
// or so, and over a page's width that tilt fills the gaps between lines (1.5° over 2,400 pixels is
// more than a line's pitch). Measured for the image as it is and turned a quarter, each deskewed
// on its own, the two figures compare the page's line structure across and along.
double level_line_gaps(Pix* text) {
  float angle = 0;
  PixPtr level;
  if (find_level_angle(text, &angle) && std::abs(angle) > 0.05)
    level.reset(pixRotate(text, static_cast<l_float32>(angle * M_PI / 180.0), L_ROTATE_SAMPLING, L_BRING_IN_WHITE, 0, 0));
  Numa* rows = pixCountPixelsByRow(level.get() ? level.get() : text, nullptr);
  const double gaps = gap_share(rows, 2);
  numaDestroy(&rows);
  return gaps;
}

}  // namespace

int OcrSession::upright_turns(Pix* gray, int dpi) {
  PixPtr bin(pixThresholdToBinary(gray, 160));
  if (!bin.get()) return 0;
  // Text alone: rulings and specks would blur the line structure.
  Pix* mask_raw = nullptr;
  find_image_rulings(bin.get(), dpi, &mask_raw);
  PixPtr mask(mask_raw);
  if (mask.get()) pixSubtract(bin.get(), bin.get(), mask.get());
  const int speck = std::max(3, dpi / 75);
  PixPtr text(pixSelectBySize(bin.get(), speck, speck, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GT, nullptr));
  if (!text.get()) return 0;
  l_int32 ink = 0;
  pixCountPixels(text.get(), &ink, nullptr);
  if (ink < 200) return 0;
  PixPtr across(pixRotateOrth(text.get(), 1));
  if (!across.get()) return 0;
  const double row_gaps = level_line_gaps(text.get()), col_gaps = level_line_gaps(across.get());
  // Upright Chinese text leaves empty rows between its lines and few empty columns; sideways text
  // the other way round. A page that is not clearly upright — it leans the other way, or neither
  // way, as a dense sideways table whose cells leave gaps in both — is read in each turn below
  // (scans are mostly upright, and clearly so: those cost no extra reading).
  if (row_gaps > 0.08 && row_gaps > col_gaps) return 0;
  // Which way: the turn Tesseract reads with more confidence, on the page brought down to 200 dpi
  // to be quick (a 200-dpi scan at half size is too coarse to read well any way: a sideways table
  // read 57 turned against 47 upright there, 75 against 43 at 200 dpi).
  const float sample = dpi > 200 ? 200.0f / static_cast<float>(dpi) : 1.0f;
  PixPtr small(pixScale(gray, sample, sample));
  if (!small.get()) return 0;
  tesseract::TessBaseAPI& api = impl_->api();
  api.SetVariable("tessedit_char_whitelist", "");
  // Block mode, which has no vertical text layout: sideways lines read as garbage in it (page mode
  // reads them as vertical text with as much confidence as upright ones).
  api.SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
  // Upright is read too: a page is turned only when a turn reads clearly better (a table of
  // narrow columns can show the profile of sideways text).
  int best = 0, best_conf = -1, upright_conf = 0;
  for (int q : {0, 1, 3}) {
    PixPtr t(q == 0 ? pixClone(small.get()) : pixRotateOrth(small.get(), q));
    if (!t.get()) continue;
    api.SetImage(t.get());
    api.SetSourceResolution(std::max(1, static_cast<int>(std::lround(dpi * sample))));
    const int conf = api.MeanTextConf();
    if (q == 0) upright_conf = conf;
    else if (conf > best_conf) best_conf = conf, best = q;
  }
  api.Clear();
  return best_conf >= upright_conf + 15 ? best : 0;
}

OcrPage OcrSession::read_page(const PageImage& image, int page, const ExtractContext& ctx) {
  OcrPage out;
  if (image.width <= 0 || image.height <= 0 || !image.gray || image.stride < image.width) return out;
  setup_leptonica();
  if (static_cast<double>(image.width) * image.height > static_cast<double>(ctx.limits.max_pixels))
    throw Error(ErrorCode::limit_exceeded, ctx.source,
                "page " + std::to_string(page) + " image of " + std::to_string(image.width) + "x" + std::to_string(image.height) +
                    " pixels exceeds --max-pixels");
  const int dpi = static_cast<int>(std::lround(image.dpi > 0 ? image.dpi : kOcrDpi));
  const double scale = 72.0 / dpi;  // points per pixel
  PixPtr gray(pixCreate(image.width, image.height, 8));
  if (!gray.get()) throw Error(ErrorCode::limit_exceeded, ctx.source, "cannot allocate the page image");
  {
    l_uint32* data = pixGetData(gray.get());
    const int wpl = pixGetWpl(gray.get());
    for (int y = 0; y < image.height; ++y) {
      l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
      const unsigned char* src = image.gray + static_cast<std::ptrdiff_t>(y) * image.stride;
      for (int x = 0; x < image.width; ++x) SET_DATA_BYTE(line, x, src[x]);
    }
  }
  pixSetResolution(gray.get(), dpi, dpi);

  // A page scanned with its text running sideways (a landscape table on a portrait sheet) is
  // turned upright first: Tesseract reads lines left to right only.
  out.quarter_turns = upright_turns(gray.get(), dpi);
  if (out.quarter_turns != 0) {
    PixPtr turned(pixRotateOrth(gray.get(), out.quarter_turns));
    if (turned.get()) gray = std::move(turned);
    else out.quarter_turns = 0;
  }
  out.width = pixGetWidth(gray.get()) * scale, out.height = pixGetHeight(gray.get()) * scale;
  ctx.check_deadline();

  // Deskew: scans lean by a degree or so, which breaks ruling lines into steps.
  {
    PixPtr bin(pixThresholdToBinary(gray.get(), 160));
    float angle = 0;
    if (find_level_angle(bin.get(), &angle) && std::abs(angle) > 0.05) {
      PixPtr turned(pixRotate(gray.get(), static_cast<l_float32>(angle * M_PI / 180.0), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
      if (turned.get()) {
        gray = std::move(turned);
        out.skew_degrees = angle;
      }
    }
  }
  ctx.check_deadline();
  // Thin rulings scan light grey (a 0.5 pt line at 300 dpi is two pixels of ~180): they are
  // found on what is darker than its surroundings (a shaded row is not), text is judged on a
  // darker threshold.
  PixPtr light(ruling_ink(gray.get(), dpi));
  PixPtr binary(pixThresholdToBinary(gray.get(), 160));
  if (!light.get() || !binary.get()) return out;
  Pix* mask_raw = nullptr;
  const std::vector<PixelRuling> prs = find_image_rulings(light.get(), dpi, &mask_raw);
  PixPtr mask(mask_raw);
  out.rulings = to_page_rulings(prs, scale, 1.5);
  // Cells without ruling pixels (and their fringe): what is left inside a cell is its text.
  PixPtr clean(pixCopy(nullptr, binary.get()));
  PixPtr gray_clean;
  if (mask.get()) {
    PixPtr wide(pixDilateBrick(nullptr, mask.get(), 3, 3));
    if (wide.get()) {
      pixSubtract(clean.get(), clean.get(), wide.get());
      gray_clean.reset(pixCopy(nullptr, gray.get()));
      if (gray_clean.get()) pixSetMasked(gray_clean.get(), wide.get(), 255);
    }
  }

  tesseract::TessBaseAPI& api = impl_->api();
  // The grid the rulings draw (no words yet: the cells are what is read next).
  pdf::Frame frame;
  frame.width = out.width, frame.height = out.height;
  std::vector<pdf::Word> none;
  const std::vector<pdf::GeoTable> grids = pdf::find_ruled_tables(out.rulings, none, frame, page);
  PixPtr text_page(pixCopy(nullptr, gray.get()));
  for (const auto& g : grids) {
    // First pass: every inked cell read as a block of text.
    struct CellRead {
      const pdf::GeoCell* cell = nullptr;
      int x0 = 0, y0 = 0;
      PixPtr framed;
      RegionText rt;
      bool digits = false;
      std::vector<std::string> others;  // other whole readings of a number (OcrReading::other_readings)
    };
    std::vector<CellRead> reads;
    for (const auto& cell : g.cells) {
      ctx.check_deadline();
      // The cell's inside, a stroke's width in from each border.
      const int inset = std::max(2, dpi / 60);
      const int x0 = static_cast<int>(std::floor(cell.rect.x0 / scale)) + inset, y0 = static_cast<int>(std::floor(cell.rect.y0 / scale)) + inset;
      const int x1 = static_cast<int>(std::ceil(cell.rect.x1 / scale)) - inset, y1 = static_cast<int>(std::ceil(cell.rect.y1 / scale)) - inset;
      if (x1 - x0 < 4 || y1 - y0 < 4) continue;
      Box* b = boxCreate(x0, y0, x1 - x0, y1 - y0);
      PixPtr box_pix(pixClipRectangle(clean.get(), b, nullptr));
      boxDestroy(&b);
      if (!box_pix.get()) continue;
      // Speckle is not text: a cell whose ink is only dots a few pixels across is empty.
      const int speck = std::max(3, dpi / 75);
      PixPtr solid(pixSelectBySize(box_pix.get(), speck, speck, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GT, nullptr));
      if (solid.get()) {
        // The text's faint strokes belong to it: the crop below and the painting away follow them.
        Box* fb = boxCreate(x0, y0, x1 - x0, y1 - y0);
        PixPtr gbox(pixClipRectangle(gray_clean.get() ? gray_clean.get() : gray.get(), fb, nullptr));
        boxDestroy(&fb);
        PixPtr grown(grow_strokes(solid.get(), gbox.get()));
        if (grown.get()) solid = std::move(grown);
      }
      Box* ink_box = nullptr;
      if (!solid.get() || pixClipToForeground(solid.get(), nullptr, &ink_box) != 0 || !ink_box) continue;
      l_int32 ix = 0, iy = 0, iw = 0, ih = 0;
      boxGetGeometry(ink_box, &ix, &iy, &iw, &ih);
      boxDestroy(&ink_box);
      // The text's own box, a little wider (anti-aliased edges), inside the cell.
      const int pad = 2;
      const int cx0 = std::max(0, ix - pad), cy0 = std::max(0, iy - pad);
      const int cx1 = std::min(x1 - x0, ix + iw + pad), cy1 = std::min(y1 - y0, iy + ih + pad);
      CellRead cr;
      cr.cell = &cell;
      cr.x0 = x0 + cx0, cr.y0 = y0 + cy0;
      // Tesseract gets the grey text alone: a fixed threshold breaks the thin strokes of a blurred
      // or upsampled scan, so it binarizes the cell itself; what lies away from the text's solid
      // strokes (specks, the ghost of a removed ruling) is painted white first, and the text is
      // cropped to its ink with a white margin — a faint frame or a speck at the cell's edge
      // otherwise makes it read a clear single digit as nothing.
      // A label's small marks are text too: the dots of 氵 or the hook of 予 in small type at
      // 200 dpi are specks of three pixels, a few pixels off the strokes, and painting them white
      // made 法 read 去 and 予 read 子 (rows of table 三 lost). A cell read with Chinese in it is
      // read again with only what lies farther than a sixth of an inch from its strokes painted
      // white, and the surer reading kept; numbers keep the tight crop, where a speck beside a
      // digit is what misleads (290 read 29 with the wider one).
      PixPtr loose;
      {
        Box* gb = boxCreate(cr.x0, cr.y0, cx1 - cx0, cy1 - cy0);
        PixPtr gcrop(pixClipRectangle(gray_clean.get() ? gray_clean.get() : gray.get(), gb, nullptr));
        boxDestroy(&gb);
        Box* sb = boxCreate(cx0, cy0, cx1 - cx0, cy1 - cy0);
        PixPtr strokes(pixClipRectangle(solid.get(), sb, nullptr));
        boxDestroy(&sb);
        if (!gcrop.get() || !strokes.get()) continue;
        PixPtr gloose(pixCopy(nullptr, gcrop.get()));
        auto paint_away = [&](Pix* g, int near) {
          PixPtr around(pixDilateBrick(nullptr, strokes.get(), near, near));
          if (!around.get()) return;
          PixPtr away(pixInvert(nullptr, around.get()));
          if (away.get()) pixSetMasked(g, away.get(), 255);
        };
        paint_away(gcrop.get(), std::max(5, dpi / 40) | 1);
        cr.framed.reset(pixAddBorder(gcrop.get(), kMargin, 255));
        if (gloose.get()) {
          paint_away(gloose.get(), std::max(5, dpi / 12) | 1);
          loose.reset(pixAddBorder(gloose.get(), kMargin, 255));
        }
      }
      if (!cr.framed.get()) continue;
      pixSetResolution(cr.framed.get(), dpi, dpi);
      tesseract::TessBaseAPI& capi = impl_->cells();
      capi.SetVariable("tessedit_char_whitelist", "");
      capi.SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
      capi.SetImage(cr.framed.get());
      capi.SetSourceResolution(dpi);
      cr.rt = recognize(capi);
      if (loose.get() && std::any_of(cr.rt.text.begin(), cr.rt.text.end(), is_cjk)) {
        pixSetResolution(loose.get(), dpi, dpi);
        capi.SetImage(loose.get());
        capi.SetSourceResolution(dpi);
        RegionText wide = recognize(capi);
        if (wide.any && wide.confidence > cr.rt.confidence) cr.rt = std::move(wide);
      }
      if (cr.rt.any && cr.rt.confidence < kUnsureLabel && has_ideograph(cr.rt.text)) {
        // Chinese read unsure is read once more at half as large again: the blurred small type of
        // a scan (予 read 子, 30 pixels high at 300 dpi) reads right and surer with smoother
        // edges. That reading stands only when it is sure itself: one merely less unsure is no
        // better (行政处罚 at 9 read 行政处六 at 34, 勾稽 at 5 read 勾移 at 7).
        PixPtr up(pixScale(cr.framed.get(), 1.5f, 1.5f));
        if (up.get()) {
          const int up_dpi = dpi * 3 / 2;
          pixSetResolution(up.get(), up_dpi, up_dpi);
          capi.SetImage(up.get());
          capi.SetSourceResolution(up_dpi);
          RegionText big = recognize(capi);
          if (big.any && big.confidence >= kUnsureLabel) {
            // Its boxes in the crop's own pixels, as the other readings' are.
            if (big.x1 >= 0) big.x0 = big.x0 * 2 / 3, big.y0 = big.y0 * 2 / 3, big.x1 = big.x1 * 2 / 3, big.y1 = big.y1 * 2 / 3;
            cr.rt = std::move(big);
          }
        }
      }
      reads.push_back(std::move(cr));
    }
    // Columns and rows that hold numbers: most of their inked cells read as digits (a table 四
    // has one value row under three header rows). A row's first cell, when it is not a number, is
    // its label and is not counted: a small table's one value row (行政事业性收费 | 41 | 3) has
    // but two values, and one of them misread (3 read 号) must not make it a row of words.
    std::map<std::pair<long, long>, std::pair<int, int>> columns, rows;  // (x0, x1) or (y0, y1) → (numeric, inked)
    std::map<std::pair<long, long>, const CellRead*> row_first;  // the leftmost inked cell of each row
    auto column_of = [](const pdf::GeoCell& c) { return std::make_pair(std::lround(c.rect.x0), std::lround(c.rect.x1)); };
    auto row_of = [](const pdf::GeoCell& c) { return std::make_pair(std::lround(c.rect.y0), std::lround(c.rect.y1)); };
    auto is_number = [](const CellRead& cr) { return cr.rt.any && looks_numeric(cr.rt.text); };
    for (const auto& cr : reads) {
      const int numeric = is_number(cr);
      auto& n = columns[column_of(*cr.cell)];
      n.first += numeric, ++n.second;
      auto& m = rows[row_of(*cr.cell)];
      m.first += numeric, ++m.second;
      const CellRead*& f = row_first[row_of(*cr.cell)];
      if (!f || cr.cell->rect.x0 < f->cell->rect.x0) f = &cr;
    }
    for (auto& [key, m] : rows)
      if (m.second > 1 && !is_number(*row_first.at(key))) --m.second;
    auto mostly_column = [](const std::pair<int, int>& n) { return n.first >= 2 && 2 * n.first >= n.second; };
    auto mostly_row = [](const std::pair<int, int>& n) { return n.first >= 1 && 2 * n.first >= n.second; };
    // The grid's header: the cells wholly above its first row of numbers (rows are keyed top
    // down). A number column's header cell is no misread number, however unsure its reading:
    // 总计 heading the total column, read at 50 % on one scan, was read again as digits ("-"),
    // its header row became a value row and the whole table 三 matched no profile.
    long values_top = LONG_MIN;  // no row of numbers: no header is known
    for (const auto& [key, n] : rows)
      if (mostly_column(n)) {
        values_top = key.first;
        break;
      }
    auto in_header = [&](const pdf::GeoCell& c) { return std::lround(c.rect.y1) <= values_top; };
    // Second pass: number cells read again as one line of digits, so 0 is not O and 2 not 区.
    for (auto& cr : reads) {
      ctx.check_deadline();
      const bool in_column = mostly_column(columns[column_of(*cr.cell)]), in_row = mostly_row(rows[row_of(*cr.cell)]);
      const bool numeric_column = in_column || in_row;
      const bool numeric = is_number(cr);
      const std::u32string first = trim_spaces(cr.rt.text);
      // In a number column, an empty or one- or two-character reading that is no mark of its own
      // (/, -, 无…) is a number OCR did not see as one.
      // A reading with Chinese in it is a header or label, unless it is one or two unsure characters.
      const bool cjk = has_ideograph(first);
      // A cell in both a column and a row of numbers holds a value, not a header: one or two
      // Chinese characters read there are a number misread however sure (a 2 read as 之, 79), and
      // so are digits with one Chinese character among them (2,332 read 轧332: the digit and
      // the thousands separator beside it taken for one glyph).
      const bool han_in_digits = in_column && in_row && cjk && !in_header(*cr.cell) && digits_but_one_han(first);
      const bool doubtful = numeric_column && !numeric && !is_na_mark(first) &&
                            (!cjk || han_in_digits || (first.size() <= 2 && !in_header(*cr.cell) && (cr.rt.confidence < 70 || (in_column && in_row))));
      if (!numeric && !doubtful) continue;
      tesseract::TessBaseAPI& dapi = impl_->digits();
      dapi.SetVariable("tessedit_char_whitelist", kDigitWhitelist);
      dapi.SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
      dapi.SetImage(cr.framed.get());
      dapi.SetSourceResolution(dpi);
      RegionText dt = recognize(dapi, true);
      // The crop read again as one raw line, without Tesseract's layout analysis: that analysis
      // can leave out a lone narrow digit as no text (a 1 of a 200-dpi scan) or cut a single
      // digit wrongly (4 read 1, 3 read 2), and the raw line can cut a number wrongly where the
      // block reads it right (746 read 716, 11 read 1). The block reading stands; the raw one is
      // taken when the block read nothing, else offered to the rule check as an alternative.
      dapi.SetPageSegMode(tesseract::PSM_RAW_LINE);
      dapi.SetImage(cr.framed.get());
      dapi.SetSourceResolution(dpi);
      RegionText raw = recognize(dapi, true);
      // Two readings against one: the block mode of the Latin model can take a clear digit for
      // another (a 4 whose thin diagonal scanned faint read 1, where the raw line and the first,
      // Chinese-model reading both saw 4). When the raw line reads what the first pass read as a
      // number and the block reads otherwise, the raw line stands, only as sure as the first pass,
      // and the block's reading is the alternative offered to the rule check.
      const bool outvoted = numeric && dt.any && raw.any && dt.text != raw.text && same_number_text(raw.text, first);
      if (outvoted) {
        std::swap(dt, raw);
        dt.confidence = std::min(dt.confidence, cr.rt.confidence);
      }
      // A doubtful reading is read once more, scaled up twice (linear interpolation): small type
      // of a 200- or 300-dpi scan read as one digit where two stand (11 read 1) reads right larger.
      // It is one more alternative for the rule check, or the reading when the others saw nothing.
      const float sure = doubtful ? std::min(dt.confidence, cr.rt.any ? cr.rt.confidence : 0.0f) : dt.confidence;
      RegionText big;
      if (!dt.any || sure < kDoubtfulDigits) {
        PixPtr up(pixScale(cr.framed.get(), 2.0f, 2.0f));
        if (up.get()) {
          pixSetResolution(up.get(), 2 * dpi, 2 * dpi);
          dapi.SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
          dapi.SetImage(up.get());
          dapi.SetSourceResolution(2 * dpi);
          big = recognize(dapi, true);
          // Its boxes in the crop's own pixels, as the other readings' are.
          if (big.x1 >= 0) big.x0 /= 2, big.y0 /= 2, big.x1 /= 2, big.y1 /= 2;
        }
      }
      dapi.SetVariable("tessedit_char_whitelist", "");
      if (!dt.any) dt = raw.any ? std::move(raw) : std::move(big);
      for (const RegionText* o : {&raw, &big})
        if (o->any && !o->text.empty() && o->text != dt.text) {
          const std::string t = u32_to_utf8(o->text);
          if (std::find(cr.others.begin(), cr.others.end(), t) == cr.others.end()) cr.others.push_back(t);
        }
      if (!dt.any) continue;
      // A reading the first pass did not agree with is only as sure as the less sure of the two.
      if (doubtful) dt.confidence = std::min(dt.confidence, cr.rt.any ? cr.rt.confidence : 0.0f);
      // A number part of which OCR took for Chinese is never sure: it is always reported.
      if (han_in_digits) dt.confidence = std::min(dt.confidence, kDoubtfulDigits - 1);
      cr.rt = std::move(dt);
      cr.digits = true;
    }
    for (auto& cr : reads) {
      const pdf::GeoCell& cell = *cr.cell;
      RegionText& rt = cr.rt;
      std::u32string text = trim_spaces(rt.text);
      if (text.empty()) continue;
      if (!cr.digits) text = mend_ocr_one(mend_ocr_brackets(std::move(text)));
      // Boxes in the cell's pixels (less the margin) → page points.
      pdf::Rect r{cell.rect.x0 + 1, cell.rect.y0 + 1, cell.rect.x1 - 1, cell.rect.y1 - 1};
      if (rt.x1 >= 0) {
        r = pdf::Rect{(cr.x0 + rt.x0 - kMargin) * scale, (cr.y0 + rt.y0 - kMargin) * scale, (cr.x0 + rt.x1 - kMargin) * scale,
                      (cr.y0 + rt.y1 - kMargin) * scale};
        // Keep the word's centre inside its cell, however the margin skews the box.
        r.x0 = std::clamp(r.x0, cell.rect.x0 + 0.5, cell.rect.x1 - 1), r.x1 = std::clamp(r.x1, r.x0 + 0.5, cell.rect.x1 - 0.5);
        r.y0 = std::clamp(r.y0, cell.rect.y0 + 0.5, cell.rect.y1 - 1), r.y1 = std::clamp(r.y1, r.y0 + 0.5, cell.rect.y1 - 0.5);
      }
      pdf::Word w;
      w.text = text;
      w.page = page;
      w.box = w.orig = r;
      w.size = std::max(4.0, std::min(r.h(), 30.0));
      out.words.push_back(w);
      OcrReading reading;
      reading.from = pdf::span_of(page, r);
      reading.text = u32_to_utf8(text);
      reading.confidence = rt.confidence;
      reading.digits_only = cr.digits;
      reading.symbols = std::move(rt.symbols);
      if (cr.digits) reading.other_readings = std::move(cr.others);
      out.readings.push_back(std::move(reading));
    }
    // The running text is read with the tables blanked out.
    Box* b = boxCreate(static_cast<l_int32>(g.box.x0 / scale) - 4, static_cast<l_int32>(g.box.y0 / scale) - 4,
                       static_cast<l_int32>(g.box.w() / scale) + 8, static_cast<l_int32>(g.box.h() / scale) + 8);
    pixSetInRect(text_page.get(), b);
    boxDestroy(&b);
  }
  ctx.check_deadline();
  // Tables without rulings: their rows found in the image and read phrase by phrase.
  read_unruled_rows(text_page.get(), dpi, scale, page, api, impl_->digits(), out.words, out.readings, ctx);

  // Running text, by blocks: one word per Tesseract word, Chinese runs joined.
  api.SetVariable("tessedit_char_whitelist", "");
  api.SetPageSegMode(tesseract::PSM_AUTO);
  api.SetImage(text_page.get());
  api.SetSourceResolution(dpi);
  if (api.Recognize(nullptr) == 0) {
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (it) {
      it->Begin();
      const std::size_t first_text_word = out.words.size();
      std::vector<float> confidence;  // per running-text word: its least sure part
      bool joinable = false;  // the previous word is on this line
      do {
        if (it->Empty(tesseract::RIL_WORD)) continue;
        if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) joinable = false;
        std::u32string t = utf8_to_u32(take(it->GetUTF8Text(tesseract::RIL_WORD)));
        int l = 0, tp = 0, r = 0, bt = 0;
        if (t.empty() || !it->BoundingBox(tesseract::RIL_WORD, &l, &tp, &r, &bt)) continue;
        const pdf::Rect box{l * scale, tp * scale, r * scale, bt * scale};
        // Tesseract cuts Chinese text into "words" at will; beside a Chinese character they are
        // one run (a wide gap still parts table columns).
        if (joinable && !out.words.empty()) {
          pdf::Word& prev = out.words.back();
          const bool cjk = cjk_or_fullwidth(prev.text.back()) || cjk_or_fullwidth(t.front());
          if (cjk && box.x0 - prev.box.x1 < 1.2 * std::max(prev.box.h(), box.h())) {
            prev.text += t;
            prev.box = prev.orig = prev.box.united(box);
            prev.size = std::max(prev.size, box.h());
            prev.space_after = !cjk_or_fullwidth(t.back());
            confidence.back() = std::min(confidence.back(), it->Confidence(tesseract::RIL_WORD));
            continue;
          }
        }
        pdf::Word w;
        w.text = t;
        w.page = page;
        w.box = w.orig = box;
        w.size = std::max(4.0, w.box.h());
        w.space_after = true;
        out.words.push_back(std::move(w));
        confidence.push_back(it->Confidence(tesseract::RIL_WORD));
        joinable = true;
      } while (it->Next(tesseract::RIL_WORD));
      // Words with digits (the values of an unruled table) get a reading too, so that the checks
      // see them; without per-character alternatives, none of them is ever corrected.
      for (std::size_t k = first_text_word; k < out.words.size(); ++k) {
        const pdf::Word& w = out.words[k];
        if (std::none_of(w.text.begin(), w.text.end(), [](char32_t c) { return (c >= '0' && c <= '9') || (c >= U'０' && c <= U'９'); }))
          continue;
        OcrReading reading;
        reading.from = pdf::span_of(page, w.box);
        reading.text = u32_to_utf8(w.text);
        reading.confidence = confidence.at(k - first_text_word);
        out.readings.push_back(std::move(reading));
      }
    }
  }
  api.Clear();
  impl_->digits().Clear();
  impl_->cells().Clear();
  return out;
}

Document read_image_file(std::string_view bytes, const ExtractContext& ctx) {
  if (!is_image_file(bytes)) throw Error(ErrorCode::unsupported, ctx.source, "not a PNG, JPEG or TIFF image");
  setup_leptonica();
  if (ctx.ocr.mode == OcrMode::off)
    throw Error(ErrorCode::no_text_layer, ctx.source, "an image file has no text layer and OCR is off (--ocr=off)");
  const auto* data = reinterpret_cast<const l_uint8*>(bytes.data());
  l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
  // The header first: the pixel count is checked before anything is decoded.
  if (pixReadHeaderMem(data, bytes.size(), &format, &w, &h, &bps, &spp, &cmap) != 0 || w <= 0 || h <= 0)
    throw Error(ErrorCode::damaged, ctx.source, "the image cannot be read (a broken PNG, JPEG or TIFF header)");
  if (static_cast<double>(w) * h > static_cast<double>(ctx.limits.max_pixels))
    throw Error(ErrorCode::limit_exceeded, ctx.source,
                "image of " + std::to_string(w) + "x" + std::to_string(h) + " pixels exceeds --max-pixels");
  PixPtr pix(pixReadMem(data, bytes.size()));
  if (!pix.get()) throw Error(ErrorCode::damaged, ctx.source, "the image cannot be decoded");
  if (pixGetWidth(pix.get()) != w || pixGetHeight(pix.get()) != h)
    throw Error(ErrorCode::damaged, ctx.source, "the image decodes to another size than its header says");
  PixPtr gray(pixConvertTo8(pix.get(), 0));
  if (!gray.get()) throw Error(ErrorCode::damaged, ctx.source, "the image cannot be converted to grey");
  pix.reset(nullptr);
  // The image's own resolution, when it states a plausible one; 300 dpi otherwise.
  int dpi = pixGetXRes(gray.get());
  if (dpi < 70 || dpi > 1200) dpi = kOcrDpi;
  std::vector<unsigned char> buf(static_cast<std::size_t>(w) * static_cast<std::size_t>(h));
  {
    const l_uint32* d = pixGetData(gray.get());
    const int wpl = pixGetWpl(gray.get());
    for (int y = 0; y < h; ++y)
      for (int x = 0; x < w; ++x)
        buf[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)] =
            static_cast<unsigned char>(GET_DATA_BYTE(d + static_cast<std::ptrdiff_t>(y) * wpl, x));
  }
  gray.reset(nullptr);
  PageImage img{w, h, w, static_cast<double>(dpi), buf.data()};
  OcrSession session(ctx.ocr, ctx.source);
  std::vector<OcrPage> pages;
  pages.push_back(session.read_page(img, 1, ctx));
  Document doc = layout_ocr_pages(std::move(pages), ctx);
  doc.meta.extractor = "ocr";
  doc.meta.media_type = format == IFF_PNG ? "image/png" : (format == IFF_JFIF_JPEG ? "image/jpeg" : "image/tiff");
  doc.meta.pages = 1;
  doc.meta.ocr = session.parameters();
  return doc;
}

}  // namespace ogix

