// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A patient register as a JSON file (resources/demo/register.json: the demo nursing home's record
// of its residents and where their data lives), read into registered patients: for the demo, for
// importing from an ECD export, and for the CLI's --register.
#include <string>
#include <vector>

#include "domain/patient_register.h"
#include "domain/result.h"

namespace zb::workstation {

// Every patient in the file; the first bad entry is an error naming the file and the entry.
domain::Result<std::vector<domain::RegisteredPatient>> ReadRegisterFile(const std::string& path);

}  // namespace zb::workstation
