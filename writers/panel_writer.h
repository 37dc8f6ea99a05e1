// panel.csv: the harmonized panel, one row per converted report (spec panel.md).
#pragma once

#include <string>

#include "model/panel.h"

namespace ogix {

// The header line (CRLF): source,document,profile,agency,agency_key,agency_level,year, the
// panel columns, rules_fail,duplicate_key,notes.
std::string panel_csv_header();

// One panel row as a CSV line (RFC 4180, CRLF).
std::string panel_csv_row(const PanelRow& row);

}  // namespace ogix
