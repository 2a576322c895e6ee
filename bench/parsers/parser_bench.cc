// parser_bench: measures lede's HTML parser against the other candidates (docs/parser-choice.md).
//   parser_bench DIR [gumbo|tree|lede|sax0]...   speed and peak memory over every DIR/*.html (median of 3 passes)
//   parser_bench --cases [NAME]              what each candidate makes of small malformed inputs
// Standalone; not part of lede's CMake build. Build with bench/parsers/build.sh.
#include <gumbo.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <malloc.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "parse/dom.h"
#include "parse/html_parser.h"

namespace {

using Clock = std::chrono::steady_clock;

// ---- memory: peak RSS (VmHWM) of this process, resettable through /proc/self/clear_refs ----

long status_kb(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  std::size_t n = std::strlen(key);
  while (std::getline(in, line)) {
    if (line.compare(0, n, key) == 0) return std::atol(line.c_str() + n + 1);
  }
  return -1;
}

void reset_peak_rss() {
  malloc_trim(0);
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
}

// ---- the candidates, each reduced to "parse these bytes and free everything" ----

long parse_gumbo(std::string_view page) {
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, page.data(), page.size());
  long n = out->root->v.element.children.length;
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return n;
}

constexpr int kTreeOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;

long parse_tree(std::string_view page) {
  htmlDocPtr doc = htmlReadMemory(page.data(), static_cast<int>(page.size()), nullptr, "UTF-8", kTreeOptions);
  long n = doc && doc->children ? 1 : 0;
  if (doc) xmlFreeDoc(doc);
  return n;
}

// libxml2's HTML tokenizer and element stack alone: SAX with no callbacks (libxml2's floor).
long parse_sax0(std::string_view page) {
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  std::memset(ctxt->sax, 0, sizeof(htmlSAXHandler));
  htmlDocPtr doc = htmlCtxtReadMemory(ctxt, page.data(), static_cast<int>(page.size()), nullptr, "UTF-8",
                                      kTreeOptions | HTML_PARSE_NODEFDTD | HTML_PARSE_IGNORE_ENC);
  if (doc) xmlFreeDoc(doc);
  htmlFreeParserCtxt(ctxt);
  return 0;
}

lede::parse::Dom g_dom;  // reused across pages, as lede reuses it

long parse_lede(std::string_view page) {
  lede::parse::parse_html(page, lede::parse::ParseLimits{}, &g_dom);
  return static_cast<long>(g_dom.size());
}

struct Candidate {
  const char* name;
  const char* label;
  long (*parse)(std::string_view);
};

const Candidate kCandidates[] = {
    {"gumbo", "gumbo 0.10.1 (gumbo_parse_with_options + destroy)", parse_gumbo},
    {"tree", "libxml2 tree (htmlReadMemory + xmlFreeDoc)", parse_tree},
    {"lede", "lede's parser (own tokenizer + tree builder -> Dom, reused)", parse_lede},
    {"sax0", "libxml2 SAX, no callbacks (tokenizer + element stack only)", parse_sax0},
};

// ---- speed mode ----

int run_speed(const std::string& dir, std::vector<std::string> which) {
  std::vector<std::string> pages;
  std::size_t bytes = 0;
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".html") paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    pages.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    bytes += pages.back().size();
  }
  std::printf("# %s: %zu pages, %.1f MB\n", dir.c_str(), pages.size(), bytes / 1e6);
  std::printf("%-10s %10s %10s %10s %14s\n", "parser", "median_s", "pages/s", "MB/s", "peak_rss_dMB");
  if (which.empty()) which = {"gumbo", "tree", "lede", "sax0"};
  for (const std::string& w : which) {
    const Candidate* c = nullptr;
    for (const auto& k : kCandidates) {
      if (w == k.name) c = &k;
    }
    if (!c) {
      std::fprintf(stderr, "unknown parser %s\n", w.c_str());
      return 2;
    }
    reset_peak_rss();
    long base = status_kb("VmHWM:");
    long peak_delta = 0;
    std::vector<double> secs;
    long sink = 0;
    for (int pass = 0; pass < 3; ++pass) {
      auto t0 = Clock::now();
      for (const auto& page : pages) sink += c->parse(page);
      secs.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
    }
    peak_delta = status_kb("VmHWM:") - base;
    std::sort(secs.begin(), secs.end());
    double s = secs[1];
    std::printf("%-10s %10.3f %10.1f %10.2f %14.1f   (%s; sink %ld)\n", c->name, s, pages.size() / s,
                bytes / 1e6 / s, peak_delta / 1024.0, c->label, sink % 1000);
    std::fflush(stdout);
  }
  return 0;
}

