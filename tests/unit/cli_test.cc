// The `lede` command as a user runs it: a real process (popen through /bin/sh), real files, exit codes and
// standard error. Each test works in its own fresh temporary folder and removes it afterwards.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lede/extract.h"
#include "origin_server.h"

namespace {

namespace fs = std::filesystem;

// ---- A small strict JSON reader: enough to check a document is valid and read its top-level strings. ----

class JsonReader {
 public:
  explicit JsonReader(std::string_view s) : s_(s) {}

  // True when the whole input is one valid JSON object; its string members go to *strings.
  bool read_object(std::map<std::string, std::string>* strings) {
    skip_space();
    if (!object(strings)) return false;
    skip_space();
    return pos_ == s_.size();
  }

 private:
  void skip_space() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r' || s_[pos_] == '\t')) ++pos_;
  }
  bool eat(char c) {
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  bool object(std::map<std::string, std::string>* strings) {
    if (!eat('{')) return false;
    if (eat('}')) return true;
    do {
      skip_space();
      std::string key;
      if (!string(&key) || !eat(':')) return false;
      skip_space();
      if (strings && pos_ < s_.size() && s_[pos_] == '"') {
        std::string value;
        if (!string(&value)) return false;
        (*strings)[key] = value;
      } else if (!value()) {
        return false;
      }
    } while (eat(','));
    return eat('}');
  }

  bool array() {
    if (!eat('[')) return false;
    if (eat(']')) return true;
    do {
      if (!value()) return false;
    } while (eat(','));
    return eat(']');
  }

  bool value() {
    skip_space();
    if (pos_ >= s_.size()) return false;
    char c = s_[pos_];
    if (c == '{') return object(nullptr);
    if (c == '[') return array();
    if (c == '"') {
      std::string ignored;
      return string(&ignored);
    }
    if (c == 't') return literal("true");
    if (c == 'f') return literal("false");
    if (c == 'n') return literal("null");
    return number();
  }

  bool number() {
    std::size_t start = pos_;
    if (pos_ < s_.size() && s_[pos_] == '-') ++pos_;
    std::size_t digits = pos_;
    while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    if (pos_ == digits) return false;
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      std::size_t frac = pos_;
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      if (pos_ == frac) return false;
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      std::size_t exp = pos_;
      while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) ++pos_;
      if (pos_ == exp) return false;
    }
    return pos_ > start;
  }

  bool hex4(unsigned* out) {
    if (pos_ + 4 > s_.size()) return false;
    *out = 0;
    for (int k = 0; k < 4; ++k) {
      char c = s_[pos_++];
      *out <<= 4;
      if (c >= '0' && c <= '9') *out |= c - '0';
      else if (c >= 'a' && c <= 'f') *out |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') *out |= c - 'A' + 10;
      else return false;
    }
    return true;
  }

  static void append_utf8(unsigned cp, std::string* out) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  bool string(std::string* out) {
    if (pos_ >= s_.size() || s_[pos_] != '"') return false;
    ++pos_;
    while (pos_ < s_.size()) {
      unsigned char c = static_cast<unsigned char>(s_[pos_++]);
      if (c == '"') return true;
      if (c < 0x20) return false;  // raw control characters are not allowed in JSON strings
      if (c != '\\') {
        out->push_back(static_cast<char>(c));
        continue;
      }
      if (pos_ >= s_.size()) return false;
      char e = s_[pos_++];
      switch (e) {
        case '"': out->push_back('"'); break;
        case '\\': out->push_back('\\'); break;
        case '/': out->push_back('/'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          unsigned cp;
          if (!hex4(&cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00) {
            unsigned low;
            if (!literal("\\u") || !hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp < 0xE000) {
            return false;
          }
          append_utf8(cp, out);
          break;
        }
        default: return false;
      }
    }
    return false;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

// ---- Running the binary. ----

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') q += "'\\''";
    else q.push_back(c);
  }
  return q + "'";
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_file(const fs::path& path, std::string_view data) {
  std::ofstream out(path, std::ios::binary);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
}

std::string fixture(const std::string& name) { return std::string(LEDE_FIXTURES) + "/cli/" + name; }
std::string example_page() { return std::string(LEDE_EXAMPLES) + "/news-page.html"; }

const std::vector<std::string> kPages = {"harbour.html", "library.html", "orchard.html"};

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "lede-cli-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // Runs `lede ARGS...`, standard input from `stdin_path` (or /dev/null), and collects both outputs.
  Result lede(const std::vector<std::string>& args, const std::string& stdin_path = "/dev/null") {
    std::string err_path = (dir_ / ("stderr-" + std::to_string(++runs_))).string();
    // Appended piece by piece: `" " + std::string` trips GCC 12's false -Wrestrict alarm.
    std::string command = shell_quote(LEDE_CLI);
    for (const std::string& a : args) command.append(" ").append(shell_quote(a));
    command.append(" <").append(shell_quote(stdin_path)).append(" 2>").append(shell_quote(err_path));
    Result run;
    std::FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return run;
    char buffer[1 << 14];
    std::size_t got;
    while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, got);
    int status = pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.err = read_file(err_path);
    return run;
  }

  // A folder of the test pages (copied, so tests can add bad ones), returned as a path.
  fs::path page_folder(const std::string& name) {
    fs::path folder = dir_ / name;
    fs::create_directories(folder);
    for (const std::string& page : kPages) fs::copy_file(fixture(page), folder / page);
    return folder;
  }

  fs::path dir_;
  int runs_ = 0;
};

