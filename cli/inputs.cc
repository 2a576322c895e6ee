// File-system side of the CLI: listing folders, reading pages, writing results without leaving a
// half-written file behind.
#include "inputs.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <set>
#include <string_view>

namespace lede::cli {
namespace fs = std::filesystem;

namespace {

bool is_page(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".html" || ext == ".htm" || ext == ".xhtml";
}

std::string base_name(const fs::path& p) {
  return is_page(p) ? p.stem().string() : p.filename().string();
}

bool starts_with_nocase(const std::string& text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  return true;
}

// "https://www.example.com/news/story.html?id=3" -> "www.example.com_news_story.html_id_3": the URL
// without its scheme, user information and fragment, every run of characters other than letters, digits,
// '.' and '-' one '_', a trailing .html / .htm dropped, at most 120 bytes.
std::string url_name(const std::string& url) {
  std::string rest = url.substr(url.find("://") + 3);
  rest = rest.substr(0, rest.find('#'));
  const std::size_t at = rest.find('@');  // user:password@ stays out of file names
  if (at != std::string::npos && at < rest.find('/')) rest.erase(0, at + 1);
  std::string name;
  for (char c : rest) {
    const bool keep = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
    if (keep) name += c;
    else if (!name.empty() && name.back() != '_') name += '_';
  }
  while (!name.empty() && name.back() == '_') name.pop_back();
  for (std::string_view ext : {".html", ".htm"}) {
    if (name.size() > ext.size() && starts_with_nocase(name.substr(name.size() - ext.size()), ext)) {
      name.resize(name.size() - ext.size());
      break;
    }
  }
  if (name.size() > 120) name.resize(120);
  return name.empty() ? "page" : name;
}

// Gives every input a name no earlier one has: two folders' index.html write index and index-2.
void make_names_unique(std::vector<Input>* inputs) {
  std::set<std::string> taken;
  for (Input& input : *inputs) {
    std::string name = input.name;
    for (int n = 2; !taken.insert(name).second; ++n) name = input.name + "-" + std::to_string(n);
    input.name = std::move(name);
  }
}

}  // namespace

bool is_url_argument(const std::string& arg) {
  return starts_with_nocase(arg, "http://") || starts_with_nocase(arg, "https://");
}

std::vector<Input> expand_inputs(const std::vector<std::string>& args, std::vector<std::string>* errors) {
  std::vector<Input> inputs;
  for (const std::string& arg : args) {
    if (arg == "-") {
      inputs.push_back({"-", "stdin"});
      continue;
    }
    if (is_url_argument(arg)) {
      inputs.push_back({arg, url_name(arg), true});
      continue;
    }
    std::error_code ec;
    fs::file_status status = fs::status(arg, ec);
    if (ec || !fs::exists(status)) {
      errors->push_back(arg + ": no such file or directory");
      continue;
    }
    if (fs::is_directory(status)) {
      std::vector<fs::path> pages;
      for (auto it = fs::recursive_directory_iterator(arg, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && is_page(it->path())) pages.push_back(it->path());
      }
      if (ec) errors->push_back(arg + ": " + ec.message());
      std::sort(pages.begin(), pages.end());
      for (const fs::path& p : pages) inputs.push_back({p.string(), base_name(p)});
      continue;
    }
    inputs.push_back({arg, base_name(arg)});
  }
  make_names_unique(&inputs);
  return inputs;
}

bool read_input_list(const std::string& path, std::vector<std::string>* inputs, std::string* error) {
  std::string text;
  if (!read_input({path, path, false}, &text, error)) return false;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + start, end - start);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
    if (!line.empty() && line.front() != '#') inputs->emplace_back(line);
    start = end + 1;
  }
  return true;
}

bool read_input(const Input& input, std::string* bytes, std::string* error) {
  bytes->clear();
  if (input.path == "-") {
    bytes->assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    if (std::cin.bad()) {
      *error = "cannot read standard input";
      return false;
    }
    return true;
  }
  std::FILE* f = std::fopen(input.path.c_str(), "rb");
  if (!f) {
    *error = std::strerror(errno);
    return false;
  }
  char buffer[1 << 16];
  std::size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, f)) > 0) bytes->append(buffer, got);
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) {
    *error = "read error";
    return false;
  }
  return true;
}

bool write_file_atomic(const std::string& path, const std::string& data, std::string* error) {
  std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) {
    *error = std::string("cannot write: ") + std::strerror(errno);
    return false;
  }
  bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    *error = std::string("cannot write: ") + std::strerror(errno);
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

}  // namespace lede::cli
