// SPDX-License-Identifier: GPL-3.0-or-later
// zorgbrug: the workstation. The app object is created here (not in the library), so GUI tests can
// bring their own.
#include <wx/app.h>

#include "app.h"

wxIMPLEMENT_APP(zb::gui::App);