std::vector<std::string> listing(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// ---- The tests. ----

TEST(JsonReaderTest, AcceptsValidAndRejectsInvalid) {
  std::map<std::string, std::string> strings;
  EXPECT_TRUE(JsonReader(R"({"a":"x\u00e9\n","b":[1,-2.5e3,true,null,{}],"c":{"d":"e"}})").read_object(&strings));
  EXPECT_EQ(strings["a"], "x\xC3\xA9\n");
  EXPECT_EQ(strings.count("d"), 0u);
  EXPECT_FALSE(JsonReader(R"({"a":"x")").read_object(&strings));
  EXPECT_FALSE(JsonReader(R"({"a":1,})").read_object(&strings));
  EXPECT_FALSE(JsonReader("{\"a\":\"tab\there\"}").read_object(&strings));
  EXPECT_FALSE(JsonReader(R"({"a":1} x)").read_object(&strings));
}

TEST_F(Cli, Version) {
  Result run = lede({"--version"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, std::string("lede ") + lede::version() + "\n");
}

TEST_F(Cli, UsageErrorsExitTwo) {
  Result no_command = lede({});
  EXPECT_EQ(no_command.exit_code, 2);
  EXPECT_FALSE(no_command.err.empty());

  Result no_input = lede({"extract", "--format", "json"});
  EXPECT_EQ(no_input.exit_code, 2);
  EXPECT_NE(no_input.err.find("no inputs"), std::string::npos) << no_input.err;

  Result bad_format = lede({"extract", fixture("harbour.html"), "--format", "pdf"});
  EXPECT_EQ(bad_format.exit_code, 2);
  EXPECT_NE(bad_format.err.find("pdf"), std::string::npos) << bad_format.err;
  EXPECT_TRUE(bad_format.out.empty());
}

TEST_F(Cli, BenchTimesAFolderAndWritesItsPredictions) {
  fs::path pages = page_folder("set");
  fs::path out = dir_ / "pred";
  Result run = lede({"bench", pages.string(), "--output", out.string(), "--max-ms", "0", "--repeat", "2"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("set"), std::string::npos) << run.out;
  EXPECT_EQ(listing(out / "set"), (std::vector<std::string>{"harbour.json", "library.json", "orchard.json"}));
  EXPECT_NE(read_file(out / "set" / "harbour.json").find("\"schema\":\"lede/1\""), std::string::npos);
  EXPECT_EQ(lede({"bench", pages.string(), "--repeat", "0"}).exit_code, 2);
}

TEST_F(Cli, Json) {
  Result run = lede({"extract", fixture("harbour.html"), "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.err.empty()) << run.err;
  std::map<std::string, std::string> doc;
  ASSERT_TRUE(JsonReader(run.out).read_object(&doc)) << "not one valid JSON object:\n" << run.out;
  EXPECT_EQ(doc["schema"], "lede/1");
  EXPECT_EQ(doc["title"], "Night ferry returns to the old harbour");
  EXPECT_TRUE(doc["text"].starts_with("The night ferry between the old harbour and the island")) << doc["text"];
  EXPECT_NE(doc["text"].find("\"People on the island have waited long enough"), std::string::npos) << doc["text"];
  EXPECT_EQ(doc["text"].find("Coastline Courier"), std::string::npos) << doc["text"];
}

TEST_F(Cli, JsonOfTheExamplePage) {
  Result run = lede({"extract", example_page(), "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::map<std::string, std::string> doc;
  ASSERT_TRUE(JsonReader(run.out).read_object(&doc)) << run.out;
  EXPECT_EQ(doc["title"], "Аналитик Мельник: Дунайский коридор стал главной артерией украинского агроэкспорта");
  EXPECT_NE(doc["text"].find("\"Еще три года назад дунайские порты"), std::string::npos);
  EXPECT_EQ(doc["text"].find("menu closed"), std::string::npos);
}

TEST_F(Cli, Markdown) {
  Result run = lede({"extract", fixture("harbour.html"), "--format", "markdown"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.out.starts_with("# Night ferry returns to the old harbour\n\n")) << run.out;
  EXPECT_NE(run.out.find("\n> \"People on the island have waited long enough"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("Tickets go on sale on Friday"), std::string::npos) << run.out;
  // Links are plain text unless asked for.
  EXPECT_EQ(run.out.find("]("), std::string::npos) << run.out;
}

TEST_F(Cli, Html) {
  Result run = lede({"extract", fixture("harbour.html"), "--format", "html"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.out.starts_with("<!DOCTYPE html>\n<html lang=\"en\">")) << run.out;
  EXPECT_NE(run.out.find("<h1>Night ferry returns to the old harbour</h1>"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("<blockquote>\n<p>\"People on the island have waited long enough"), std::string::npos) << run.out;
  EXPECT_TRUE(run.out.ends_with("</article>\n</body>\n</html>\n")) << run.out;
  // The page's own markup never passes: no script, no class of the source.
  EXPECT_EQ(run.out.find("<script"), std::string::npos) << run.out;
}

TEST_F(Cli, HtmlIsNeverWrittenOverItsPage) {
  // NAME.html into the folder NAME.html came from would replace the page by its article: refused.
  fs::path in = page_folder("in-place");
  const std::string before = read_file(in / "harbour.html");
  Result run = lede({"extract", (in / "harbour.html").string(), "--format", "html", "--output", in.string()});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.err.find("is the input page itself"), std::string::npos) << run.err;
  EXPECT_EQ(read_file(in / "harbour.html"), before);
}

TEST_F(Cli, MarkdownLinksResolveAgainstUrl) {
  Result run = lede({"extract", fixture("harbour.html"), "--format", "markdown", "--links", "--url",
                  "https://coastline.example/news/ferry.html"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("[new timetable](https://coastline.example/ferries/timetable.html)"), std::string::npos)
      << run.out;
}

TEST_F(Cli, Text) {
  Result run = lede({"extract", fixture("orchard.html"), "--format", "text"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(run.out.starts_with("More than forty volunteers")) << run.out;
  EXPECT_NE(run.out.find("two winters ago.\n\nThe new trees"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("- twelve apple trees\n- six pear trees\n- two quince trees"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("Parish newsletter"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find('#'), std::string::npos) << run.out;
}

TEST_F(Cli, TextIsTheDefaultFormat) {
  Result plain = lede({"extract", fixture("library.html")});
  Result text = lede({"extract", fixture("library.html"), "--format", "text"});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(plain.out, text.out);
  EXPECT_NE(plain.out.find("Центральная городская библиотека открыла"), std::string::npos) << plain.out;
}

TEST_F(Cli, CharsetOverridesTheDeclaredOne) {
  // fair.html is windows-1251 bytes under a <meta charset="koi8-r">.
  Result run = lede({"extract", fixture("charset/fair.html"), "--charset", "windows-1251", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::map<std::string, std::string> doc;
  ASSERT_TRUE(JsonReader(run.out).read_object(&doc)) << run.out;
  EXPECT_EQ(doc["encoding"], "windows-1251");
  EXPECT_EQ(doc["title"], "Весенняя ярмарка откроется в субботу");
  EXPECT_NE(doc["text"].find("Организаторы обещают больше сотни палаток"), std::string::npos) << doc["text"];
}

TEST_F(Cli, FolderToOutputDir) {
  fs::path in = page_folder("in");
  write_file(in / "notes.txt", "not a page");
  const std::map<std::string, std::string> extension = {
      {"text", ".txt"}, {"markdown", ".md"}, {"html", ".html"}, {"json", ".json"}};
  for (const auto& [format, ext] : extension) {
    fs::path out = dir_ / ("out-" + format);
    Result run = lede({"extract", in.string(), "--format", format, "--output", out.string(), "--threads", "2"});
    ASSERT_EQ(run.exit_code, 0) << format << ": " << run.err;
    EXPECT_TRUE(run.out.empty()) << "with --output nothing goes to stdout: " << run.out;
    std::vector<std::string> expected;
    for (const std::string& page : kPages) expected.push_back(fs::path(page).stem().string() + ext);
    EXPECT_EQ(listing(out), expected) << format;
    // Each file holds what the page alone gives on standard output.
    for (const std::string& page : kPages) {
      Result alone = lede({"extract", fixture(page), "--format", format});
      EXPECT_EQ(read_file(out / (fs::path(page).stem().string() + ext)), alone.out) << format << " " << page;
      if (format == "json") {
        std::map<std::string, std::string> doc;
        EXPECT_TRUE(JsonReader(alone.out).read_object(&doc)) << page;
      }
    }
  }
}

TEST_F(Cli, StandardInput) {
  Result from_stdin = lede({"extract", "-", "--format", "markdown"}, example_page());
  Result from_file = lede({"extract", example_page(), "--format", "markdown"});
  ASSERT_EQ(from_stdin.exit_code, 0) << from_stdin.err;
  EXPECT_EQ(from_stdin.out, from_file.out);
  EXPECT_NE(from_stdin.out.find("После блокады черноморских портов"), std::string::npos);
}

TEST_F(Cli, StandardInputToOutputDir) {
  fs::path out = dir_ / "out";
  Result run = lede({"extract", "-", "--output", out.string()}, fixture("harbour.html"));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(listing(out), std::vector<std::string>{"stdin.txt"});
}

TEST_F(Cli, MissingFileFailsButTheOthersAreWritten) {
  fs::path out = dir_ / "out";
  std::string missing = (dir_ / "no-such-page.html").string();
  Result run = lede({"extract", fixture("harbour.html"), missing, fixture("library.html"), "--output", out.string()});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.err.find("no-such-page.html"), std::string::npos) << run.err;
  EXPECT_EQ(listing(out), (std::vector<std::string>{"harbour.txt", "library.txt"}));
  EXPECT_NE(read_file(out / "library.txt").find("Центральная городская библиотека"), std::string::npos);
}

TEST_F(Cli, MissingFileToStdoutStillPrintsTheOthers) {
  std::string missing = (dir_ / "no-such-page.html").string();
  Result run = lede({"extract", missing, fixture("orchard.html")});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.err.find("no-such-page.html"), std::string::npos) << run.err;
  EXPECT_NE(run.out.find("More than forty volunteers"), std::string::npos) << run.out;
}

TEST_F(Cli, EmptyFile) {
  fs::path empty = dir_ / "empty.html";
  write_file(empty, "");
  Result run = lede({"extract", empty.string()});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_TRUE(run.out.empty()) << run.out;
  EXPECT_NE(run.err.find("empty.html"), std::string::npos) << run.err;
  std::size_t name_at = run.err.find("empty.html");
  EXPECT_NE(run.err.find("empty", name_at + 10), std::string::npos) << "no word on why: " << run.err;

  fs::path blank = dir_ / "blank.html";
  write_file(blank, " \n\t\r\n ");
  Result blank_run = lede({"extract", blank.string(), "--format", "json"});
  EXPECT_NE(blank_run.exit_code, 0);
  EXPECT_TRUE(blank_run.out.empty()) << blank_run.out;
  EXPECT_NE(blank_run.err.find("blank.html: the page is empty"), std::string::npos) << blank_run.err;
}

TEST_F(Cli, BadPageAmongGoodOnes) {
  fs::path in = page_folder("in");
  write_file(in / "broken.html", "");
  fs::path out = dir_ / "out";
  Result run = lede({"extract", in.string(), "--format", "json", "--output", out.string(), "--threads", "2"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.err.find("broken.html"), std::string::npos) << run.err;
  EXPECT_EQ(listing(out), (std::vector<std::string>{"harbour.json", "library.json", "orchard.json"}));
  for (const std::string& name : listing(out)) {
    std::map<std::string, std::string> doc;
    EXPECT_TRUE(JsonReader(read_file(out / name)).read_object(&doc)) << name;
    EXPECT_FALSE(doc["text"].empty()) << name;
  }
}

TEST_F(Cli, ThreadsDoNotChangeTheOutput) {
  // Enough pages of different sizes that two workers finish out of order.
  fs::path in = dir_ / "in";
  fs::create_directories(in);
  for (int copy = 0; copy < 4; ++copy) {
    for (const std::string& page : kPages) fs::copy_file(fixture(page), in / (std::to_string(copy) + "-" + page));
    fs::copy_file(example_page(), in / (std::to_string(copy) + "-news-page.html"));
  }
  for (std::string format : {"json", "text", "markdown"}) {
    Result one = lede({"extract", in.string(), "--format", format, "--threads", "1"});
    Result two = lede({"extract", in.string(), "--format", format, "--threads", "2"});
    ASSERT_EQ(one.exit_code, 0) << one.err;
    ASSERT_EQ(two.exit_code, 0) << two.err;
    EXPECT_FALSE(one.out.empty());
    EXPECT_TRUE(one.out == two.out) << format << ": --threads 2 output differs from --threads 1";

    fs::path out_one = dir_ / ("one-" + format), out_two = dir_ / ("two-" + format);
    ASSERT_EQ(lede({"extract", in.string(), "--format", format, "--threads", "1", "--output", out_one.string()}).exit_code, 0);
    ASSERT_EQ(lede({"extract", in.string(), "--format", format, "--threads", "2", "--output", out_two.string()}).exit_code, 0);
    ASSERT_EQ(listing(out_one), listing(out_two));
    EXPECT_EQ(listing(out_one).size(), 16u);
    for (const std::string& name : listing(out_one)) {
      EXPECT_TRUE(read_file(out_one / name) == read_file(out_two / name)) << format << " " << name;
    }
  }
}

TEST_F(Cli, JsonLinesForManyPages) {
  // Many pages to stdout as JSON: one document a line, in input order.
  Result run = lede({"extract", fixture("harbour.html"), fixture("library.html"), "--format", "json", "--threads", "2"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t nl; (nl = run.out.find('\n', start)) != std::string::npos; start = nl + 1)
    lines.push_back(run.out.substr(start, nl - start));
  ASSERT_EQ(lines.size(), 2u) << run.out;
  std::map<std::string, std::string> first, second;
  ASSERT_TRUE(JsonReader(lines[0]).read_object(&first));
  ASSERT_TRUE(JsonReader(lines[1]).read_object(&second));
  EXPECT_EQ(first["title"], "Night ferry returns to the old harbour");
  EXPECT_EQ(second["title"], "В городской библиотеке открылся зал настольных игр");
}

TEST_F(Cli, InputListReadsOneInputALine) {
  // Blank lines, '#' comments and the white space around a line are skipped; the list adds to the arguments.
  fs::path list = dir_ / "pages.txt";
  write_file(list, "# tonight's pages\n\n  " + fixture("harbour.html") + "  \n" + fixture("library.html") + "\n");
  Result run = lede({"extract", fixture("orchard.html"), "--input-list", list.string(), "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(std::count(run.out.begin(), run.out.end(), '\n'), 3) << run.out;
  EXPECT_NE(run.out.find("Night ferry returns to the old harbour"), std::string::npos) << run.out;
  // From standard input, which then cannot also be a page.
  Result piped = lede({"extract", "--input-list", "-", "--format", "json"}, list.string());
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_EQ(std::count(piped.out.begin(), piped.out.end(), '\n'), 2) << piped.out;
  EXPECT_EQ(lede({"extract", "-", "--input-list", "-"}, list.string()).exit_code, 2);
  Result missing = lede({"extract", "--input-list", (dir_ / "no-such-list.txt").string()});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("no-such-list.txt"), std::string::npos) << missing.err;
}

TEST_F(Cli, RepeatedNamesAreNumbered) {
  // Two folders' harbour.html (and the same file given twice) write harbour, harbour-2, harbour-3.
  fs::path a = page_folder("a"), b = page_folder("b");
  fs::path out = dir_ / "out";
  Result run = lede({"extract", (a / "harbour.html").string(), (b / "harbour.html").string(), (a / "harbour.html").string(),
                     "--output", out.string()});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(listing(out), (std::vector<std::string>{"harbour-2.txt", "harbour-3.txt", "harbour.txt"}));
  EXPECT_EQ(read_file(out / "harbour-2.txt"), read_file(out / "harbour.txt"));
}

// ---- URLs: fetched from a local origin the test runs (loopback, hence --allow-private). ----

std::string day_utc(std::time_t when) {
  std::tm day{};
  gmtime_r(&when, &day);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &day);
  return text;
}

const char kYesterdayPage[] =
    "<html lang=ru><head><meta charset=utf-8><title>Мост открыли после ремонта</title></head><body>"
    "<article><h1>Мост открыли после ремонта</h1><p class=date>вчера, 14:30</p>"
    "<p>Движение по мосту через реку открыли после полугода ремонта, сообщили в администрации города. "
    "Рабочие заменили покрытие, перила и освещение, а также укрепили опоры.</p>"
    "<p>По словам инженеров, мост прослужит без капитального ремонта ещё не меньше тридцати лет.</p>"
    "</article></body></html>";

TEST_F(Cli, FetchesAUrlAndUsesWhatTheFetchSays) {
  // fair.html is windows-1251 bytes under a <meta charset="koi8-r">: served as windows-1251, the
  // header's charset decodes it; the page's URL is the one the redirect ended at.
  Origin origin({{"/fair", read_file(fixture("charset/fair.html")), "text/html; charset=windows-1251"}});
  Result run = lede({"extract", origin.base() + "/redirect?to=/fair", "--allow-private", "--format", "json"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::map<std::string, std::string> doc;
  ASSERT_TRUE(JsonReader(run.out).read_object(&doc)) << run.out;
  EXPECT_EQ(doc["url"], origin.base() + "/fair");
  EXPECT_EQ(doc["encoding"], "windows-1251");
  EXPECT_EQ(doc["title"], "Весенняя ярмарка откроется в субботу");
}

TEST_F(Cli, AFetchedPageCountsRelativeDatesFromToday) {
  Origin origin({{"/bridge", kYesterdayPage, "text/html"}});
  const std::time_t before = std::time(nullptr);
  Result run = lede({"extract", origin.base() + "/bridge", "--allow-private", "--format", "json"});
  const std::time_t after = std::time(nullptr);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  std::map<std::string, std::string> doc;
  ASSERT_TRUE(JsonReader(run.out).read_object(&doc)) << run.out;
  const std::string day = doc["published"].substr(0, 10);
  EXPECT_TRUE(day == day_utc(before - 86400) || day == day_utc(after - 86400)) << doc["published"];
  // A reference date the user gives wins over today.
  run = lede({"extract", origin.base() + "/bridge", "--allow-private", "--format", "json", "--reference-date", "2024-03-15"});
  doc.clear();
  ASSERT_TRUE(JsonReader(run.out).read_object(&doc)) << run.out;
  EXPECT_EQ(doc["published"].substr(0, 10), "2024-03-14");
}

TEST_F(Cli, LoopbackAndPrivateUrlsNeedAllowPrivate) {
  Origin origin;
  Result run = lede({"extract", origin.base() + "/article"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(run.out.empty()) << run.out;
  EXPECT_NE(run.err.find("loopback"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("--allow-private"), std::string::npos) << run.err;
  EXPECT_EQ(origin.article_hits, 0);
  run = lede({"extract", "http://169.254.169.254/latest/meta-data/"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("link_local"), std::string::npos) << run.err;
}

TEST_F(Cli, AFailedFetchFailsButTheOthersAreWritten) {
  Origin origin;
  fs::path out = dir_ / "out";
  Result run = lede({"extract", origin.base() + "/missing", origin.base() + "/article", fixture("harbour.html"),
                     origin.base() + "/article#again", "--allow-private", "--output", out.string(), "--threads", "2"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("HTTP 404"), std::string::npos) << run.err;
  const std::string name = "127.0.0.1_" + std::to_string(origin.port()) + "_article";
  EXPECT_EQ(listing(out), (std::vector<std::string>{name + "-2.txt", name + ".txt", "harbour.txt"}));
  EXPECT_NE(read_file(out / (name + ".txt")).find("The origin server's page is long enough"), std::string::npos);
}

TEST_F(Cli, UnfetchableUrlsAreClearErrors) {
  Result run = lede({"extract", "http://", "https://bad host/"});
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("http://"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("bad host"), std::string::npos) << run.err;
}

}  // namespace
