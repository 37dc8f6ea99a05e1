// The part a batch leaves per finished input in OUTDIR/.ogix-parts/: its manifest row and, for a
// converted input, what the dataset files read of its Document (metadata, profile, cells, rules,
// findings). The dataset assembly takes each report from its part instead of parsing the report's
// XML back (cli/dataset.h): a part is a few per cent of the XML's bytes and decodes without libxml2.
//
// A part holds every string as the XML carries it (sanitize_xml_text), so the dataset files made
// from parts are byte for byte the ones made from the XMLs read back (--resume of a finished run,
// ogix merge): tests/dataset_part_test.cc checks this on every golden fixture.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cli/manifest.h"
#include "model/document.h"

namespace ogix {

// One part read back.
struct DatasetPart {
  ManifestRecord record;
  // What the dataset files read of the report (no sections or blocks); absent for a failed input
  // and for a report kept by --resume from a finished run (its XML is read back instead).
  std::optional<Document> doc;
};

// Encodes a part: the record and, when `doc` is given, the dataset's view of the report.
std::string encode_dataset_part(const ManifestRecord& record, const Document* doc);

// Decodes a part (the document only when `with_doc`). Throws Error(damaged) naming `name` when the
// bytes are not a part of this format.
DatasetPart decode_dataset_part(std::string_view bytes, const std::string& name, bool with_doc = true);

}  // namespace ogix
