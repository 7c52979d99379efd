// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one way work comes back to the UI: posted to the main thread with CallAfter, and dropped when
// the window it was for has been destroyed in the meantime. A window holds a UiGuard; a worker
// holds the guard's token (a shared flag that only the UI thread reads and writes, so no wx object
// is touched off the UI thread, unlike a wxWeakRef copied on a worker).
#include <wx/app.h>

#include <functional>
#include <memory>

namespace zb::gui {

class UiGuard {
 public:
  UiGuard() : m_alive(std::make_shared<bool>(true)) {}
  ~UiGuard() { *m_alive = false; }
  UiGuard(const UiGuard&) = delete;
  UiGuard& operator=(const UiGuard&) = delete;
  std::shared_ptr<const bool> token() const { return m_alive; }

 private:
  std::shared_ptr<bool> m_alive;
};

// Safe from any thread: runs `work(*window)` on the UI thread if the window still exists then.
template <class Window>
void PostTo(std::shared_ptr<const bool> alive, Window* window, std::function<void(Window&)> work) {
  wxTheApp->CallAfter([alive = std::move(alive), window, work = std::move(work)] {
    if (*alive) work(*window);
  });
}

// A poster for a session that lives in a window: runs each call on the UI thread while the window
// (its guard) is alive.
inline std::function<void(std::function<void()>)> UiPoster(std::shared_ptr<const bool> alive) {
  return [alive = std::move(alive)](std::function<void()> call) {
    wxTheApp->CallAfter([alive, call = std::move(call)] {
      if (*alive) call();
    });
  };
}

}  // namespace zb::gui
