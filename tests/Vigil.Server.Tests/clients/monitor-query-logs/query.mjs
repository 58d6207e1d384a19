// Runs one query against a live `vigil serve` with Microsoft's LogsQueryClient and prints the result as JSON.
// Environment: VIGIL_ENDPOINT (https://127.0.0.1:PORT), VIGIL_WORKSPACE_ID, VIGIL_TOKEN (from `vigil token`),
// VIGIL_QUERY, optional VIGIL_DURATION (ISO 8601, default P1D). Trust the server's generated certificate with
// NODE_EXTRA_CA_CERTS=<its localhost-cert.pem>.
import { LogsQueryClient } from "@azure/monitor-query-logs";

const { VIGIL_ENDPOINT, VIGIL_WORKSPACE_ID, VIGIL_TOKEN, VIGIL_QUERY } = process.env;
for (const [name, value] of Object.entries({ VIGIL_ENDPOINT, VIGIL_WORKSPACE_ID, VIGIL_TOKEN, VIGIL_QUERY })) {
  if (!value) {
    console.error(`query.mjs: ${name} is not set`);
    process.exit(2);
  }
}

// A TokenCredential: the SDK asks for https://api.loganalytics.io/.default; Vigil's own token stands in for Entra's.
const credential = {
  async getToken(scopes) {
    return { token: VIGIL_TOKEN, expiresOnTimestamp: Date.now() + 55 * 60 * 1000 };
  },
};

// The SDK uses the endpoint as the API's base URL, version segment included.
const client = new LogsQueryClient(credential, { endpoint: `${VIGIL_ENDPOINT.replace(/\/$/, "")}/v1` });
try {
  const result = await client.queryWorkspace(VIGIL_WORKSPACE_ID, VIGIL_QUERY, {
    duration: process.env.VIGIL_DURATION ?? "P1D",
  });
  const tables = (result.tables ?? []).map((table) => ({
    name: table.name,
    columns: table.columnDescriptors.map((c) => ({ name: c.name, type: c.type })),
    rows: table.rows.map((row) => row.map((cell) => (cell instanceof Date ? { date: cell.toISOString() } : cell))),
  }));
  console.log(JSON.stringify({ status: result.status, tables }));
} catch (error) {
  // A refusal prints as data, so the test can check what the SDK saw.
  console.log(JSON.stringify({ status: "Error", statusCode: error.statusCode ?? null, code: error.code ?? null, message: error.message }));
}
