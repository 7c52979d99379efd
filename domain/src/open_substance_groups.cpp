// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/open_substance_groups.h"

#include <algorithm>
#include <cctype>

#include "substance_group_table.h"

namespace zb::domain {

namespace {

// The base letter of a UTF-8 Latin-1 supplement letter (second byte after 0xC3), or 0.
char FoldLatin1(unsigned char second) {
  static constexpr std::string_view kBase = "AAAAAAACEEEEIIIIDNOOOOO.OUUUUYTsaaaaaaaceeeeiiiidnooooo.ouuuuyty";
  if (second < 0x80 || second > 0xBF) return 0;
  const char c = kBase[second - 0x80];
  return std::isalpha(static_cast<unsigned char>(c)) ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                                                     : 0;
}

// Splits on anything that is not a letter or digit; each word folded.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words(1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    char folded = 0;
    if (std::isalnum(c)) {
      folded = static_cast<char>(std::toupper(c));
    } else if (c == 0xC3 && i + 1 < text.size()) {
      folded = FoldLatin1(static_cast<unsigned char>(text[++i]));
    } else if (c == '\'') {
      continue;  // "NSAID's" is one word
    }
    if (folded != 0) {
      words.back() += folded;
    } else if (!words.back().empty()) {
      words.emplace_back();
    }
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

std::vector<std::string_view> Split(std::string_view list, char separator) {
  std::vector<std::string_view> parts;
  while (!list.empty()) {
    const auto at = list.find(separator);
    if (at != 0) parts.push_back(list.substr(0, at));
    if (at == std::string_view::npos) break;
    list.remove_prefix(at + 1);
  }
  return parts;
}

const table::SubstanceRow* SubstanceByAtc(std::string_view atc) {
  for (const auto& row : table::Substances()) {
    if (row.atc == atc) return &row;
  }
  return nullptr;
}

// The names a substance row answers to, folded: its name and aliases.
bool SubstanceNamed(const table::SubstanceRow& row, const std::string& folded) {
  if (FoldName(row.name) == folded) return true;
  for (auto alias : Split(row.aliases, '|')) {
    if (FoldName(alias) == folded) return true;
  }
  return false;
}

// A word of a product name names a substance when it is the substance's one-word name, or starts
// with it and names a salt or ester form ("METOPROLOLSUCCINAAT", "ALENDRONINEZUURNATRIUM").
const table::SubstanceRow* SubstanceOfWord(const std::string& word) {
  constexpr std::size_t kShortestStem = 6;  // shorter stems would match unrelated words
  const table::SubstanceRow* best = nullptr;
  std::size_t bestLength = 0;
  for (const auto& row : table::Substances()) {
    if (row.name.find('/') != std::string_view::npos) continue;  // combinations are found by their parts
    const std::string name = FoldName(row.name);
    if (word == name || SubstanceNamed(row, word)) return &row;
    if (name.size() >= kShortestStem && word.starts_with(name) && name.size() > bestLength) {
      best = &row;
      bestLength = name.size();
    }
  }
  return best;
}

void AddUnique(std::vector<KnownSubstance>& list, KnownSubstance s) {
  const bool known = std::any_of(list.begin(), list.end(), [&s](const KnownSubstance& k) {
    return (!s.atc.empty() && k.atc == s.atc) || (s.atc.empty() && k.name == s.name);
  });
  if (!known) list.push_back(std::move(s));
}

std::vector<KnownSubstance> SubstancesInText(std::string_view text) {
  std::vector<KnownSubstance> found;
  const std::string whole = FoldName(text);
  for (const auto& row : table::Substances()) {
    if (SubstanceNamed(row, whole)) AddUnique(found, {std::string(row.name), std::string(row.atc), true});
  }
  for (const auto& word : Words(text)) {
    if (const auto* row = SubstanceOfWord(word))
      AddUnique(found, {std::string(row->name), std::string(row->atc), true});
  }
  return found;
}

const table::GroupRow* GroupNamed(std::string_view text) {
  const std::string folded = FoldName(text);
  for (const auto& row : table::Groups()) {
    if (FoldName(row.name) == folded) return &row;
    for (auto alias : Split(row.aliases, '|')) {
      if (FoldName(alias) == folded) return &row;
    }
  }
  return nullptr;
}

bool InGroup(const table::GroupRow& group, std::string_view atc) {
  if (atc.empty()) return false;
  for (auto cls : Split(group.classes, ' ')) {
    if (atc.starts_with(cls)) return true;
  }
  for (auto member : Split(group.members, ' ')) {
    if (atc == member) return true;
  }
  return false;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// What an ICA item names: ATC codes, groups and substances.
struct ItemMeaning {
  std::vector<std::string> atcSubstances;  // 5th-level ATC codes
  std::vector<std::string> atcClasses;     // shorter ATC codes
  std::vector<const table::GroupRow*> groups;
  std::vector<KnownSubstance> substances;
};

ItemMeaning MeaningOf(const Concept& item) {
  constexpr std::size_t kSubstanceLevelLength = 7;  // "J01CA04"
  ItemMeaning m;
  std::vector<std::string> labels;
  for (const auto& c : item.codings) {
    if (c.system == systems::kAtc && !c.code.empty()) {
      (c.code.size() >= kSubstanceLevelLength ? m.atcSubstances : m.atcClasses).push_back(c.code);
    }
    if (!c.display.empty()) labels.push_back(c.display);
  }
  // The free text is read only when no code has a display: it is narrative and may name the
  // exceptions too ("... PENICILLINES ... (with the exception of FLUCLOXACILLINE)").
  if (labels.empty() && !item.text.empty()) labels.push_back(item.text);
  for (const auto& label : labels) {
    if (const auto* group = GroupNamed(label)) {
      if (std::find(m.groups.begin(), m.groups.end(), group) == m.groups.end()) m.groups.push_back(group);
      continue;
    }
    for (auto& s : SubstancesInText(label)) AddUnique(m.substances, std::move(s));
  }
  return m;
}

std::string GroupOfClass(std::string_view cls) {
  for (const auto& row : table::Groups()) {
    if (row.classes == cls) return std::string(row.name);
  }
  return {};
}

std::optional<IcaMatch> MatchSubstance(const ItemMeaning& item, const KnownSubstance& s) {
  auto Base = [&s](IcaBasis basis) {
    IcaMatch m;
    m.basis = basis;
    m.substance = s.name;
    m.substanceAtc = s.atc;
    m.byName = s.byName;
    return m;
  };
  for (const auto& atc : item.atcSubstances) {
    if (atc == s.atc) {
      IcaMatch m = Base(s.byName ? IcaBasis::kSameSubstance : IcaBasis::kSameCode);
      if (!s.byName) {
        m.level = "ATC";
        m.code = atc;
      }
      return m;
    }
  }
  for (const auto& k : item.substances) {
    if ((!k.atc.empty() && k.atc == s.atc) || k.name == s.name) return Base(IcaBasis::kSameSubstance);
  }
  for (const auto* group : item.groups) {
    if (InGroup(*group, s.atc)) {
      IcaMatch m = Base(IcaBasis::kInGroup);
      m.group = group->name;
      m.groupAtc = group->classes;
      return m;
    }
  }
  for (const auto& cls : item.atcClasses) {
    if (!s.atc.empty() && s.atc.starts_with(cls)) {
      IcaMatch m = Base(IcaBasis::kInGroup);
      m.group = GroupOfClass(cls);
      m.groupAtc = cls;
      return m;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string FoldName(std::string_view text) {
  std::string out;
  for (const auto& w : Words(text)) out += w;
  return out;
}

std::string OpenSubstanceGroups::Name() const { return "open ATC-stofgroepentabel " + std::string(table::kVersion); }

std::vector<KnownSubstance> OpenSubstanceGroups::SubstancesOf(const Product& product) const {
  std::vector<KnownSubstance> found;
  auto FromAtc = [&found](const Coding& c) {
    if (c.system != systems::kAtc || c.code.empty()) return;
    const auto* row = SubstanceByAtc(c.code);
    AddUnique(found, {row ? std::string(row->name) : Lower(c.display), c.code, false});
  };
  for (const auto& code : product.codes) FromAtc(code.coding);
  for (const auto& ingredient : product.ingredients) {
    for (const auto& c : ingredient.item.codings) FromAtc(c);
  }
  if (!found.empty()) return found;
  for (auto& s : SubstancesInText(product.DisplayName())) AddUnique(found, std::move(s));
  for (const auto& ingredient : product.ingredients) {
    for (auto& s : SubstancesInText(ingredient.item.Label())) AddUnique(found, std::move(s));
  }
  return found;
}

std::optional<IcaMatch> OpenSubstanceGroups::Covers(const Concept& item, const Product& product) const {
  const ItemMeaning meaning = MeaningOf(item);
  for (const auto& s : SubstancesOf(product)) {
    if (auto m = MatchSubstance(meaning, s)) return m;
  }
  return std::nullopt;
}

std::vector<std::string> OpenSubstanceGroups::TableProblems() {
  auto WellFormed = [](std::string_view atc, bool substanceLevel) {
    // A01BC23: letter, two digits, two letters, two digits; a class is a prefix of that shape.
    static constexpr std::string_view kShape = "ADDAADD";
    if (atc.empty() || atc.size() > kShape.size() || (substanceLevel && atc.size() != kShape.size())) return false;
    for (std::size_t i = 0; i < atc.size(); ++i) {
      const auto c = static_cast<unsigned char>(atc[i]);
      if (kShape[i] == 'A' ? !std::isupper(c) : !std::isdigit(c)) return false;
    }
    return true;
  };
  std::vector<std::string> problems;
  std::vector<std::string> names;
  for (const auto& row : table::Substances()) {
    if (!WellFormed(row.atc, true))
      problems.push_back("substance " + std::string(row.name) + ": ATC " + std::string(row.atc));
    if (std::find(names.begin(), names.end(), FoldName(row.name)) != names.end()) {
      problems.push_back("twice: " + std::string(row.name));
    }
    names.push_back(FoldName(row.name));
  }
  for (const auto& row : table::Groups()) {
    for (auto cls : Split(row.classes, ' ')) {
      if (!WellFormed(cls, false)) problems.push_back("group " + std::string(row.name) + ": class " + std::string(cls));
    }
    for (auto member : Split(row.members, ' ')) {
      if (!WellFormed(member, true))
        problems.push_back("group " + std::string(row.name) + ": member " + std::string(member));
    }
    if (std::find(names.begin(), names.end(), FoldName(row.name)) != names.end())
      problems.push_back("twice: " + std::string(row.name));
    names.push_back(FoldName(row.name));
  }
  return problems;
}

}  // namespace zb::domain
