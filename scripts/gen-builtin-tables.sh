#!/usr/bin/env bash
# Regenerates src/Vigil.Kql/Symbols/BuiltInTables.json from ../shared/schemas/tables.json.
# The generator lives in the test project (tests/Vigil.Kql.Tests/Symbols/BuiltInTablesGenerator.cs) so that the same code
# both writes the file and, in every test run, fails when the checked-in file has drifted from its source.
set -euo pipefail
cd "$(dirname "$0")/.."
VIGIL_ACCEPT_GOLDEN=1 flock /tmp/vigil-build.lock dotnet test tests/Vigil.Kql.Tests -c Release -nologo \
  --filter "FullyQualifiedName~BuiltInTablesTests.Checked_in_definitions_match_a_fresh_generation_from_shared_tables_json"
git --no-pager diff --stat -- src/Vigil.Kql/Symbols/BuiltInTables.json
