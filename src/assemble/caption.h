// A photo's caption and its credit, told apart: "A protest in Kyiv. Фото: bzns.media", "Rescue workers at
// the scene. (AP)", "Sängerin Nina Chuba.\nLichtgut/Christoph Schmidt". Pure string work.
#pragma once

#include <string>

namespace lede::assemble {

// Moves a credit written inside *caption to *credit (left as it is when it is not empty or none is found):
// from a credit lead-in ("Фото:", "Photo:", "Quelle:", "©", "Getty Images") at a word's start or right
// after a sentence's end, to the end; a last parenthesis naming an agency or opening with a lead-in
// ("(AP)", "(Foto: dpa)", "（警視庁提供）"); or a last line that is a credit ("Lichtgut/Christoph Schmidt").
// The caption keeps the rest, white space folded.
void split_credit(std::string* caption, std::string* credit);

}  // namespace lede::assemble
