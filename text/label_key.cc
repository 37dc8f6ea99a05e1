#include "text/label_key.h"

#include <functional>
#include <string_view>
#include <unordered_map>

#include "text/unicode.h"

namespace ogix {

namespace {

std::string compute_label_key(std::string_view label) {
  std::u32string u = utf8_to_u32(simplified_key(normalize_text(label)));
  std::u32string out;
  out.reserve(u.size());
  auto is_num = [](char32_t c) {
    return c == U'一' || c == U'二' || c == U'三' || c == U'四' || c == U'五' || c == U'六' || c == U'七' ||
           c == U'八' || c == U'九' || c == U'十';
  };
  for (std::size_t i = 0; i < u.size(); ++i) {
    char32_t c = u[i];
    // （一） / (十二): numbering in brackets.
    if (c == U'（' || c == '(') {
      std::size_t j = i + 1;
      while (j < u.size() && j < i + 4 && is_num(u[j])) ++j;
      if (j > i + 1 && j < u.size() && (u[j] == U'）' || u[j] == ')')) {
        i = j;
        continue;
      }
    }
    // 一、 / 十二、 at a label start or after punctuation: numbering, not text.
    if (is_num(c)) {
      std::size_t j = i;
      while (j < u.size() && j < i + 3 && is_num(u[j])) ++j;
      if (j < u.size() && u[j] == U'、' && (out.empty() || i == 0)) {
        i = j;
        continue;
      }
    }
    if (is_ideographic(c) ||
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
      out.push_back(c);
  }
  return u32_to_utf8(out);
}

}  // namespace

namespace {

// The mapper and the table classifiers ask for the keys of the same cell texts and profile labels
// over and over (every header candidate against every table): a per-thread memo of the pure
// function saves most of the normalization. Bounded, so hostile inputs with millions of distinct
// texts cost memory no more than a few thousand entries.
// Hashes a string and a view of one alike, so that a lookup by view copies nothing.
struct ViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using LabelMemo = std::unordered_map<std::string, std::string, ViewHash, std::equal_to<>>;

LabelMemo& memo_of_this_thread() {
  thread_local LabelMemo memo;
  return memo;
}

}  // namespace

void forget_label_keys() { memo_of_this_thread().clear(); }

std::string label_key(std::string_view label) {
  auto& memo = memo_of_this_thread();
  auto it = memo.find(label);  // most calls are hits: no copy of the label for them
  if (it != memo.end()) return it->second;
  std::string key = compute_label_key(label);
  if (memo.size() >= 8192) memo.clear();
  memo.emplace(std::string(label), key);
  return key;
}

}  // namespace ogix