// ---- cases mode: compact tree dumps ----
// Elements print as name(children...), text as "..." (cut to 24 bytes, NUL shown as \0).

void put_text(std::string* out, std::string_view t) {
  std::string s;
  for (char ch : t) {
    if (ch == '\0') s += "\\0";
    else if (ch == '\n') s += ' ';
    else s += ch;
  }
  // fold runs of spaces; skip whitespace-only text
  if (s.find_first_not_of(" \t\r") == std::string::npos) return;
  if (s.size() > 24) s = s.substr(0, 21) + "...";
  *out += '"';
  *out += s;
  *out += '"';
}

struct Stats {
  long nodes = 0;
  long max_depth = 0;
  long marker_depth = -1;       // depth of the text node that contains "END"
  std::string marker_parent;     // its parent element
  long after_depth = -1;         // depth of the text node that contains "after" (the deep case's tail)
};

void note_text(Stats* st, std::string_view t, long depth, std::string_view parent) {
  if (t.find("END") != std::string_view::npos && st->marker_depth < 0) {
    st->marker_depth = depth;
    st->marker_parent = parent;
  }
  if (t.find("after") != std::string_view::npos && st->after_depth < 0) st->after_depth = depth;
}

// gumbo (iterative, so deep trees do not overflow our stack)
void dump_gumbo(const GumboNode* root, std::string* out, Stats* st, bool print) {
  struct Item {
    const GumboNode* n;
    long depth;
    int state;  // 0 = enter, 1 = close
  };
  std::vector<Item> stack{{root, 0, 0}};
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    const GumboNode* n = it.n;
    if (it.state == 1) {
      if (print) *out += ')';
      continue;
    }
    st->nodes++;
    st->max_depth = std::max(st->max_depth, it.depth);
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
      std::string_view t(n->v.text.text);
      std::string parent = n->parent && n->parent->type == GUMBO_NODE_ELEMENT
                               ? gumbo_normalized_tagname(n->parent->v.element.tag)
                               : "?";
      note_text(st, t, it.depth, parent);
      if (print) put_text(out, t);
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE && n->type != GUMBO_NODE_DOCUMENT) continue;
    const GumboVector* kids;
    if (n->type == GUMBO_NODE_DOCUMENT) {
      kids = &n->v.document.children;
    } else {
      kids = &n->v.element.children;
      if (print) {
        std::string name = gumbo_normalized_tagname(n->v.element.tag);
        if (n->v.element.tag == GUMBO_TAG_UNKNOWN) {
          GumboStringPiece p = n->v.element.original_tag;
          gumbo_tag_from_original_text(&p);
          name = std::string(p.data, p.length);
        }
        *out += name + "(";
      }
      stack.push_back({n, it.depth, 1});
    }
    for (unsigned i = kids->length; i-- > 0;)
      stack.push_back({static_cast<const GumboNode*>(kids->data[i]), it.depth + 1, 0});
  }
}

