// Uploads records to a data collection rule stream of a live Vigil server with Microsoft's LogsIngestionClient,
// unmodified, over HTTPS. Environment: VIGIL_URL (the rule's logsIngestion endpoint), VIGIL_DCR (immutable id),
// VIGIL_STREAM, VIGIL_RECORDS (a JSON array), VIGIL_TOKEN (a Contributor's token); NODE_EXTRA_CA_CERTS trusts the
// server's certificate.
import { LogsIngestionClient, isAggregateLogsUploadError } from "@azure/monitor-ingestion";

const { VIGIL_URL: url, VIGIL_DCR: ruleId, VIGIL_STREAM: stream, VIGIL_RECORDS: records, VIGIL_TOKEN: token } = process.env;
if (!url || !ruleId || !stream || !records || !token) {
  console.error("VIGIL_URL, VIGIL_DCR, VIGIL_STREAM, VIGIL_RECORDS and VIGIL_TOKEN are required");
  process.exit(2);
}

const credential = {
  getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3600 * 1000 }),
};
const client = new LogsIngestionClient(url, credential);
try {
  await client.upload(ruleId, stream, JSON.parse(records), { maxConcurrency: 1 });
  console.log("uploaded");
} catch (error) {
  if (isAggregateLogsUploadError(error)) {
    for (const failure of error.errors) {
      console.error(`upload failed: ${failure.cause?.message ?? failure.cause}`);
    }
  } else {
    console.error(`upload failed: ${error?.message ?? error}`);
  }
  process.exit(1);
}
