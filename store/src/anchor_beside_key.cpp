// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/anchor_beside_key.h"

namespace zb::store {
namespace {

class PlatformAnchor final : public HeadAnchor {
 public:
  explicit PlatformAnchor(platform::AnchorPlace place) : m_place(std::move(place)) {}
  domain::Result<std::optional<std::string>> Load() override { return platform::LoadHeadAnchor(m_place); }
  domain::Result<bool> Save(const std::string& text) override { return platform::SaveHeadAnchor(m_place, text); }

 private:
  platform::AnchorPlace m_place;
};

}  // namespace

std::shared_ptr<HeadAnchor> AnchorBesideKey(platform::AnchorPlace place) {
  return std::make_shared<PlatformAnchor>(std::move(place));
}

}  // namespace zb::store
