// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The one door to the message catalog. Message ids are the Dutch product texts; the GUI installs a
// gettext translator (English catalog in resources/locale/), the CLI keeps the identity. Sentences
// with values are translated whole, as patterns with {0}, {1}…, so a translator sees the sentence.
// xgettext extracts the arguments of Tr(), Fmt() and N_() (tests/i18n/check-catalog.sh).
#include <initializer_list>
#include <string>

namespace zb::present {

using Translator = std::string (*)(const char* msgid);
// Not thread-safe to change while texts are built: set once at start-up.
void SetTranslator(Translator translator);

std::string Tr(const char* msgid);
// Translates `pattern`, then replaces {0}, {1}, … by the arguments (which are not translated).
std::string Fmt(const char* pattern, std::initializer_list<std::string> args);

}  // namespace zb::present

// Marks a message id (wx defines the same macro with the same meaning) for extraction where it is only stored
// (translated later with Tr).
#ifndef N_
#define N_(text) text
#endif
