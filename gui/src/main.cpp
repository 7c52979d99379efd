// SPDX-License-Identifier: GPL-3.0-or-later
// zorgbrug: the workstation. The app object is created here (not in the library), so GUI tests can
// bring their own.
#include <wx/app.h>

#include <cstdlib>

#include "app.h"

wxIMPLEMENT_APP_NO_MAIN(zb::gui::App);

int main(int argc, char** argv) {
  // Zorgbrug draws nothing with OpenGL, but GTK probes GLX at start-up, which on machines without a
  // GPU driver (remote desktops, thin clients, Xvfb) loads Mesa's software renderer and LLVM:
  // about 50 MB of resident memory for nothing. A user's own GDK_GL setting wins.
  setenv("GDK_GL", "disable", 0);
  return wxEntry(argc, argv);
}
