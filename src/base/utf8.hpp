// UTF-8 helpers shared by every stage: validation, decoding, code-point offsets, case folding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace reportkg::utf8 {

/// Byte offset of the first invalid UTF-8 sequence in `s`, or npos when `s` is valid UTF-8
/// (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::size_t find_invalid(std::string_view s);

/// next() past an ASCII byte: a code point of two to four bytes.
char32_t next_multibyte(std::string_view s, std::size_t& i);

/// Decodes the code point at byte offset `i` of valid UTF-8 and advances `i` past it. Inline for
/// ASCII, which is most of the bytes of a report: tokenizing calls it for every character.
inline char32_t next(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  return next_multibyte(s, i);
}

/// Appends the UTF-8 encoding of `c` to `out`.
void append(std::string& out, char32_t c);

/// Number of code points in valid UTF-8.
std::size_t length(std::string_view s);

/// Maps byte offsets of a text to code-point offsets (NIF offsets).
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  /// Code-point offset of byte offset `byte` (which must be on a code-point boundary or the end).
  std::size_t at(std::size_t byte) const;
  /// Number of code points of the whole text: length(text).
  std::size_t length() const { return length_; }

 private:
  // Code-point offset at every eighth byte (the text is counted a word at a time anyway); the
  // rest, up to seven bytes, is counted from there.
  std::vector<std::size_t> checkpoints_;
  std::size_t length_ = 0;  // of the whole text
  std::string_view text_;
};

/// Byte offset of the first line break ('\n' or '\r') at or after `pos`, or `s.size()` when there
/// is none. (std::string_view::find_first_of looks each byte up in the set: a call per byte.)
std::size_t line_end(std::string_view s, std::size_t pos);

/// Lower-case (full Unicode case mapping, German rules) of UTF-8 text.
std::string to_lower(std::string_view s);
/// Appends to_lower(s) to `out`.
void append_lower(std::string& out, std::string_view s);
/// Upper-cases the first code point only.
std::string capitalize(std::string_view s);
/// starts_upper() of a string that begins beyond ASCII.
bool starts_upper_multibyte(std::string_view s);
/// True when the first code point is an upper-case letter. Inline for ASCII, as the tokenizer
/// asks it of every token.
inline bool starts_upper(std::string_view s) {
  if (s.empty()) return false;
  const auto c = static_cast<unsigned char>(s[0]);
  return c < 0x80 ? c >= 'A' && c <= 'Z' : starts_upper_multibyte(s);
}
/// True when the first code point is a letter.
bool starts_letter(std::string_view s);
/// NFC normalization.
std::string nfc(std::string_view s);
/// ASCII transliteration with German conventions (ü → ue, ß → ss, é → e, ...).
std::string to_ascii(std::string_view s);

}  // namespace reportkg::utf8