// libxml2 tree (iterative)
void dump_xml(xmlNodePtr first, std::string* out, Stats* st, bool print) {
  struct Item {
    xmlNodePtr n;
    long depth;
    int state;
  };
  std::vector<Item> stack;
  std::vector<xmlNodePtr> top;
  for (xmlNodePtr c = first; c; c = c->next) top.push_back(c);
  for (auto i = top.size(); i-- > 0;) stack.push_back({top[i], 1, 0});
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    if (it.state == 1) {
      if (print) *out += ')';
      continue;
    }
    xmlNodePtr n = it.n;
    st->nodes++;
    st->max_depth = std::max(st->max_depth, it.depth);
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      std::string_view t = n->content ? reinterpret_cast<const char*>(n->content) : "";
      note_text(st, t, it.depth, n->parent && n->parent->name ? reinterpret_cast<const char*>(n->parent->name) : "?");
      if (print) put_text(out, t);
      continue;
    }
    if (n->type != XML_ELEMENT_NODE) continue;
    if (print) *out += std::string(reinterpret_cast<const char*>(n->name)) + "(";
    stack.push_back({n, it.depth, 1});
    std::vector<xmlNodePtr> kids;
    for (xmlNodePtr c = n->children; c; c = c->next) kids.push_back(c);
    for (auto i = kids.size(); i-- > 0;) stack.push_back({kids[i], it.depth + 1, 0});
  }
}

// lede Dom (iterative)
void dump_dom(const lede::parse::Dom& dom, std::string* out, Stats* st, bool print) {
  using lede::parse::kNoNode;
  using lede::parse::NodeId;
  struct Item {
    NodeId n;
    long depth;
    int state;
  };
  std::vector<Item> stack;
  std::vector<NodeId> kids;
  for (NodeId c = dom.node(0).first_child; c != kNoNode; c = dom.node(c).next_sibling) kids.push_back(c);
  for (auto i = kids.size(); i-- > 0;) stack.push_back({kids[i], 1, 0});
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    if (it.state == 1) {
      if (print) *out += ')';
      continue;
    }
    const auto& n = dom.node(it.n);
    st->nodes++;
    st->max_depth = std::max(st->max_depth, it.depth);
    if (n.tag == lede::parse::Tag::text) {
      note_text(st, dom.text(it.n), it.depth, n.parent != kNoNode ? dom.name(n.parent) : "?");
      if (print) put_text(out, dom.text(it.n));
      continue;
    }
    if (print) *out += std::string(dom.name(it.n)) + "(";
    stack.push_back({it.n, it.depth, 1});
    kids.clear();
    for (NodeId c = n.first_child; c != kNoNode; c = dom.node(c).next_sibling) kids.push_back(c);
    for (auto i = kids.size(); i-- > 0;) stack.push_back({kids[i], it.depth + 1, 0});
  }
}

struct Case {
  const char* name;
  std::string html;
};

std::vector<Case> make_cases() {
  std::vector<Case> cs;
  cs.push_back({"button-unclosed-div",
                "<body><p>intro</p><button><div>Menu</button><p>ARTICLE after button</p><p>END</p></body>"});
  cs.push_back({"misnested-b-i", "<body><p><b>bold <i>both</b> italic</i> plain END</p></body>"});
  cs.push_back({"p-in-p", "<body><p>one<p>two<div>block</div>three END</p></body>"});
  cs.push_back({"table-stray-text",
                "<body><table>stray<tr><td>c1<td>c2</tr>more stray<tr><td>c3</table><p>END</p></body>"});
  cs.push_back({"unclosed-script",
                "<body><p>before</p><script>var x = '<p>in script</p>';\n<p>END after script</p></body>"});
  cs.push_back({"stray-end-div", "</div><body></div><p>first</p></div><div><p>END</p></div></body>"});
  cs.push_back({"html5-in-p",
                "<body><p>lead <article><section><h2>Title</h2><p>para</p></section></article> tail "
                "<main>MAIN</main><p>END</p></body>"});
  cs.push_back({"unknown-in-div",
                "<body><div id=a><custom-el><p>inside custom</p></custom-el><figure><figcaption>cap"
                "</figcaption></figure></div><p>END</p></body>"});
  static const char nul[] = "<body><p>be\0fore</p><p>mid\0dle <b>x\0</b></p><p>END</p></body>";
  cs.push_back({"nul-bytes", std::string(nul, sizeof nul - 1)});
  cs.push_back({"svg-self-closing",
                "<body><div><svg><path d='M0'/><circle r='1'/><g/></svg>text after svg</div><p>END</p></body>"});
  for (int n : {1000, 10000, 100000}) {
    std::string deep = "<body>";
    for (int i = 0; i < n; ++i) deep += "<div>";
    deep += "deepest END";
    for (int i = 0; i < n; ++i) deep += "</div>";
    deep += "<p>after</p></body>";
    cs.push_back({n == 1000 ? "deep-1000-div" : n == 10000 ? "deep-10000-div" : "deep-100000-div", std::move(deep)});
  }
  return cs;
}

