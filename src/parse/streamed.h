// React's streamed server rendering (Fizz, used by Next.js's app router and Remix): a part of the page that
// was not ready when the server began to send it goes out first as an empty placeholder, <template
// id="B:0"> (a Suspense boundary) or <template id="P:1"> (a deferred segment), and its content later, at
// the end of the body, in <div hidden id="S:0">, which an inline script ("$RC('B:0','S:0')", "$RS('S:1',
// 'P:1')") moves into place. lede runs no scripts: it reads where each segment goes and moves it there
// once the page is parsed, as the browser would have, so a story's later sections stand in the story and
// not, hidden, after the footer.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parse/dom.h"

namespace lede::parse {

class StreamedSegments {
 public:
  // A <template> start tag: its id, and the move React's external runtime writes as a template instead of
  // a script (data-bid or data-pid: the placeholder; data-sid: the segment that replaces it).
  void on_template(std::string_view id, std::string_view placeholder, std::string_view segment);
  // True once a placeholder or a move was seen: only then are dropped scripts worth reading.
  bool streams() const { return streams_; }
  // An inline script's text: every "$RC(", "$RR(" or "$RS(" call's two string arguments, a placeholder's
  // id and the id of the segment that replaces it.
  void read_script(std::string_view text);
  // Moves each hidden segment's children to where its placeholder stands (the placeholder itself goes);
  // the segment's own hidden <div> goes. Elements that a chain of segments would set deeper than
  // `max_depth` are flattened into their parent, as the parser does. Leaves the tree as it is when the page
  // does not stream, or when a segment would be lost (one placed inside itself).
  void place(std::size_t max_depth, Dom* dom) const;

 private:
  bool streams_ = false;
  std::vector<std::pair<std::string, std::string>> completions_;  // placeholder id -> segment id
};

}  // namespace lede::parse
