// A local web server for the fetch tests (serve_test.cc, cli_test.cc), on a free loopback port for the
// life of the object: /article (a page), /redirect?to=URL (302), /missing (404), /big (2 MiB), and the
// extra pages a test gives, each served with its own Content-Type.
#pragma once

#include <httplib.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

struct OriginPage {
  std::string path;
  std::string body;
  std::string content_type;
};

class Origin {
 public:
  explicit Origin(const std::vector<OriginPage>& extra = {}) {
    server_.Get("/article", [this](const httplib::Request&, httplib::Response& res) {
      ++article_hits;
      res.set_content(
          "<html lang=en><head><title>Origin story</title></head><body><nav>Home | News</nav><article>"
          "<h1>Origin story</h1><p>The origin server's page is long enough to be read as the article of "
          "this test, with a second sentence for good measure.</p></article></body></html>",
          "text/html; charset=utf-8");
    });
    server_.Get("/redirect", [](const httplib::Request& req, httplib::Response& res) {
      res.status = 302;
      res.set_header("Location", req.get_param_value("to"));
    });
    server_.Get("/missing", [](const httplib::Request&, httplib::Response& res) {
      res.status = 404;
      res.set_content("<p>gone</p>", "text/html");
    });
    server_.Get("/big", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(2u << 20, 'x'), "text/html");
    });
    for (const OriginPage& page : extra) {
      server_.Get(page.path, [page](const httplib::Request&, httplib::Response& res) {
        res.set_content(page.body, page.content_type);
      });
    }
    port_ = server_.bind_to_any_port("127.0.0.1");
    // Bound and listening already: connections wait in the backlog until the thread accepts them.
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~Origin() {
    server_.stop();
    thread_.join();
  }
  Origin(const Origin&) = delete;
  Origin& operator=(const Origin&) = delete;

  int port() const { return port_; }
  std::string base() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::string host_port() const { return "127.0.0.1:" + std::to_string(port_); }

  std::atomic<int> article_hits{0};

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
};
