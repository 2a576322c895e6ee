// Mathematics in the text as TeX ("$\frac{a}{b}$"): what a page's <math> element or formula image says,
// in the form plain text and Markdown readers know. Reads the tree; never judges content.
#pragma once

#include <string>

#include "parse/dom.h"

namespace lede::assemble {

// The formula of a <math> element as "$tex$", or "$$tex$$" for display="block": its TeX annotation
// (KaTeX, MathJax, Wikipedia), else its alttext, else TeX left on it or a wrapper (data-tex, data-latex,
// data-entry, data-math), else its MathML text when that reads as the formula (nothing stacked or raised).
// Empty otherwise.
std::string math_text(const parse::Dom& dom, parse::NodeId math);

// The formula an <img> stands for, as "$tex$": its alt when the alt reads as TeX (a backslash command or a
// braced sub- or superscript), else the TeX a formula service carries in the image's URL (a query such as
// "?\frac{a}{b}" or "chl=…", or the last path segment). Empty for any other image.
std::string image_math_text(const parse::Dom& dom, parse::NodeId img);

// The formula an element that is not <math> carries as TeX in data-math, data-tex or data-latex, with only
// a rendering below it (KaTeX's HTML output without MathML, as Gemini and other chat pages save it), as
// "$tex$", or "$$tex$$" when its class says block or display. Empty for any other element, and for one
// that holds a <math> (math_text reads that).
std::string attribute_math_text(const parse::Dom& dom, parse::NodeId id);

// MathJax's TeX left in the page for the browser to render (<script type="math/tex">, "; mode=display" for
// display math) as "$tex$" or "$$tex$$". Empty for any other script.
std::string script_math_text(const parse::Dom& dom, parse::NodeId script);

}  // namespace lede::assemble
