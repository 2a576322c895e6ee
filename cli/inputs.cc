// File-system side of the CLI: listing folders, reading pages, writing results without leaving a
// half-written file behind.
#include "inputs.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

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

}  // namespace

std::vector<Input> expand_inputs(const std::vector<std::string>& args, std::vector<std::string>* errors) {
  std::vector<Input> inputs;
  for (const std::string& arg : args) {
    if (arg == "-") {
      inputs.push_back({"-", "stdin"});
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
  return inputs;
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