// Runs one parser on one case in a child process: a crash or a hang (10 s) is reported, not fatal.
void run_case(const Case& c, const char* parser) {
  bool print = c.html.size() < 4096;
  int fds[2];
  if (pipe(fds) != 0) return;
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    const char* limit = std::getenv("PARSER_BENCH_TIMEOUT");
    alarm(limit ? std::atoi(limit) : 10);
    std::string out;
    Stats st;
    reset_peak_rss();
    long base = status_kb("VmHWM:");
    auto t0 = Clock::now();
    if (std::strcmp(parser, "gumbo") == 0) {
      GumboOutput* o = gumbo_parse_with_options(&kGumboDefaultOptions, c.html.data(), c.html.size());
      dump_gumbo(o->document, &out, &st, print);
      gumbo_destroy_output(&kGumboDefaultOptions, o);
    } else if (std::strcmp(parser, "tree") == 0) {
      htmlDocPtr d = htmlReadMemory(c.html.data(), static_cast<int>(c.html.size()), nullptr, "UTF-8", kTreeOptions);
      if (d) dump_xml(d->children, &out, &st, print);
      else out = "(no document)";
      if (d) xmlFreeDoc(d);
    } else if (std::strcmp(parser, "sax0") == 0) {
      parse_sax0(c.html);
      out = "(no tree)";
    } else {
      lede::parse::Dom dom;
      auto r = lede::parse::parse_html(c.html, lede::parse::ParseLimits{}, &dom);
      dump_dom(dom, &out, &st, print);
      if (r.truncated) out += " [truncated]";
    }
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    long peak = status_kb("VmHWM:") - base;
    std::string line = (print ? out + "\n    " : std::string("    ")) + "nodes=" + std::to_string(st.nodes) +
                       " max_depth=" + std::to_string(st.max_depth) +
                       " END_at_depth=" + std::to_string(st.marker_depth) + " END_parent=" + st.marker_parent +
                       " after_at_depth=" + std::to_string(st.after_depth) +
                       " ms=" + std::to_string(ms) + " peak_rss_dKB=" + std::to_string(peak) + "\n";
    if (write(fds[1], line.data(), line.size()) < 0) _exit(3);
    _exit(0);
  }
  close(fds[1]);
  std::string got;
  char buf[4096];
  ssize_t k;
  while ((k = read(fds[0], buf, sizeof buf)) > 0) got.append(buf, k);
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  std::printf("  %-6s ", parser);
  if (WIFSIGNALED(status)) {
    std::printf("CRASHED/KILLED by signal %d (%s)\n", WTERMSIG(status), strsignal(WTERMSIG(status)));
  } else {
    std::printf("%s", got.c_str());
  }
  std::fflush(stdout);
}

int run_cases(const char* only) {
  for (const Case& c : make_cases()) {
    if (only && std::strcmp(only, c.name) != 0) continue;
    std::printf("== %s (%zu bytes)\n", c.name, c.html.size());
    if (c.html.size() < 400) {
      std::string shown;
      for (char ch : c.html) shown += ch == '\0' ? std::string("\\0") : std::string(1, ch);
      std::printf("  input: %s\n", shown.c_str());
    }
    for (const char* p : {"gumbo", "tree", "lede", "sax0"}) run_case(c, p);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  xmlInitParser();
  if (argc >= 2 && std::strcmp(argv[1], "--cases") == 0) return run_cases(argc >= 3 ? argv[2] : nullptr);
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR [gumbo|tree|lede|sax0]... | --cases [NAME]\n", argv[0]);
    return 2;
  }
  std::vector<std::string> which(argv + 2, argv + argc);
  return run_speed(argv[1], which);
}
