// Runs a v2 query against a live Vigil server with Microsoft's azure-kusto-data client and prints the primary
// result as JSON lines ({"columns": [...]} then one row array per line) for the C# test to check.
// Environment: VIGIL_URL (https://127.0.0.1:PORT), VIGIL_DB, VIGIL_QUERY, VIGIL_TOKEN (a Reader's token);
// NODE_EXTRA_CA_CERTS trusts the server's certificate.
import { Client, KustoConnectionStringBuilder } from "azure-kusto-data";

const url = process.env.VIGIL_URL;
const database = process.env.VIGIL_DB ?? "Vigil";
const query = process.env.VIGIL_QUERY;
if (!url || !query) {
  console.error("VIGIL_URL and VIGIL_QUERY are required");
  process.exit(2);
}

// An access token instead of Entra sign-in: the client sends it as the bearer token and never calls Entra.
const kcsb = KustoConnectionStringBuilder.withAccessToken(url, process.env.VIGIL_TOKEN ?? "");
const client = new Client(kcsb);
try {
  const response = await client.execute(database, query);
  const table = response.primaryResults[0];
  console.log(JSON.stringify({ columns: table.columns.map((c) => ({ name: c.name, type: c.type })) }));
  for (const row of table.rows()) {
    console.log(JSON.stringify(row.toJSON ? Object.values(row.toJSON()) : row));
  }
} catch (error) {
  console.error(`query failed: ${error?.message ?? error}`);
  process.exit(1);
} finally {
  client.close();
}
