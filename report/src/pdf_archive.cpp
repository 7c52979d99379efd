// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdf_archive.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <regex>
#include <vector>

#include "domain/markup_text.h"

namespace zb::report {

namespace {

void Be32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}
void Be16(std::string& out, std::uint16_t v) {
  out += static_cast<char>(v >> 8);
  out += static_cast<char>(v & 0xFF);
}
// ICC s15Fixed16Number.
void Fixed(std::string& out, double v) {
  Be32(out, static_cast<std::uint32_t>(static_cast<std::int32_t>(v * 65536.0 + (v < 0 ? -0.5 : 0.5))));
}
void Pad4(std::string& out) {
  while (out.size() % 4 != 0) out += '\0';
}

std::string XyzTag(double x, double y, double z) {
  std::string t = "XYZ ";
  Be32(t, 0);
  Fixed(t, x);
  Fixed(t, y);
  Fixed(t, z);
  return t;
}

std::uint32_t Byte(const std::string& bytes, std::size_t at) { return static_cast<unsigned char>(bytes[at]); }

// A PDF string as text: a literal string with its escapes, or UTF-16BE hex with a byte-order mark
// (how cairo writes non-ASCII). Only what cairo writes into the document information.
std::string PdfStringText(const std::string& token) {
  std::string out;
  if (token.size() >= 2 && token.front() == '(') {
    for (std::size_t i = 1; i + 1 < token.size(); ++i) {
      char c = token[i];
      if (c == '\\' && i + 2 < token.size()) {
        c = token[++i];
        if (c == 'n')
          c = '\n';
        else if (c == 'r')
          c = '\r';
        else if (c == 't')
          c = '\t';
      }
      out += c;
    }
    return out;
  }
  std::string bytes;
  for (std::size_t i = 1; i + 2 < token.size(); i += 2)
    bytes += static_cast<char>(std::stoi(token.substr(i, 2), nullptr, 16));
  std::size_t at = bytes.rfind("\xFE\xFF", 0) == 0 ? 2 : 0;
  for (; at + 1 < bytes.size(); at += 2) {
    std::uint32_t cp = (Byte(bytes, at) << 8) | Byte(bytes, at + 1);
    if (cp >= 0xD800 && cp < 0xDC00 && at + 3 < bytes.size()) {
      const std::uint32_t low = (Byte(bytes, at + 2) << 8) | Byte(bytes, at + 3);
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      at += 2;
    }
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

// "D:20261203181343Z" or "D:20261203191343+01'00'" as an XMP date "2026-12-03T18:13:43Z".
std::string XmpDate(const std::string& pdfDate) {
  static const std::regex date(R"(^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|([+-]\d{2})'?(\d{2})'?)?$)");
  std::smatch m;
  if (!std::regex_match(pdfDate, m, date)) return {};
  const std::string zone = m[8].matched ? m[8].str() + ":" + m[9].str() : m[7].str();
  return m[1].str() + "-" + m[2].str() + "-" + m[3].str() + "T" + m[4].str() + ":" + m[5].str() + ":" + m[6].str() +
         zone;
}

// 64-bit FNV-1a, for the file identifier (unique enough; not a security property).
std::uint64_t Fnv(const std::string& bytes, std::uint64_t hash = 14695981039346656037ULL) {
  for (char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return hash;
}

std::string Field(const std::string& dict, const char* key) {
  const std::regex value(std::string("/") + key + R"(\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]*>))");
  std::smatch m;
  return std::regex_search(dict, m, value) ? PdfStringText(m[1].str()) : std::string();
}

}  // namespace

std::string SrgbIccProfile() {
  struct Tag {
    const char* signature;
    std::string data;
  };
  std::string desc = "desc";
  Be32(desc, 0);
  const std::string name = "sRGB IEC61966-2.1";
  Be32(desc, static_cast<std::uint32_t>(name.size() + 1));
  desc += name;
  desc += '\0';
  Be32(desc, 0);  // Unicode language
  Be32(desc, 0);  // Unicode count
  Be16(desc, 0);  // ScriptCode code
  desc += '\0';   // ScriptCode count
  desc += std::string(67, '\0');
  std::string cprt = "text";
  Be32(cprt, 0);
  cprt += std::string("No copyright, use freely") + '\0';
  // sRGB: D50-adapted primaries (Bradford), D50 white, and a 2.2 gamma curve.
  std::string curve = "curv";
  Be32(curve, 0);
  Be32(curve, 1);
  Be16(curve, 0x0233);  // u8Fixed8 2.2
  const std::vector<Tag> tags{{"desc", desc},
                              {"cprt", cprt},
                              {"wtpt", XyzTag(0.9642, 1.0, 0.8249)},
                              {"rXYZ", XyzTag(0.4361, 0.2225, 0.0139)},
                              {"gXYZ", XyzTag(0.3851, 0.7169, 0.0971)},
                              {"bXYZ", XyzTag(0.1431, 0.0606, 0.7141)},
                              {"rTRC", curve},
                              {"gTRC", curve},
                              {"bTRC", curve}};
  std::string table, data;
  Be32(table, static_cast<std::uint32_t>(tags.size()));
  const std::size_t dataStart = 128 + 4 + 12 * tags.size();
  for (const auto& t : tags) {
    table += t.signature;
    Be32(table, static_cast<std::uint32_t>(dataStart + data.size()));
    Be32(table, static_cast<std::uint32_t>(t.data.size()));
    data += t.data;
    Pad4(data);
  }
  std::string header;
  Be32(header, static_cast<std::uint32_t>(dataStart + data.size()));
  Be32(header, 0);           // preferred CMM
  Be32(header, 0x02100000);  // version 2.1
  header += "mntrRGB XYZ ";
  for (int v : {2026, 1, 1, 0, 0, 0}) Be16(header, static_cast<std::uint16_t>(v));
  header += "acsp";
  header += std::string(24, '\0');  // platform, flags, manufacturer, model, attributes
  Be32(header, 0);                  // perceptual
  Fixed(header, 0.9642);
  Fixed(header, 1.0);
  Fixed(header, 0.8249);
  header += std::string(128 - header.size(), '\0');
  return header + table + data;
}

domain::Result<bool> AppendPdfAIdentification(const std::string& path) {
  std::string pdf;
  {
    std::ifstream in(path, std::ios::binary);
    pdf.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  auto refuse = [&](const std::string& what) {
    return domain::MakeError(domain::ErrorCode::kInconsistent, "PDF/A: " + path + ": " + what);
  };
  const std::size_t trailerAt = pdf.rfind("trailer");
  const std::size_t startAt = pdf.rfind("startxref");
  if (trailerAt == std::string::npos || startAt == std::string::npos || startAt < trailerAt)
    return refuse("no classic trailer");
  const std::string trailer = pdf.substr(trailerAt, startAt - trailerAt);
  std::smatch m;
  static const std::regex size(R"(/Size\s+(\d+))"), root(R"(/Root\s+(\d+)\s+0\s+R)"), info(R"(/Info\s+(\d+)\s+0\s+R)");
  int objects = 0, rootId = 0, infoId = 0;
  if (std::regex_search(trailer, m, size)) objects = std::stoi(m[1].str());
  if (std::regex_search(trailer, m, root)) rootId = std::stoi(m[1].str());
  if (std::regex_search(trailer, m, info)) infoId = std::stoi(m[1].str());
  if (objects <= 0 || rootId <= 0) return refuse("the trailer names no /Size or /Root");
  const std::string previous = std::regex_replace(pdf.substr(startAt + 9, 32), std::regex(R"(\s*(\d+)[\s\S]*)"), "$1");
  auto objectText = [&](int id) -> std::string {
    const std::string head = "\n" + std::to_string(id) + " 0 obj";
    const std::size_t at = pdf.find(head);
    if (at == std::string::npos) return {};
    const std::size_t end = pdf.find("endobj", at);
    return end == std::string::npos ? std::string() : pdf.substr(at + head.size(), end - at - head.size());
  };
  std::string catalog = objectText(rootId);
  const std::size_t close = catalog.rfind(">>");
  if (catalog.find("/Catalog") == std::string::npos || close == std::string::npos)
    return refuse("object " + std::to_string(rootId) + " is not the Catalog");
  if (catalog.find("/Metadata") != std::string::npos || catalog.find("/OutputIntents") != std::string::npos)
    return refuse("the Catalog already has metadata or an output intent");
  const std::string infoDict = infoId > 0 ? objectText(infoId) : std::string();

  // The XMP mirrors the document information, as PDF/A requires of every entry both hold.
  const std::string title = Field(infoDict, "Title"), creator = Field(infoDict, "Creator"),
                    producer = Field(infoDict, "Producer"), created = XmpDate(Field(infoDict, "CreationDate")),
                    modified = XmpDate(Field(infoDict, "ModDate"));
  std::string xmp =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">"
      "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance></rdf:Description>\n";
  if (!title.empty())
    xmp +=
        "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title><rdf:Alt>"
        "<rdf:li xml:lang=\"x-default\">" +
        domain::XmlEscaped(title) + "</rdf:li></rdf:Alt></dc:title></rdf:Description>\n";
  if (!creator.empty() || !created.empty() || !modified.empty()) {
    xmp += "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">";
    if (!creator.empty()) xmp += "<xmp:CreatorTool>" + domain::XmlEscaped(creator) + "</xmp:CreatorTool>";
    if (!created.empty()) xmp += "<xmp:CreateDate>" + created + "</xmp:CreateDate>";
    if (!modified.empty()) xmp += "<xmp:ModifyDate>" + modified + "</xmp:ModifyDate>";
    xmp += "</rdf:Description>\n";
  }
  if (!producer.empty())
    xmp += "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"><pdf:Producer>" +
           domain::XmlEscaped(producer) + "</pdf:Producer></rdf:Description>\n";
  xmp += "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";

  const int iccId = objects, intentId = objects + 1, metadataId = objects + 2;
  std::string update = pdf.back() == '\n' ? "" : "\n";
  std::array<std::size_t, 4> offsets{};
  auto begin = [&](std::size_t slot) { offsets[slot] = pdf.size() + update.size(); };
  const std::string icc = SrgbIccProfile();
  begin(0);
  update += std::to_string(iccId) + " 0 obj\n<< /N 3 /Length " + std::to_string(icc.size()) + " >>\nstream\n" + icc +
            "\nendstream\nendobj\n";
  begin(1);
  update += std::to_string(intentId) +
            " 0 obj\n<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1)"
            " /Info (sRGB IEC61966-2.1) /DestOutputProfile " +
            std::to_string(iccId) + " 0 R >>\nendobj\n";
  begin(2);
  update += std::to_string(metadataId) + " 0 obj\n<< /Type /Metadata /Subtype /XML /Length " +
            std::to_string(xmp.size()) + " >>\nstream\n" + xmp + "\nendstream\nendobj\n";
  begin(3);
  update += std::to_string(rootId) + " 0 obj" + catalog.substr(0, close) + "   /Metadata " +
            std::to_string(metadataId) + " 0 R\n   /OutputIntents [" + std::to_string(intentId) + " 0 R]\n" +
            catalog.substr(close) + "endobj\n";
  const std::size_t xrefAt = pdf.size() + update.size();
  auto entry = [](std::size_t offset) {
    char line[21];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    return std::string(line, 20);
  };
  update += "xref\n" + std::to_string(rootId) + " 1\n" + entry(offsets[3]) + std::to_string(iccId) + " 3\n" +
            entry(offsets[0]) + entry(offsets[1]) + entry(offsets[2]);
  // The file identifier: derived from the content, so the same report gives the same id.
  char id[33];
  std::snprintf(id, sizeof id, "%016llx%016llx", static_cast<unsigned long long>(Fnv(pdf)),
                static_cast<unsigned long long>(Fnv(pdf, Fnv(xmp))));
  update += "trailer\n<< /Size " + std::to_string(metadataId + 1) + "\n   /Root " + std::to_string(rootId) + " 0 R\n" +
            (infoId > 0 ? "   /Info " + std::to_string(infoId) + " 0 R\n" : std::string()) + "   /Prev " + previous +
            "\n   /ID [<" + std::string(id) + "> <" + std::string(id) + ">]\n>>\nstartxref\n" + std::to_string(xrefAt) +
            "\n%%EOF\n";
  std::ofstream out(path, std::ios::binary | std::ios::app);
  out << update;
  out.flush();
  if (!out) return domain::MakeError(domain::ErrorCode::kIo, "PDF/A: " + path + " cannot be completed");
  return true;
}

}  // namespace zb::report
