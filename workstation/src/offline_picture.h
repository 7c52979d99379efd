// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A stored retrieval back into a patient picture: each source's outcome as it was, its data read
// again from the sealed snapshot with the same FHIR reader the lookup used.
#include "store/retrieval_cache.h"
#include "workstation/workstation.h"

namespace zb::workstation {

OfflinePicture RebuildPicture(const std::string& bsn, const store::CachedRetrieval& retrieval);

}  // namespace zb::workstation
