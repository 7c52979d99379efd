// SPDX-License-Identifier: GPL-3.0-or-later
// A process killed (SIGKILL) at any moment while saving loses nothing it had already saved, and
// leaves a database that passes PRAGMA integrity_check and an intact audit chain.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <random>

#include "store_fixture.h"

using namespace zb;

namespace {

// Child: saves patients, retrievals and audit records as fast as it can, and after each commit
// writes the number of the save to the pipe. Never returns.
[[noreturn]] void Writer(const test::StoreFile& f, int ack) noexcept {
  // noexcept: an exception here must end the child (abort), never unwind into the parent's test runner.
  auto opened = store::LocalStore::Open(f.path, f.key);
  if (!opened) _exit(3);
  auto& s = *opened.value();
  // Five synthetic BSNs (all pass the 11-test), used in turn.
  const char* bsns[] = {"999991000", "999900109", "999911120", "999910012", "999910024"};
  for (std::uint32_t i = 1;; ++i) {
    domain::AuditEvent e;
    e.at = boost::posix_time::second_clock::universal_time();
    e.actor = {"900022159", "A. de Vries", "01.047", "90000380"};
    e.patientBsn = bsns[i % 5];
    e.action = domain::AuditAction::kViewOverview;
    e.context = "save " + std::to_string(i);
    if (!s.audit().Append(e)) _exit(4);
    auto p = s.patients().FindByBsn(domain::Bsn::Parse(bsns[i % 5]).value());
    if (!p) _exit(5);
    auto patient = p.value() ? *p.value() : test::SyntheticPatient(bsns[i % 5], "Patient " + std::to_string(i % 5));
    patient.location = "kamer " + std::to_string(i);
    auto id = s.patients().Save(patient);
    if (!id) _exit(6);
    store::CachedRetrieval r;
    r.patientId = id.value();
    r.retrievedAt = e.at;
    store::CachedSource c;
    c.outcome.status = domain::SourceStatus::kData;
    c.snapshot = std::string(static_cast<std::size_t>(2000 + (i % 7) * 3000), 'x') + std::to_string(i);
    r.sources.push_back(c);
    if (!s.retrievals().Save(r)) _exit(7);
    if (write(ack, &i, sizeof i) != sizeof i) _exit(8);
  }
}

}  // namespace

TEST_CASE("a writer killed at random moments loses nothing it had saved") {
  std::mt19937 random(20261123);
  for (int round = 0; round < 6; ++round) {
    INFO("round " << round);
    test::StoreFile f;
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      close(fds[0]);
      Writer(f, fds[1]);
    }
    close(fds[1]);
    // Let it save for a while, then kill it mid-flight.
    const auto wait = std::chrono::milliseconds(std::uniform_int_distribution<int>(150, 900)(random));
    const auto until = std::chrono::steady_clock::now() + wait;
    std::uint32_t acknowledged = 0;
    while (std::chrono::steady_clock::now() < until) {
      std::uint32_t n = 0;
      if (read(fds[0], &n, sizeof n) != sizeof n) break;
      acknowledged = n;
    }
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    close(fds[0]);
    REQUIRE(WIFSIGNALED(status));  // it was killed, not failed (an exit code would say which save failed)
    REQUIRE(acknowledged > 0);

    auto s = f.Open();
    CHECK(s->database().IntegrityCheck() == "ok");
    const auto check = s->audit().Verify();
    CHECK(check.intact);
    INFO(check.problem);
    CHECK(check.records >= acknowledged);
    // The last acknowledged save is there in full: its audit record and its patient's location.
    const char* bsns[] = {"999991000", "999900109", "999911120", "999910012", "999910024"};
    auto p = s->patients().FindByBsn(domain::Bsn::Parse(bsns[acknowledged % 5]).value()).value();
    REQUIRE(p);
    const int location = std::stoi(p->location.substr(6));
    CHECK(location >= static_cast<int>(acknowledged));
    auto latest = s->retrievals().Latest(p->id).value();
    REQUIRE(latest);
    CHECK(latest->sources.size() == 1);
  }
}
