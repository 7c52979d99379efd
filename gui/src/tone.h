// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Background colours for the presenters' tones: soft enough to read black text on, distinct
// enough to tell "data", "nothing", "refused" and "failed" apart at a glance.
#include <wx/colour.h>

#include "present/overview_view.h"

namespace zb::gui {

inline wxColour ToneColour(present::Tone t) {
  switch (t) {
    case present::Tone::kGood:
      return wxColour(0xD7, 0xEF, 0xDD);
    case present::Tone::kNeutral:
      return wxColour(0xE8, 0xEA, 0xED);
    case present::Tone::kWarning:
      return wxColour(0xFD, 0xEB, 0xC8);
    case present::Tone::kDanger:
      return wxColour(0xF9, 0xD2, 0xCE);
    case present::Tone::kPending:
      return wxColour(0xD9, 0xE6, 0xFC);
  }
  return *wxWHITE;
}

}  // namespace zb::gui
