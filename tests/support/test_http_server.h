// Test helper: a real HTTP server on 127.0.0.1 at an ephemeral port
// (cpp-httplib), started and stopped by the test that owns it. Tests add
// routes through server() before Start(); the helper records every request
// (path and arrival time) so tests can count hits and check spacing. With
// UseClock(), arrival times come from that clock (a ManualClock shared with
// the fetcher under test), so spacing is checked without sleeping.
//
// Only 127.0.0.1 is ever bound; nothing here sends traffic anywhere else.
// Handlers that stall must poll stopping() so Stop() never waits long.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/web/clock.h"

namespace cn::testing {

class TestHttpServer {
 public:
  using Clock = std::chrono::steady_clock;

  // `threads`: server worker threads. cpp-httplib holds one per keep-alive
  // connection, so it must be at least the client's concurrency.
  explicit TestHttpServer(size_t threads = 8) {
    server_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    // Before binding: accepted sockets inherit TCP_NODELAY from the listening
    // one, which avoids 40 ms delayed-ACK stalls between headers and body.
    server_.set_tcp_nodelay(true);
    server_.set_keep_alive_max_count(1000);
    port_ = server_.bind_to_any_port("127.0.0.1");
    server_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response&) {
      std::lock_guard<std::mutex> lock(mutex_);
      hits_[req.path].push_back(clock_ != nullptr ? clock_->Now() : Clock::now());
      requests_.push_back(req.path);
      headers_[req.path] = req.headers;
      return httplib::Server::HandlerResponse::Unhandled;
    });
  }
  ~TestHttpServer() { Stop(); }

  httplib::Server& server() { return server_; }
  // Before Start(); `clock` must outlive the server.
  void UseClock(cn::Clock* clock) { clock_ = clock; }
  int port() const { return port_; }
  std::string Url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

  void Start() {
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    for (int i = 0; i < 200 && !server_.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  void Stop() {
    stopping_ = true;
    if (thread_.joinable()) {
      server_.stop();
      thread_.join();
    }
  }
  bool stopping() const { return stopping_; }

  // Sleeps up to `total` in small steps, returning early when stopping.
  void SleepUnlessStopping(std::chrono::milliseconds total) const {
    auto end = Clock::now() + total;
    while (!stopping_ && Clock::now() < end) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }

  int Hits(const std::string& path) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = hits_.find(path);
    return it == hits_.end() ? 0 : static_cast<int>(it->second.size());
  }
  std::vector<Clock::time_point> HitTimes(const std::string& path) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = hits_.find(path);
    return it == hits_.end() ? std::vector<Clock::time_point>{} : it->second;
  }
  std::vector<std::string> Requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }
  // Request headers of the last request to `path` ("" when absent).
  std::string LastHeader(const std::string& path, const std::string& name) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = headers_.find(path);
    if (it == headers_.end()) return "";
    auto h = it->second.find(name);
    return h == it->second.end() ? "" : h->second;
  }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = -1;
  std::atomic<bool> stopping_{false};
  cn::Clock* clock_ = nullptr;
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<Clock::time_point>> hits_;
  std::map<std::string, httplib::Headers> headers_;
  std::vector<std::string> requests_;
};

}  // namespace cn::testing
